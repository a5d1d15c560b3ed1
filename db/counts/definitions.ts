// What the report counts count: the tables counts_* (db/schema.ts) and the one definition of the rows a
// contribution adds to each (countContribution).
//
// A contribution counts in a bucket — its group's month (with its meeting), its group's year, its group
// over every period (`all`: what a report without dates reads, one row per subject and group instead of
// one per year), and, for what the weekly digest reads, its group's day — for every contribution ('' topic) and again for each
// topic it is in, once for each subject of a table: each country, parent, organization, kind… among its
// sources (full counting), with its sources' shares (fractional counting). The same definition serves
// the writers (upkeep.ts: a contribution's rows come out before it changes and go back after), a
// rebuild, and a report's reading (read.ts: what the kept rows do not hold, counted on the spot).
import { topicsFingerprint } from '../../domain/topics.js';

export type CountTableName = 'everyone' | 'country' | 'parent' | 'entity' | 'kind' | 'partner' | 'parentPartner' | 'coParents' | 'coCountries';
export type Basis = 'parent' | 'entity';
export type Level = 'day' | 'month' | 'year' | 'all';

export interface CountTable {
  name: CountTableName;
  table: string;
  /** The subject's key columns, after the topic, in the table's key order. */
  keys: string[];
  /** Tables kept per basis: one row set for each, the basis a key column. */
  basis: boolean;
  /** Pairs (co-sources): three measures, year rows only (not `all`: a pair row is the costliest to keep). */
  pairs: boolean;
  /**
   * Day rows, kept for what the weekly digest reads (every contribution, the parent basis): a week, and
   * the days at the edges of any date range, are then read, not counted on the spot.
   */
  days: boolean;
}

const table = (name: CountTableName, t: string, keys: string[], options: Partial<Omit<CountTable, 'name' | 'table' | 'keys'>> = {}): CountTable => ({
  name,
  table: t,
  keys,
  basis: options.basis ?? false,
  pairs: options.pairs ?? false,
  days: options.days ?? false,
});

export const COUNT_TABLES: Record<CountTableName, CountTable> = {
  everyone: table('everyone', 'counts_of_everyone', [], { days: true }),
  country: table('country', 'counts_by_country', ['basis', 'country'], { basis: true, days: true }),
  parent: table('parent', 'counts_by_parent', ['basis', 'country', 'parent_id'], { basis: true, days: true }),
  entity: table('entity', 'counts_by_entity', ['parent_id', 'organization_id']),
  kind: table('kind', 'counts_by_kind', ['kind']),
  partner: table('partner', 'counts_by_partner', ['partner']),
  parentPartner: table('parentPartner', 'counts_by_parent_partner', ['parent_id', 'partner']),
  coParents: table('coParents', 'counts_of_co_parents', ['parent_id', 'co_parent_id'], { pairs: true }),
  coCountries: table('coCountries', 'counts_of_co_countries', ['basis', 'country', 'co_parent_id'], { basis: true, pairs: true }),
};

export const COUNT_TABLE_NAMES = Object.keys(COUNT_TABLES) as CountTableName[];

export const MEASURES = [
  'accepted', 'noted', 'not_handled', 'pending', 'withdrawn', 'superseded',
  'fractional', 'withdrawn_fractional', 'superseded_fractional', 'sources', 'withdrawn_sources', 'superseded_sources',
] as const;
export const PAIR_MEASURES = ['contributions', 'withdrawn', 'superseded'] as const;

export const measuresOf = (t: CountTable): readonly string[] => (t.pairs ? PAIR_MEASURES : MEASURES);

/** A table's columns in key order: level, topic, the subject's keys, the bucket, the measures. */
export const columnsOf = (t: CountTable) => ['level', 'topic', ...t.keys, 'group_id', 'period', 'meeting_id', ...measuresOf(t)];

/** The outcome classes of domain/outcomes.ts, at the index of their count among MEASURES. */
const OUTCOME_INDEX: Record<string, number> = { accepted: 0, noted: 1, 'not-handled': 2, pending: 3, withdrawn: 4, superseded: 5 };

/** A source as counted: its ultimate parent (0: unresolved), the organization named, share, countries and partner. */
export interface CountedSource {
  parentId: number;
  organizationId: number | null;
  share: number;
  /** On the parent basis ('' for none); on the entity basis. */
  parentCountry: string;
  entityCountry: string;
  parentKind: string;
  /** The Organizational Partner it takes part through (domain/partners.ts): a partner, several joined by `+`, `none`; '' unresolved. */
  partner: string;
}

