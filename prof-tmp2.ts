import { openDatabase } from './db/client.js';
import { contributionPage } from './server/reports/contributions.js';
import { recordWhere, documentCount } from './server/reports/documents.js';
const db = openDatabase('/tmp/stdwatch-bench/fresh-2000000.db');
for (const q of ['NR', 'beam management', 'huawei', 'positioning']) {
  const t = performance.now();
  const p = contributionPage(db, {}, { limit: 100, where: recordWhere(db, {}, {}, q) });
  console.log('q=' + q, p.items.length, (performance.now() - t).toFixed(0), 'ms');
}
const week = { group: 'RAN1', from: '2025-10-27', to: '2025-11-02' };
for (const c of ['CN', 'US', 'BR']) { const t = performance.now(); const n = documentCount(db, week, recordWhere(db, week, { country: c })); console.log('digest count', c, n, (performance.now() - t).toFixed(0), 'ms'); }
