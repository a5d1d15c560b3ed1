// The ITU-T study groups of a study period, from the sector's own page
// (`/en/ITU-T/studygroups/2022-2024/Pages/default.aspx`): each group links to its home page
// (`…/studygroups/2022-2024/17/Pages/default.aspx`), TSAG to `/en/ITU-T/tsag/…`. Discovery reads
// the groups from here rather than from a list kept in stdwatch.
import * as cheerio from 'cheerio';
import { LayoutChangedError } from '../errors.js';
import { decodeHtml } from '../text.js';
import type { ParsedGroup } from '../../domain/types.js';
import { studyGroup, TSAG } from '../../domain/groups/itu.js';
import type { StudyPeriod } from './periods.js';

export interface ListedGroup {
  group: ParsedGroup;
  /** The study group's number (`17`), the officer lists' `Group` parameter; null for TSAG. */
  number: number | null;
}

export function parseStudyGroupList(bytes: Uint8Array, period: StudyPeriod): ListedGroup[] {
  const $ = cheerio.load(decodeHtml(bytes, 'utf-8'));
  const found = new Map<string, ListedGroup>();
  const groupLink = new RegExp(`/studygroups/${period.years}/0*(\\d{1,2})/`, 'i');
  for (const a of $('a[href]').toArray()) {
    const href = $(a).attr('href') ?? '';
    const sg = groupLink.exec(href);
    if (sg) {
      const number = Number(sg[1]);
      found.set(`SG${number}`, { group: studyGroup(number), number });
    } else if (/\/ITU-T\/tsag\//i.test(href)) {
      found.set('TSAG', { group: TSAG, number: null });
    }
  }
  const groups = [...found.values()].filter((g) => g.number !== null);
  if (groups.length === 0) {
    throw new LayoutChangedError(`no links to the ${period.years} study groups (…/studygroups/${period.years}/NN/…): the study-group list has changed`);
  }
  return [...found.values()].sort((a, b) => (a.number ?? 99) - (b.number ?? 99));
}