/** A contribution as counted: its bucket, outcome, topics and sources. */
export interface CountedContribution {
  groupId: number;
  /** 0 without a meeting. */
  meetingId: number;
  date: string | null;
  outcome: string;
  /** The topics it is in (not ''). */
  topics: string[];
  sources: CountedSource[];
}

/** A bucket a contribution counts in: the leading and trailing parts of its rows' keys, and their id. */
interface Bucket {
  level: Level;
  topic: string;
  groupId: number;
  period: string;
  meeting: number;
  id: string;
}

/** A row being added up: its subject's key columns and its measures. */
interface CountRow {
  key: (string | number)[];
  measures: number[];
}

/** The rows of one table in one bucket, by subject id (its key columns, a number for co-source pairs). */
type BucketRows = Map<string | number, CountRow>;

/** Where a table's rows sit in a bucket's list of them. */
const TABLE_INDEX = Object.fromEntries(COUNT_TABLE_NAMES.map((name, i) => [name, i])) as Record<CountTableName, number>;

/** A bucket and its rows, one map per table (at TABLE_INDEX). */
interface BucketEntry {
  bucket: Bucket;
  tables: BucketRows[];
}

/**
 * Rows being added up in memory, by bucket and then table: the rows a writer adds to the kept ones, or
 * a report reads. By bucket first: a contribution finds each of its buckets once for all the tables.
 */
export class CountRows {
  private readonly buckets = new Map<string, BucketEntry>();

  /** A bucket's entry (made, empty, when new). */
  entryOf(bucket: Bucket): BucketEntry {
    let entry = this.buckets.get(bucket.id);
    if (!entry) this.buckets.set(bucket.id, (entry = { bucket, tables: COUNT_TABLE_NAMES.map(() => new Map()) }));
    return entry;
  }

  /** A table's rows, each as its key columns (in columnsOf's order) followed by its measures. */
  *rowsOf(table: CountTableName): Generator<(string | number)[]> {
    const index = TABLE_INDEX[table];
    for (const { bucket, tables } of this.buckets.values()) {
      for (const { key, measures } of tables[index]!.values()) {
        yield [bucket.level, bucket.topic, ...key, bucket.groupId, bucket.period, bucket.meeting, ...measures];
      }
    }
  }

  clear(): void {
    this.buckets.clear();
  }
}

/** What to count: every table, level, topic and basis (the writers), or only what one report reads. */
export interface CountScope {
  tables?: CountTableName[];
  levels?: Level[];
  /** One topic only ('' for every contribution); every topic when not given. */
  topic?: string;
  /** One basis only, for the tables kept per basis. */
  basis?: Basis;
}

const ALL_LEVELS: Level[] = ['day', 'month', 'year', 'all'];

/**
 * The buckets of a contribution at these levels, in each topic (day rows: dated, every contribution
 * only; `all`: dated or not, period '').
 */
function bucketsOf(c: CountedContribution, topics: string[], levels: Level[]): Bucket[] {
  const buckets: Bucket[] = [];
  const month = c.date?.slice(0, 7) ?? '';
  for (const topic of topics) {
    for (const level of levels) {
      if (level === 'day' && (!c.date || topic !== '')) continue;
      const period = level === 'month' ? month : level === 'year' ? month.slice(0, 4) : level === 'all' ? '' : c.date!;
      const meeting = level === 'month' ? c.meetingId : 0;
      buckets.push({ level, topic, groupId: c.groupId, period, meeting, id: `${level}\u0000${topic}\u0000${c.groupId}\u0000${period}\u0000${meeting}` });
    }
  }
  return buckets;
}

/** Adds one subject's measures (`sign` −1: takes them out) to its row in each bucket's rows. */
function addRows(into: BucketRows[], subject: Subject, sign: number, outcome: number): void {
  const { id, share, sources } = subject;
  for (const rows of into) {
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { key: subject.table ? subjectKey(subject.firstSource!, subject.table, subject.basis) : [], measures: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }));
    const m = row.measures;
    m[outcome]! += sign;
    m[6]! += sign * share;
    m[9]! += sign * sources;
    if (outcome === 4) {
      m[7]! += sign * share;
      m[10]! += sign * sources;
    } else if (outcome === 5) {
      m[8]! += sign * share;
      m[11]! += sign * sources;
    }
  }
}

