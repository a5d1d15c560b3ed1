import { openDatabase } from './db/client.js';
import { contributionPage } from './server/reports/contributions.js';
import { recordCondition } from './server/reports/record-filters.js';
const db = openDatabase('/tmp/stdwatch-bench/fresh-2000000.db');
const cases: [string, any, any][] = [
  ['parent=huawei', {}, { parent: 'huawei' }],
  ['organization=hisilicon', {}, { organization: 'hisilicon' }],
  ['country=CN', {}, { country: 'CN' }],
  ['country=BR', {}, { country: 'BR' }],
  ['status=agreed', {}, { status: 'agreed' }],
  ['type=CR', {}, { type: 'CR' }],
  ['meeting=RAN1#100', {}, { meeting: 'RAN1#100' }],
  ['parent=huawei group=RAN1 from=2024', { group: 'RAN1', from: '2024-01-01' }, { parent: 'huawei' }],
  ['kind=university', {}, { kind: 'university' }],
];
for (const [name, filters, record] of cases) {
  const t = performance.now();
  const p = contributionPage(db, filters, { limit: 100, where: recordCondition(record, filters, db) });
  const t2 = performance.now();
  const p2 = p.next ? contributionPage(db, filters, { limit: 100, after: p.next, where: recordCondition(record, filters, db) }) : null;
  console.log(name.padEnd(40), p.items.length, (t2 - t).toFixed(0), 'ms; next page', p2 ? (performance.now() - t2).toFixed(0) : '-', 'ms');
}
