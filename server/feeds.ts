// Atom feeds of new contributions, written by the `feed` package. It puts titles and summaries in
// CDATA sections marked `type="html"`, so a reader takes them as HTML: every text from the data is
// HTML-escaped first, so that a title such as `<script>` shows as text, never runs as markup, and a
// `]]>` in a title cannot end the CDATA section.
import { Feed } from 'feed';
import type { ContributionRecord } from './reports/contributions.js';
import type { RecentContributions } from './reports/recent.js';

export interface FeedTarget {
  title: string;
  description: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the page the feed follows. */
  page: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The library refuses (throws on) a link that is not a URL: one bad stored link must not break a feed. */
function usableUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function entryDate(record: ContributionRecord): Date {
  return new Date(`${record.date ?? '1970-01-01'}T00:00:00Z`);
}

export function contributionsAtom(target: FeedTarget, recent: Pick<RecentContributions, 'latest' | 'items'>): string {
  const feed = new Feed({
    id: target.self,
    // The feed's own title and subtitle, and author names, are plain text the library escapes itself.
    title: target.title,
    description: target.description,
    link: target.page,
    feedLinks: { atom: target.self },
    updated: recent.latest ? new Date(`${recent.latest}T00:00:00Z`) : new Date(0),
    generator: 'stdwatch',
    copyright: 'Contribution data from the standards bodies’ public listings',
  });
  for (const record of recent.items) {
    const sources = record.sources.map((s) => s.organization ?? s.raw).join(', ');
    feed.addItem({
      // The body's own document number is stable: an entry keeps its id when its status changes.
      id: `tag:stdwatch,2025:${record.body}/${encodeURIComponent(record.ref)}`,
      title: escapeHtml(`${record.ref}: ${record.title}`),
      link: usableUrl(record.url) ?? target.page,
      date: entryDate(record),
      description: escapeHtml(`${record.body.toUpperCase()} ${record.group}${record.meeting ? ` ${record.meeting}` : ''} · ${record.sourceText}${record.status ? ` · ${record.status}` : ''}`),
      author: sources ? [{ name: sources }] : undefined,
    });
  }
  return feed.atom1();
}
