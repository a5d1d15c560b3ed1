// Saved Datatracker API answers given to `stdwatch import`. The API spreads a document over several
// resources — the document (title, revision, date) and its documentauthor records (affiliations) — so
// no single saved answer is a whole contribution: storing one alone would record drafts without their
// sources, or sources without their drafts. Such files are recognised and refused with that reason;
// `stdwatch scrape ietf` reads the API whole.
import { UnreadableInputError } from '../errors.js';
import { isApiPage } from './parse-api.js';

export function ietfJsonRefusal(text: string): never {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UnreadableInputError('a JSON file that does not parse (truncated?)');
  }
  if (!isApiPage(json)) throw new UnreadableInputError('a JSON file, but not a Datatracker API answer');
  const first = (json as { objects: Record<string, unknown>[] }).objects[0] ?? {};
  const kind = 'affiliation' in first ? 'documentauthor records (affiliations without the documents)' : 'name' in first && 'rev' in first ? 'documents (without their authors\' affiliations)' : 'API objects';
  throw new UnreadableInputError(
    `a Datatracker API answer of ${kind}: one API resource alone is not a whole contribution; run \`stdwatch scrape ietf\`, or import the htmlized draft (/doc/html/<name>-<rev>)`,
  );
}
