// The only code that touches the network. It is polite (a user agent with a contact URL, at most one
// request per host per interval, conditional GET), patient (timeouts, retries with backoff, honouring
// Retry-After), careful (only the bodies' own hosts, a size limit) and it archives every response it
// hands on, so each stored record can be traced to the bytes it came from.
import { latestRawDocument } from '../db/write.js';
import type { Db } from '../db/client.js';
import type { RawArchive } from './archive.js';
import { FetchError, RetryableFetchError, errorMessage } from './errors.js';

export interface HttpClientOptions {
  userAgent: string;
  /** Minimum time between two requests to the same host. */
  minIntervalMs: number;
  timeoutMs: number;
  /** Attempts after the first. */
  retries: number;
  /** First backoff; doubled on each retry. */
  backoffMs: number;
  /** Longest Retry-After we are willing to wait; a longer one fails the request (it is retried next run). */
  maxRetryAfterMs: number;
  maxBytes: number;
  /** Hosts that may be fetched (host[:port]); redirects elsewhere are refused. */
  allowedHosts: string[];
  db: Db;
  /** Null for dry runs: nothing is archived and requests are not conditional. */
  archive: RawArchive | null;
}

export interface FetchedDocument {
  url: string;
  status: number;
  body: Buffer;
  contentType: string | null;
  rawDocumentId: number | null;
  /** True when the server answered 304 and the bytes came from the archive. */
  notModified: boolean;
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
const MAX_REDIRECTS = 5;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retry-After as delay in ms: delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class HttpClient {
  /** Per host: when the last request went out, and the queue of requests waiting for their turn. */
  private readonly lastSent = new Map<string, number>();
  private readonly turns = new Map<string, Promise<void>>();
  private readonly allowed: Set<string>;
  /** Requests actually sent (304s included), for run summaries. */
  requests = 0;
  /** Every request sent and when (ms since the epoch): what politeness is checked against. */
  readonly sent: { url: string; at: number }[] = [];

  constructor(private readonly options: HttpClientOptions) {
    this.allowed = new Set(options.allowedHosts.map((h) => h.toLowerCase()));
  }

  private checkHost(url: URL): void {
    if (!this.allowed.has(url.host.toLowerCase())) {
      throw new FetchError(`refused: ${url.host} is not one of the hosts this source may fetch`, url.toString());
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new FetchError(`refused: ${url.protocol} is not http(s)`, url.toString());
    }
  }

  /**
   * Waits for this host's turn: requests to one host go out one at a time, each at least the interval
   * after the previous one actually went out (a timer that fires late does not shorten the next gap).
   */
  private politeSlot(host: string): Promise<void> {
    const turn = (this.turns.get(host) ?? Promise.resolve()).then(async () => {
      for (;;) {
        const wait = (this.lastSent.get(host) ?? -Infinity) + this.options.minIntervalMs - Date.now();
        if (wait <= 0) break;
        await sleep(wait);
      }
      this.lastSent.set(host, Date.now());
    });
    this.turns.set(host, turn);
    return turn;
  }

  /**
   * GET with retries; conditional on what the archive already holds for this URL. `redact` rewrites the
   * body before it is archived or parsed: personal data a page carries beyond what stdwatch keeps
   * (e-mail addresses in API answers) never reaches the disk.
   */
  async get(url: string, options: { redact?: (body: Buffer) => Buffer } = {}): Promise<FetchedDocument> {
    let attempt = 0;
    for (;;) {
      try {
        return await this.attempt(url, options.redact);
      } catch (error) {
        if (!(error instanceof RetryableFetchError) || attempt >= this.options.retries) throw error;
        const waitFor = (error as RetryableFetchError & { waitMs?: number }).waitMs ?? this.options.backoffMs * 2 ** attempt;
        attempt++;
        await sleep(waitFor);
      }
    }
  }

  private async attempt(startUrl: string, redact?: (body: Buffer) => Buffer): Promise<FetchedDocument> {
    let url = new URL(startUrl);
    for (let hop = 0; ; hop++) {
      this.checkHost(url);
      const archive = this.options.archive;
      const previous = archive ? latestRawDocument(this.options.db, url.toString()) : undefined;
      const headers: Record<string, string> = {
        'user-agent': this.options.userAgent,
        accept: '*/*',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (previous && archive?.has(previous.storagePath)) {
        if (previous.etag) headers['if-none-match'] = previous.etag;
        if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
      }
      await this.politeSlot(url.host);
      this.requests++;
      this.sent.push({ url: url.toString(), at: this.lastSent.get(url.host)! });
      let response: Response;
      try {
        response = await fetch(url, {
          headers,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch (error) {
        const reason = error instanceof Error && error.name === 'TimeoutError' ? `timed out after ${this.options.timeoutMs} ms` : errorMessage(error);
        throw new RetryableFetchError(`GET ${url} failed: ${reason}`, url.toString());
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location || hop >= MAX_REDIRECTS) {
          throw new FetchError(`GET ${url}: redirect ${response.status} without a usable Location`, url.toString(), response.status);
        }
        url = new URL(location, url);
        continue;
      }
      if (response.status === 304 && previous && archive) {
        await response.body?.cancel();
        return {
          url: url.toString(),
          status: 304,
          body: archive.read(previous.storagePath),
          contentType: previous.contentType,
          rawDocumentId: previous.id,
          notModified: true,
        };
      }
      if (RETRYABLE_STATUS.has(response.status)) {
        await response.body?.cancel();
        const wait = retryAfterMs(response.headers.get('retry-after'));
        if (wait !== null && wait > this.options.maxRetryAfterMs) {
          throw new FetchError(
            `GET ${url}: ${response.status}, the server asks to wait ${Math.round(wait / 1000)} s; giving up until the next run`,
            url.toString(),
            response.status,
          );
        }
        const error = new RetryableFetchError(`GET ${url}: HTTP ${response.status}`, url.toString(), response.status);
        if (wait !== null) Object.assign(error, { waitMs: wait });
        throw error;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchError(`GET ${url}: HTTP ${response.status}`, url.toString(), response.status);
      }
      const fetched = await this.readBody(response, url.toString());
      const body = redact ? redact(fetched) : fetched;
      const contentType = response.headers.get('content-type');
      const archived = archive?.store(body, {
        url: url.toString(),
        contentType,
        httpStatus: response.status,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      });
      return {
        url: url.toString(),
        status: response.status,
        body,
        contentType,
        rawDocumentId: archived?.id ?? null,
        notModified: false,
      };
    }
  }

  private async readBody(response: Response, url: string): Promise<Buffer> {
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > this.options.maxBytes) {
      await response.body?.cancel();
      throw new FetchError(`GET ${url}: ${declared} bytes is over the ${this.options.maxBytes}-byte limit`, url);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for await (const chunk of response.body ?? []) {
        total += chunk.length;
        if (total > this.options.maxBytes) {
          throw new FetchError(`GET ${url}: response is over the ${this.options.maxBytes}-byte limit`, url);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof FetchError) throw error;
      throw new RetryableFetchError(`GET ${url}: the response broke off: ${errorMessage(error)}`, url);
    }
    return Buffer.concat(chunks);
  }
}
