// How far attribution holds on real names the registry was not built from: the rapporteur companies
// of the 3GPP work plan (every group, 1999–2023), the organizations of the researcher's RAN chairs
// table (1999–2023), the BigBang table of 3GPP members (Nov 2021), and any TDoc list. Every name is
// resolved at its own date (an item's start, a term's election, a contribution's upload), so a
// name that stopped designating one organization (`Motorola` from 2011) counts as not resolved.
// Used by bench/attribution.ts (the tables) and by the tests that hold the shares to a floor.
import { parseListDate } from '../domain/dates.js';
import { leadGroup } from '../domain/groups/3gpp-legacy.js';
import type { ResolvedSource, Resolver } from '../domain/resolve/resolve.js';
import { parseChairsTable } from '../scrapers/3gpp/parse-chairs-table.js';
import { isPlaceholder, rapporteurCompanies, rapporteurNaming } from '../scrapers/3gpp/work-plan-rapporteur.js';
import { parseCsv } from '../scrapers/csv.js';
import { cellText, headerKey, readSheets, rowsOf } from '../scrapers/workbook.js';
import type { ParsedListing } from '../domain/types.js';

/** Mentions of organizations and how many of them resolved. */
export interface Tally {
  mentions: number;
  resolved: number;
  /** Names not resolved, with how often. */
  misses: Map<string, number>;
}

export function tally(): Tally {
  return { mentions: 0, resolved: 0, misses: new Map() };
}

export function share(t: Tally): number {
  return t.mentions === 0 ? 1 : t.resolved / t.mentions;
}

// A cell is split and read once, as the store does, then dated (the lists repeat their cells).
const readings = new WeakMap<Resolver, Map<string, ResolvedSource[]>>();

function sourcesOn(resolver: Resolver, text: string, date: string | null): ResolvedSource[] {
  let cache = readings.get(resolver);
  if (!cache) readings.set(resolver, (cache = new Map()));
  let sources = cache.get(text);
  if (!sources) cache.set(text, (sources = resolver.sourcesOf(text)));
  return resolver.atDate(sources, date);
}

/** Resolves one written name (or cell) on a day and adds its sources to the tallies. */
function count(resolver: Resolver, text: string, date: string | null, ...into: Tally[]): void {
  for (const source of sourcesOn(resolver, text, date)) {
    for (const t of into) {
      t.mentions++;
      if (source.organization) t.resolved++;
      else t.misses.set(source.name, (t.misses.get(source.name) ?? 0) + 1);
    }
  }
}

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = tally()));
  return t;
}

/** The band of start years an item falls in (the plan's items are counted in four-year bands). */
export function yearBand(date: string): string {
  const year = Number(date.slice(0, 4));
  const from = year < 2000 ? 1996 : 2000 + Math.floor((year - 2000) / 4) * 4;
  return `${from}–${from + 3}`;
}

/** The family of a lead group: today's groups by their code, GERAN's groups as GERAN. */
function family(code: string): string {
  return /^GERAN/.test(code) ? 'GERAN' : code;
}

export interface WorkPlanMeasure {
  /** Items whose rapporteur cell names someone (not empty, not `TBD`). */
  items: number;
  /** Companies written in the cells, resolved at the item's start. */
  companies: Tally;
  byGroup: Map<string, Tally>;
  byYear: Map<string, Tally>;
  /** Items whose cell names people only (no company in its words): by start band. */
  personOnly: Map<string, { items: number; byEmail: number }>;
  /** Items whose company is only an address in the cell. */
  addressOnly: number;
}

/**
 * The work plan's "WI rapporteur name" cells: the companies they write (read as the importer reads
 * them, people and addresses left out), each resolved at the item's start; the cells that name
 * people only are counted apart, with how many the item's e-mail column attributes.
 */