/**
 * Adds a co-source pair (`sign` −1: takes it out) to its row in each bucket's rows. Its key columns
 * (two, or three with `c`) are passed as they are: a pair's row is made far less often than added to.
 */
function addPair(into: BucketRows[], subject: string | number, sign: number, outcome: number, a: string | number, b: string | number, c?: number): void {
  for (const rows of into) {
    let row = rows.get(subject);
    if (!row) rows.set(subject, (row = { key: c === undefined ? [a, b] : [a, b, c], measures: [0, 0, 0] }));
    const m = row.measures;
    m[0]! += sign;
    if (outcome === 4) m[1]! += sign;
    else if (outcome === 5) m[2]! += sign;
  }
}

/**
 * A subject among a contribution's sources: its id, the table and basis it is a subject of with the
 * first source naming it (its key columns are made from that source when its row is new; no table:
 * every contribution, no key columns), their shares and their number.
 */
interface Subject {
  id: string;
  /** Null: every contribution, no key columns. */
  table: SubjectTable | null;
  basis: Basis;
  firstSource: CountedSource | null;
  share: number;
  sources: number;
}

export type SubjectTable = 'country' | 'parent' | 'entity' | 'kind' | 'partner' | 'parentPartner';

/**
 * A source's subject id in a table (null: none, an entity table's source naming no organization): its
 * key columns (subjectKey) joined. Made for every source and table, so without the columns' array.
 */
export function subjectId(s: CountedSource, table: SubjectTable, basis: Basis): string | null {
  switch (table) {
    case 'country':
      return `${basis}\u0000${countryOf(s, basis)}`;
    case 'parent':
      return `${basis}\u0000${countryOf(s, basis)}\u0000${s.parentId}`;
    case 'entity':
      return s.organizationId === null ? null : `${s.parentId}\u0000${s.organizationId}`;
    case 'kind':
      return s.parentKind;
    case 'partner':
      return s.partner;
    case 'parentPartner':
      return `${s.parentId}\u0000${s.partner}`;
  }
}

/** A source's subject's key columns in a table, in its key order (their join is subjectId: tested). */
export function subjectKey(s: CountedSource, table: SubjectTable, basis: Basis): (string | number)[] {
  switch (table) {
    case 'country':
      return [basis, countryOf(s, basis)];
    case 'parent':
      return [basis, countryOf(s, basis), s.parentId];
    case 'entity':
      return [s.parentId, s.organizationId!];
    case 'kind':
      return [s.parentKind];
    case 'partner':
      return [s.partner];
    case 'parentPartner':
      return [s.parentId, s.partner];
  }
}

/** Each subject of a table among a contribution's sources, with their shares and number. */
function bySubject(sources: CountedSource[], table: SubjectTable, basis: Basis): Subject[] {
  const subjects: Subject[] = [];
  for (const s of sources) {
    const id = subjectId(s, table, basis);
    if (id === null) continue;
    // Few subjects per contribution: a list walked beats a map made for each.
    let subject: Subject | undefined;
    for (const x of subjects) if (x.id === id) subject = x;
    if (subject) {
      subject.share += s.share;
      subject.sources++;
    } else subjects.push({ id, table, basis, firstSource: s, share: s.share, sources: 1 });
  }
  return subjects;
}

const countryOf = (s: CountedSource, basis: Basis) => (basis === 'parent' ? s.parentCountry : s.entityCountry);

/** A table's rows in each of these buckets (day buckets left out unless `withDays`). */
function rowsIn(entries: BucketEntry[], table: CountTableName, withDays: boolean): BucketRows[] {
  const index = TABLE_INDEX[table];
  const all: BucketRows[] = [];
  for (const entry of entries) if (withDays || entry.bucket.level !== 'day') all.push(entry.tables[index]!);
  return all;
}

function addSubjects(c: CountedContribution, table: SubjectTable, basis: Basis, entries: BucketEntry[], withDays: boolean, sign: number, outcome: number): void {
  const subjects = bySubject(c.sources, table, basis);
  if (subjects.length === 0) return;
  const rows = rowsIn(entries, table, withDays);
  for (const subject of subjects) addRows(rows, subject, sign, outcome);
}

