// How much of what real lists name resolves, on lists the registry was not built from.
//   npm run bench:attribution [-- [--misses N] [--bigbang FILE] [LIST-OR-FOLDER…]]
// Prints (measures in bench/attribution-measures.ts):
//   (a) the work plan's rapporteur companies (test/fixtures/3gpp/Work_plan_3gpp_230110…), each resolved at
//       its item's start, by lead group and by start years, and apart the items whose cell names people only;
//   (b) the researcher's RAN chairs table, each organization at its term's start, with its parent and country;
//   (c) the BigBang table of 3GPP members (Nov 2021), by stakeholder group;
//   (d) the TDoc lists given (default: the bundled snapshot's RAN plenary and SA2 lists and the RAN1#104-e
//       fixture), every source mention at its contribution's date, by group and by group and year —
//       e.g. `npm run bench:attribution -- ../shared/fixtures/3gpp/ran1` for the 35 RAN1 lists of 2020–2025.
// With --misses N, the N most frequent names not resolved of each part. The last line is JSON.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegistry } from '../domain/resolve/registry.js';
import { createResolver } from '../domain/resolve/resolve.js';
import { parseFile } from '../scrapers/formats.js';
import { SNAPSHOT_DIR } from '../scrapers/pipeline/seed.js';
import { measureBigBang, measureChairsTable, measureListing, measureWorkPlan, share, tally, type Tally } from './attribution-measures.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', '3gpp');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    misses: { type: 'string', default: '0' },
    bigbang: { type: 'string', default: path.join(FIXTURES, 'bigbang_organization_categories.csv') },
  },
});
const misses = Number(values.misses);
const resolver = createResolver(loadRegistry());
const summary: Record<string, number> = {};

const percent = (t: Tally) => `${(share(t) * 100).toFixed(2)} %`;
const row = (label: string, t: Tally, extra = '') =>
  console.log(`  ${label.padEnd(14)} ${String(t.resolved).padStart(7)} of ${String(t.mentions).padStart(7)}  ${percent(t).padStart(9)}${extra}`);

function printMisses(t: Tally): void {
  if (misses <= 0 || t.misses.size === 0) return;
  const top = [...t.misses].sort((a, b) => b[1] - a[1]).slice(0, misses);
  console.log(`  not resolved: ${top.map(([name, n]) => `${name} ×${n}`).join(' · ')}`);
}

function byKey<T>(map: Map<string, T>): [string, T][] {
  return [...map].sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }));
}

// (a) The work plan.
let t = performance.now();
const plan = measureWorkPlan(fs.readFileSync(path.join(FIXTURES, 'Work_plan_3gpp_230110.emails-redacted.xlsm')), resolver);
console.log(`(a) work plan of 2023-01-10: ${plan.items} items naming a rapporteur; companies written in the cells, each at its item's start`);
row('all', plan.companies);
printMisses(plan.companies);
console.log('  by lead group:');
for (const [group, g] of byKey(plan.byGroup)) row(`  ${group}`, g);
console.log('  by start year, with the items whose cell names people only (attributed by the e-mail column):');
for (const [band, y] of byKey(plan.byYear)) {
  const people = plan.personOnly.get(band) ?? { items: 0, byEmail: 0 };
  row(`  ${band}`, y, `   people only: ${people.items} items, ${people.byEmail} by e-mail`);
}
const people = [...plan.personOnly.values()].reduce((a, b) => ({ items: a.items + b.items, byEmail: a.byEmail + b.byEmail }), { items: 0, byEmail: 0 });
console.log(`  people only: ${people.items} items (${people.byEmail} attributed by the e-mail column); an address only: ${plan.addressOnly}`);
const planMs = performance.now() - t;

// (b) The chairs table.
const chairs = measureChairsTable(fs.readFileSync(path.join(FIXTURES, 'researcher_RAN_chairs_list_2023-07.xlsx')), resolver);
console.log(`(b) RAN chairs table 1999–2023: ${chairs.terms.length} terms, each organization at its term's start`);
row('all', chairs.organizations);
printMisses(chairs.organizations);
for (const term of chairs.terms) {
  const read = term.resolved.map((r) => (r.organization ? `${r.organization} → ${r.parent} (${r.country ?? '—'})` : 'not resolved')).join('; ');
  console.log(`    ${term.group.padEnd(5)} ${term.from}  ${term.organization.padEnd(32)} ${read}`);
}

// (c) BigBang.
if (fs.existsSync(values.bigbang)) {
  const bigbang = measureBigBang(fs.readFileSync(values.bigbang, 'utf8'), resolver);
  console.log(`(c) BigBang table of 3GPP members (Nov 2021): names`);
  row('all', bigbang.names);
  printMisses(bigbang.names);
  for (const [group, g] of byKey(bigbang.byGroup)) row(`  ${group.slice(0, 12)}`, g);
  summary.bigbang = share(bigbang.names);
} else {
  console.log(`(c) BigBang table: ${values.bigbang} not found, skipped`);
}

// (d) TDoc lists.
function listFiles(target: string): string[] {
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((f) => /^(TDoc_List|sa2_TdocsByAgenda|.*Tdocs?By)/i.test(f) && /\.(xlsx|xlsm|htm|html)$/i.test(f))
    .map((f) => path.join(target, f));
}
const targets = positionals.length > 0 ? positionals : [path.join(SNAPSHOT_DIR, '3gpp'), path.join(FIXTURES, 'TDoc_List_TSGR1_104-e.xlsx')];
const byGroup = new Map<string, Tally>();
const byYear = new Map<string, Tally>();
const listings = targets.flatMap(listFiles).map((file) => parseFile(fs.readFileSync(file), { fileName: path.basename(file), url: path.basename(file) }));
const contributions = listings.reduce((n, l) => n + l.contributions.length, 0);
const cells = new Set(listings.flatMap((l) => l.contributions.map((c) => c.sourceText))).size;
// Resolution alone (the lists parsed above), a fresh resolver: its tolerant index is built on the way.
const fresh = createResolver(loadRegistry());
t = performance.now();
for (const listing of listings) measureListing(listing, fresh, byGroup, byYear);
const listsMs = performance.now() - t;
console.log(`(d) TDoc lists: ${contributions} contributions, ${cells} distinct source cells resolved in ${listsMs.toFixed(0)} ms; source mentions, each at its contribution's date`);
const all = tally();
for (const [group, g] of byKey(byGroup)) {
  row(group, g);
  printMisses(g);
  all.mentions += g.mentions;
  all.resolved += g.resolved;
}
console.log('  by group and year:');
for (const [key, y] of byKey(byYear)) row(`  ${key}`, y);

summary.workPlanCompanies = share(plan.companies);
summary.workPlanPeopleOnlyItems = people.items;
summary.chairs = share(chairs.organizations);
summary.lists = share(all);
summary.workPlanMs = Math.round(planMs);
summary.resolveListsMs = Math.round(listsMs);
summary.distinctCells = cells;
console.log(JSON.stringify(summary));
