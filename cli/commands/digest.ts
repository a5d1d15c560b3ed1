// `stdwatch digest [--week YYYY-Www] [--format html|json|md|csv] [--publish]`: the weekly report, as
// published (or a preview of a week not yet published), from the same functions as /digest/:week.
import { digestEnvelope, digestFormats, digestMarkdown } from '../../server/digest-render.js';
import { csvOf, digestTable } from '../../server/csv-tables.js';
import { defaultDigestWeek, digestView, publishDigest, weeksWithData } from '../../server/reports/digest.js';
import { lastCompleteWeek, weekRange } from '../../server/reports/weeks.js';
import { createViews } from '../../server/views.js';
import { errorMessage } from '../../scrapers/errors.js';
import { hintIfEmpty, withApp, write } from '../common.js';

export async function digest(options: { week?: string; weeks?: boolean; format: 'html' | 'json' | 'md' | 'csv'; publish?: boolean; replace?: boolean }): Promise<void> {
  if (options.week) {
    try {
      weekRange(options.week);
    } catch (error) {
      throw new Error(`--week: ${errorMessage(error)}`);
    }
  }
  await withApp(async (app) => {
    hintIfEmpty(app);
    if (options.weeks) {
      const weeks = weeksWithData(app.db);
      if (options.format === 'json') await write(`${JSON.stringify(weeks, null, 2)}\n`);
      else if (options.format === 'csv') await write(['week,contributions', ...weeks.map((w) => `${w.week},${w.contributions}`)].join('\n') + '\n');
      else await write(weeks.map((w) => `${w.week}  ${w.contributions.toLocaleString('en-US')}`).join('\n') + '\n');
      return;
    }
    // Published as the schedule does (the last complete week); shown: the last week with contributions.
    let week = options.week ?? lastCompleteWeek();
    if (!options.week && !options.publish) {
      const opening = defaultDigestWeek(app.db);
      week = opening.week;
      if (opening.hasData && week !== opening.lastComplete) {
        process.stderr.write(`stdwatch: digest of ${week}, the last week with contributions (the last complete week, ${opening.lastComplete}, has none); --week YYYY-Www for another, --weeks lists those with contributions\n`);
      }
    }
    if (options.publish) {
      publishDigest(app.db, week, { replace: options.replace });
      process.stderr.write(`stdwatch: digest ${week} published\n`);
    }
    const view = digestView(app.db, week);
    const output = {
      md: () => digestMarkdown(view),
      json: () => `${JSON.stringify(digestEnvelope(view), null, 2)}\n`,
      csv: () => csvOf(digestTable, view),
      html: () => createViews().render('digest', { ...view, title: `Weekly digest ${view.week}`, nav: 'digest', formats: digestFormats(view.week) }),
    }[options.format];
    await write(output());
  });
}