export function measureWorkPlan(bytes: Uint8Array, resolver: Resolver): WorkPlanMeasure {
  const workbook = readSheets(bytes, ['Work_plan_3gpp']);
  const rows = rowsOf(workbook.Sheets['Work_plan_3gpp']);
  const header = (rows[0] ?? []).map(headerKey);
  const column = (key: string) => header.indexOf(key);
  const [cell, email, groups, start] = ['wirapporteurname', 'wirapporteuremail', 'resourcenames', 'start'].map(column) as [number, number, number, number];
  const naming = rapporteurNaming(resolver);
  const measure: WorkPlanMeasure = { items: 0, companies: tally(), byGroup: new Map(), byYear: new Map(), personOnly: new Map(), addressOnly: 0 };
  for (const row of rows.slice(1)) {
    const text = cellText(row?.[cell]);
    const date = parseListDate(row?.[start]?.v);
    if (!text || isPlaceholder(text) || !date) continue;
    measure.items++;
    const band = yearBand(date);
    const { companies, from } = rapporteurCompanies(text, null, naming);
    if (from === 'cell') {
      const lead = leadGroup(cellText(row?.[groups]));
      const group = lead ? family(lead.group?.code ?? lead.code) : '(none)';
      for (const company of companies) count(resolver, company, date, measure.companies, tallyOf(measure.byGroup, group), tallyOf(measure.byYear, band));
    } else if (from === 'address in the cell') {
      measure.addressOnly++;
    } else {
      const person = measure.personOnly.get(band) ?? { items: 0, byEmail: 0 };
      person.items++;
      if (rapporteurCompanies(text, cellText(row?.[email]), naming).from) person.byEmail++;
      measure.personOnly.set(band, person);
    }
  }
  return measure;
}

/** One term of the chairs table, resolved on the day it began. */
export interface ChairTerm {
  group: string;
  from: string;
  organization: string;
  resolved: { organization: string | null; parent: string | null; country: string | null }[];
}

export function measureChairsTable(bytes: Uint8Array, resolver: Resolver): { terms: ChairTerm[]; organizations: Tally } {
  const { positions } = parseChairsTable(bytes, { url: 'researcher_RAN_chairs_list_2023-07.xlsx' });
  const organizations = tally();
  const terms = positions.map((p) => {
    count(resolver, p.sourceText, p.from, organizations);
    const resolved = sourcesOn(resolver, p.sourceText, p.from).map((s) => ({
      organization: s.organization?.name ?? null,
      parent: s.parent?.name ?? null,
      country: s.parent?.country ?? null,
    }));
    return { group: p.group.code, from: p.from!, organization: p.sourceText, resolved };
  });
  return { terms, organizations };
}

/** The BigBang table's member names (column `name`), resolved as at its date, November 2021. */
export const BIGBANG_DATE = '2021-11-30';

export function measureBigBang(text: string, resolver: Resolver): { names: Tally; byGroup: Map<string, Tally> } {
  const [header, ...rows] = parseCsv(text);
  const at = (name: string) => header!.indexOf(name);
  const [name, stakeholders] = [at('name'), at('stakeholdergroup')];
  const names = tally();
  const byGroup = new Map<string, Tally>();
  for (const row of rows) {
    const member = row[name]?.trim();
    if (!member) continue;
    const group = row[stakeholders]?.trim() || '(none)';
    count(resolver, member, BIGBANG_DATE, names, tallyOf(byGroup, group));
  }
  return { names, byGroup };
}

/** A TDoc list's source mentions, each resolved at its contribution's date, by group and year. */
export function measureListing(listing: ParsedListing, resolver: Resolver, byGroup: Map<string, Tally>, byYear: Map<string, Tally>): void {
  for (const c of listing.contributions) {
    const year = c.date?.slice(0, 4) ?? '(undated)';
    count(resolver, c.sourceText, c.date, tallyOf(byGroup, listing.group.code), tallyOf(byYear, `${listing.group.code} ${year}`));
  }
}
