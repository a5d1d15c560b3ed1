// What a redacted copy is: the bytes archived and parsed instead of a published file that holds
// personal data stdwatch does not keep, and how the archive records it. Kept apart from the redactions
// themselves (redact.ts, 3gpp/work-plan-copy.ts) so that the HTTP client, which the server loads at
// start, does not load the workbook reader.
import crypto from 'node:crypto';
import type { Redaction } from '../domain/types.js';

export interface RedactedCopy {
  bytes: Buffer;
  /** What was taken out, in words (`e-mail addresses removed …`): said on /raw/N. */
  removed: string;
  /** When the copy is of another type than the file (a workbook written anew). */
  contentType?: string;
}

/** The copy to archive and parse instead of a published file, or null when the file holds nothing to take out. */
export type Redact = (published: Buffer) => RedactedCopy | null;

/** The content type of a copy written anew as a workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How the archive records a copy: what was removed, and the published file's sha256 and size. */
export function redactionNote(published: Uint8Array, copy: RedactedCopy): Redaction {
  return { removed: copy.removed, publishedSha256: crypto.createHash('sha256').update(published).digest('hex'), publishedSize: published.length };
}
