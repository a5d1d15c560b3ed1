// The sources stdwatch scrapes, by name (`3gpp:tdocs`, `itu:leadership`), one adapter per body.
import { threeGppTdocs } from './3gpp/index.js';
import { ituContributions, ituLeadership } from './itu/index.js';
import { threeGppLeadership } from './3gpp/leadership.js';
import { threeGppWorkPlan } from './3gpp/workplan.js';
import { ietfDocuments, ietfLeadership } from './ietf/index.js';
import { ieeeDocuments } from './ieee/index.js';
import { ieeeLeadership } from './ieee/leadership.js';
import type { Source } from './source.js';

export const SOURCES: Source[] = [
  threeGppTdocs,
  threeGppLeadership,
  threeGppWorkPlan,
  ituContributions,
  ituLeadership,
  ieeeDocuments,
  ieeeLeadership,
  ietfDocuments,
  ietfLeadership,
];

/** `3gpp` selects every 3GPP source; `3gpp:tdocs` one. No names: all. */
export function selectSources(names: string[]): Source[] {
  if (names.length === 0) return SOURCES;
  const chosen = new Set<Source>();
  for (const name of names) {
    const matches = SOURCES.filter((s) => s.name === name || s.body === name);
    if (matches.length === 0) {
      throw new Error(`unknown source "${name}" (available: ${[...new Set(SOURCES.flatMap((s) => [s.body, s.name]))].join(', ')})`);
    }
    for (const m of matches) chosen.add(m);
  }
  return [...chosen];
}

