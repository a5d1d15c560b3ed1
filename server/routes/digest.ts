// The weekly digest pages: /digest (the latest and the list) and /digest/:week as printable HTML,
// JSON, Markdown or CSV. A published week is shown as published; any other week as a preview.
import { Router } from 'express';
import type { Db } from '../../db/client.js';
import { barChart } from '../charts.js';
import { digestEnvelope, digestFormats, digestMarkdown } from '../digest-render.js';
import { csvOf, digestTable } from '../csv-tables.js';
import { envelope } from '../envelope.js';
import { HttpError } from '../errors.js';
import { defaultDigestWeek, digestView, publishedDigests, weeksWithData, type DigestView } from '../reports/digest.js';
import { WeekError, lastCompleteWeek, weekOf } from '../reports/weeks.js';
import { documentCount, recordWhere } from '../reports/documents.js';
import type { Filters } from '../reports/filters.js';
import { urls } from '../urls.js';
import type { Views } from '../views.js';

const FORMATS = ['html', 'json', 'md', 'csv'] as const;
type DigestFormat = (typeof FORMATS)[number];

function formatOf(value: unknown): DigestFormat {
  const format = value ?? 'html';
  if (!FORMATS.includes(format as DigestFormat)) throw new HttpError(400, `format: "${String(format).slice(0, 20)}" is not one of ${FORMATS.join(', ')}`, 'format');
  return format as DigestFormat;
}

/**
 * The documents behind the "Shares per body and group" table: each group's contributions of the week and,
 * per country share, those with a source from that country in the group. A share is of fractional counts,
 * so its link's title says how many documents it is counted over; that number is counted now, as the
 * list it links to is (a published digest keeps its shares, not its documents).
 */
function groupLinks(db: Db, digest: DigestView) {
  const week = { from: digest.from, to: digest.to };
  return digest.groups.map((g) => {
    const inGroup = { ...week, body: g.body as Filters['body'], group: g.group };
    return {
      ...g,
      url: urls.documents(inGroup),
      countries: g.countries.map((c) => ({
        ...c,
        url: urls.documents(inGroup, { country: c.country }),
        contributions: documentCount(db, inGroup, recordWhere(db, inGroup, { country: c.country })),
      })),
    };
  });
}

export function digestRoutes(db: Db, views: Views): Router {
  const router = Router();

  router.get('/digest{.:format}', (req, res) => {
    const format = formatOf(req.params.format ?? req.query.format);
    const digests = publishedDigests(db);
    const now = new Date();
    const weeks = weeksWithData(db);
    const opening = defaultDigestWeek(db, now);
    const data = {
      kind: 'digests' as const,
      latest: digests[0] ?? null,
      digests,
      current: weekOf(now),
      lastComplete: lastCompleteWeek(now),
      // The week to open: the last complete week when it has contributions, else the newest that has.
      latestWithData: opening.hasData ? opening.week : null,
      weeksWithData: weeks,
    };
    if (format === 'json') res.json(envelope(data, { counts: false }, { self: urls.digests('json'), html: urls.digests() }));
    else if (format === 'html') {
      const byYear = new Map<string, typeof weeks>();
      for (const w of weeks) byYear.set(w.week.slice(0, 4), [...(byYear.get(w.week.slice(0, 4)) ?? []), w]);
      const years = [...byYear].map(([year, list]) => ({ year, weeks: list.map((w) => ({ ...w, label: w.week.slice(5) })) }));
      const latestCount = weeks.find((w) => w.week === data.latestWithData)?.contributions ?? 0;
      res.type('html').send(views.render('digests', { ...data, latestCount, years, title: 'Weekly digests', nav: 'digest' }));
    }
    else throw new HttpError(400, 'format: the list of digests is HTML or JSON', 'format');
  });

  router.get('/digest/:week{.:format}', (req, res) => {
    const format = formatOf(req.params.format ?? req.query.format);
    let digest;
    try {
      digest = digestView(db, req.params.week!);
    } catch (error) {
      if (error instanceof WeekError) throw new HttpError(400, `week: ${error.message}`, 'week');
      throw error;
    }
    const name = `stdwatch-digest-${digest.week}`;
    if (format === 'json') res.json(digestEnvelope(digest));
    else if (format === 'md') res.type('text/markdown; charset=utf-8').send(digestMarkdown(digest));
    else if (format === 'csv') res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(csvOf(digestTable, digest));
    else {
      const title = `Weekly digest ${digest.week}${digest.publication === 'preview' ? ' (preview)' : ''}`;
      const charted = digest.countries.filter((c) => c.fractional > 0).slice(0, 10);
      const countryChart =
        charted.length === 0
          ? null
          : barChart(
              `Fractional contributions by country, ${digest.week}`,
              charted.map((c) => ({ label: c.name, value: c.fractional, text: c.fractional.toFixed(1) })),
            );
      res.type('html').send(views.render('digest', { ...digest, groups: groupLinks(db, digest), countryChart, title, nav: 'digest', formats: digestFormats(digest.week) }));
    }
  });

  return router;
}
