// ITU study periods: the prefix ITU's document store uses (`T22-SG17-C`), the `Period` parameter of
// the ITU-T officer lists, the years the study-group pages are filed under, and the dates a seat of
// the period is held (from the day after the assembly that appointed it to the last day of the next
// one). Data, not code: add an older period here to scrape it.

export type Sector = 'T' | 'R';

export interface StudyPeriod {
  sector: Sector;
  /** The document-store prefix: `T17`, `T22`, `R19`. */
  prefix: string;
  /** The ITU-T officer lists' `Period` parameter (`17`); null for ITU-R. */
  listPeriod: string | null;
  /** As ITU writes it in page addresses and titles: `2017-2020`. */
  years: string;
  /** First and last day of the period's seats, YYYY-MM-DD; `to` null while it runs. */
  from: string;
  to: string | null;
}

export const STUDY_PERIODS: StudyPeriod[] = [
  // WTSA-16 (Hammamet) closed on 3 November 2016; WTSA-20 was held late, 1-9 March 2022.
  { sector: 'T', prefix: 'T17', listPeriod: '17', years: '2017-2020', from: '2016-11-04', to: '2022-03-09' },
  // WTSA-24 (New Delhi) closed on 24 October 2024.
  { sector: 'T', prefix: 'T22', listPeriod: '22', years: '2022-2024', from: '2022-03-10', to: '2024-10-24' },
  { sector: 'T', prefix: 'T25', listPeriod: '25', years: '2025-2028', from: '2024-10-25', to: null },
  // ITU-R: RA-19 (Sharm el-Sheikh, 21-25 October 2019) to RA-23 (Dubai, 13-17 November 2023).
  { sector: 'R', prefix: 'R19', listPeriod: null, years: '2019-2023', from: '2019-10-26', to: '2023-11-17' },
  { sector: 'R', prefix: 'R23', listPeriod: null, years: '2023-2027', from: '2023-11-18', to: null },
];

/** The periods that overlap the scrape window (a weekly scrape reads only the current one). */
export function periodsInWindow(window: { since: string; until: string }, periods = STUDY_PERIODS): StudyPeriod[] {
  return periods.filter((p) => (p.to ?? '9999-12-31') >= window.since && p.from <= window.until);
}
