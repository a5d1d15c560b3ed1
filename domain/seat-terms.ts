// When an official seat ended. Officer pages say when a holder was elected or appointed, rarely when the
// term ended: the end is the day a later election or appointment put someone else in the seat. A group
// has a fixed number of seats per role (3GPP: one chair; three vice-chairs in a TSG, two in a working
// group — Working Procedures, article 22), so when a new term starts in a full group, the longest-held
// term ends that day; a holder elected again starts a new term the day the old one ends. One election
// read from two sources may carry two days (an article's election day, a table's appointment weeks
// later): a term of the same holder starting within SAME_ELECTION_DAYS of one already sitting is that
// term, not a new one.

export interface OfficialTerm {
  id: number;
  group: string;
  role: string;
  /** Who holds it: the resolved organization, or the published affiliation when unresolved. */
  holder: string;
  from: string | null;
  to: string | null;
}

/** Terms of one holder starting closer than this are one election read twice; re-elections are years apart. */
export const SAME_ELECTION_DAYS = 90;

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** How many seats of a role a group has; Infinity when the body sets no number. */
export type SeatCapacity = (group: string, role: string) => number;

interface Sitting {
  holder: string;
  from: string;
  to: string | null;
  ids: number[];
}

/**
 * The day each open term ended, by term id, as the later terms of the same group and role show it.
 * The same term read from several pages (same holder, same start) is one term. Terms without a start
 * are left alone; a term that already has an end keeps it.
 */
export function replacedTermEnds(terms: OfficialTerm[], capacity: SeatCapacity): Map<number, string> {
  const ends = new Map<number, string>();
  const bySeat = new Map<string, OfficialTerm[]>();
  for (const term of terms) {
    if (!term.from) continue;
    const key = `${term.group}\u0000${term.role}`;
    bySeat.set(key, [...(bySeat.get(key) ?? []), term]);
  }
  for (const seatTerms of bySeat.values()) {
    const { group, role } = seatTerms[0]!;
    const cap = capacity(group, role);
    const starts = [...new Set(seatTerms.map((t) => t.from!))].sort();
    let sitting: Sitting[] = [];
    const close = (term: Sitting, day: string) => {
      for (const id of term.ids) {
        const original = seatTerms.find((t) => t.id === id)!;
        if (original.to === null) ends.set(id, day);
      }
    };
    for (const day of starts) {
      sitting = sitting.filter((s) => s.to === null || s.to > day);
      const arriving: Sitting[] = [];
      for (const term of seatTerms.filter((t) => t.from === day)) {
        const same = arriving.find((a) => a.holder === term.holder);
        if (same) same.ids.push(term.id);
        else arriving.push({ holder: term.holder, from: day, to: term.to, ids: [term.id] });
      }
      const starting: Sitting[] = [];
      for (const term of arriving) {
        const previous = sitting.find((s) => s.holder === term.holder);
        if (previous && daysBetween(previous.from, day) < SAME_ELECTION_DAYS) {
          previous.ids.push(...term.ids);
          // One source says when the term ended: it ended then for the other too.
          if (previous.to === null && term.to !== null) {
            close(previous, term.to);
            previous.to = term.to;
          }
          continue;
        }
        starting.push(term);
        if (!previous) continue;
        close(previous, day);
        sitting = sitting.filter((s) => s !== previous);
      }
      sitting.sort((a, b) => a.from.localeCompare(b.from));
      while (sitting.length > 0 && sitting.length + starting.length > cap) close(sitting.shift()!, day);
      sitting.push(...starting);
    }
  }
  return ends;
}