const BOTH_BASES: Basis[] = ['parent', 'entity'];

/**
 * Adds to `into` the rows one contribution counts for (`sign` −1: takes them out). Per subject of a
 * table: the contribution once in its outcome's count (full counting), its subject's sources' shares
 * (fractional), and their number (the coverage of attribution). What is kept: every level, the
 * co-sources per year only; a report counting on the spot asks for its own levels, table, topic, basis.
 */
export function countContribution(c: CountedContribution, into: CountRows, sign: 1 | -1, scope: CountScope = {}): void {
  const topics = scope.topic === undefined ? ['', ...c.topics] : scope.topic === '' || c.topics.includes(scope.topic) ? [scope.topic] : [];
  if (topics.length === 0) return;
  const tables = scope.tables;
  const bases = scope.basis ? [scope.basis] : BOTH_BASES;
  const outcome = OUTCOME_INDEX[c.outcome] ?? 3;
  const entries = bucketsOf(c, topics, scope.levels ?? ALL_LEVELS).map((bucket) => into.entryOf(bucket));

  if (!tables || tables.includes('everyone')) {
    let share = 0;
    for (const s of c.sources) share += s.share;
    addRows(rowsIn(entries, 'everyone', true), { id: '', table: null, basis: 'parent', firstSource: null, share, sources: c.sources.length }, sign, outcome);
  }
  for (const basis of bases) {
    // Day rows on the parent basis only (what the digest reads).
    const days = basis === 'parent';
    if (!tables || tables.includes('country')) addSubjects(c, 'country', basis, entries, days, sign, outcome);
    if (!tables || tables.includes('parent')) addSubjects(c, 'parent', basis, entries, days, sign, outcome);
  }
  if (!tables || tables.includes('entity')) addSubjects(c, 'entity', 'parent', entries, false, sign, outcome);
  if (!tables || tables.includes('kind')) addSubjects(c, 'kind', 'parent', entries, false, sign, outcome);
  if (!tables || tables.includes('partner')) addSubjects(c, 'partner', 'parent', entries, false, sign, outcome);
  if (!tables || tables.includes('parentPartner')) addSubjects(c, 'parentPartner', 'parent', entries, false, sign, outcome);

  const coParents = !tables || tables.includes('coParents');
  const coCountries = !tables || tables.includes('coCountries');
  if (!coParents && !coCountries) return;
  // Co-sources: the distinct parents named (resolved), each with its own country.
  const parents = new Map<number, string>();
  for (const s of c.sources) if (s.parentId !== 0) parents.set(s.parentId, s.parentCountry);
  if (parents.size === 0) return;
  const pairEntries = scope.levels ? entries : entries.filter((entry) => entry.bucket.level === 'year');
  // Pairs are many (a cell of 47 co-signers makes 2,162): their subjects are numbers, not strings.
  if (coParents && parents.size > 1) {
    const rows = rowsIn(pairEntries, 'coParents', false);
    for (const x of parents.keys()) {
      for (const y of parents.keys()) if (x !== y) addPair(rows, x * PAIR_SPAN + y, sign, outcome, x, y);
    }
  }
  if (coCountries) {
    const rows = rowsIn(pairEntries, 'coCountries', false);
    for (const basis of bases) {
      const countries = new Set<string>();
      for (const s of c.sources) if (s.parentId !== 0 && countryOf(s, basis) !== '') countries.add(countryOf(s, basis));
      // Every parent of another country (its own, whatever the basis) named beside a source of the country
      // (on the entity basis, its own parent too: Nokia beside Nokia Shanghai Bell for CN).
      for (const country of countries) {
        const prefix = `${basis}\u0000${country}\u0000`;
        for (const [y, yCountry] of parents) {
          if (yCountry !== country) addPair(rows, prefix + y, sign, outcome, basis, country, y);
        }
      }
    }
  }
}

/** Organization ids are below this: a pair of them is one number. */
const PAIR_SPAN = 2 ** 26;

/**
 * Bumped whenever countContribution counts differently: a database whose counts were made with
 * other definitions (an older stdwatch, an edited topics file) has them made again when it is opened.
 */
const DEFINITIONS_VERSION = 6;

/** The fingerprint of the definitions the kept rows are made with: their version and the topics. */
export function countDefinitions(): string {
  return `${DEFINITIONS_VERSION}:${topicsFingerprint()}`;
}
