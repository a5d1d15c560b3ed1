// The only code that touches the network. It is polite (a user agent with a contact URL, at most one
// request per host per interval, conditional GET), patient (timeouts, retries with backoff, honouring
// Retry-After), careful (only the bodies' own hosts, a size limit) and it archives every response it
// hands on, so each stored record can be traced to the bytes it came from. It speaks node:http(s)
// rather than fetch, whose lenient gzip decoding passes a cut-off page on as a shorter one.
import http from 'node:http';
import https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { FetchError, RetryableFetchError, errorMessage } from './errors.js';
import { redactionNote, type Redact } from './redaction.js';
import type { Redaction } from '../domain/types.js';

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
  /** Null for dry runs: nothing is archived and requests are not conditional. */
  archive: ResponseArchive | null;
}

/** An archived response, as the conditional GET needs it: its validators and where its bytes are. */
export interface ArchivedResponse {
  id: number;
  storagePath: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  httpStatus?: number | null;
  /** What was taken out of the response before it was archived; null: archived as published. */
  redaction?: string | null;
}

/**
 * Where every response is kept, byte for byte (db/archive.ts, RawArchive): the client asks it for the
 * last copy of an address (to ask the server only for a newer one) and hands it each new body.
 */
export interface ResponseArchive {
  latest(url: string): ArchivedResponse | undefined;
  has(storagePath: string): boolean;
  read(storagePath: string): Buffer;
  store(
    bytes: Uint8Array,
    meta: {
      url: string;
      contentType?: string | null;
      httpStatus?: number | null;
      etag?: string | null;
      lastModified?: string | null;
      /** Set when the bytes are a redacted copy of the response. */
      redaction?: Redaction | null;
    },
  ): { id: number };
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

/** What `send` gives back: the status and headers, and a body that is already decoded. */
interface RawResponse {
  status: number;
  header(name: string): string | null;
  body: Readable;
  /** Stops reading the body (a redirect, an error status). */
  cancel(): void;
}

class TransferTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * One GET over node:http(s), with one deadline for headers and body together. Compressed bodies are
 * decoded strictly: a gzip stream cut off before its end is an error here, where fetch would quietly
 * hand on the part that arrived — a truncated page that parses as a shorter one.
 */
function send(url: URL, headers: Record<string, string>, timeoutMs: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(url, { headers });
    let body: Readable | null = null;
    const timer = setTimeout(() => {
      const error = new TransferTimeoutError(`timed out after ${timeoutMs} ms`);
      body?.destroy(error);
      request.destroy(error);
    }, timeoutMs);
    request.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.once('response', (response) => {
      const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
      const decoder =
        encoding === 'gzip' || encoding === 'x-gzip'
          ? zlib.createGunzip()
          : encoding === 'deflate'
            ? zlib.createInflate()
            : encoding === 'br'
              ? zlib.createBrotliDecompress()
              : null;
      const decoded: Readable = decoder ?? response;
      body = decoded;
      if (decoder) pipeline(response, decoder, () => {});
      else if (encoding !== 'identity') response.destroy(new Error(`unsupported content encoding "${encoding.slice(0, 40)}"`));
      decoded.once('close', () => clearTimeout(timer));
      resolve({
        status: response.statusCode ?? 0,
        header: (name) => {
          const value = response.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
        body: decoded,
        cancel: () => {
          clearTimeout(timer);
          request.destroy();
        },
      });
    });
  });
}

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
   * GET with retries; conditional on what the archive already holds for this URL. `redact` makes the
   * copy that is archived and handed on instead of the body (scrapers/redact.ts): personal data a page
   * carries beyond what stdwatch keeps (e-mail addresses) never reaches the disk, and an unchanged
   * page (304) is read from the same copy.
   */
  async get(url: string, options: { redact?: Redact } = {}): Promise<FetchedDocument> {
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

  private async attempt(startUrl: string, redact?: Redact): Promise<FetchedDocument> {
    let url = new URL(startUrl);
    for (let hop = 0; ; hop++) {
      this.checkHost(url);
      const archive = this.options.archive;
      const previous = archive?.latest(url.toString());
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
      let response: RawResponse;
      try {
        response = await send(url, headers, this.options.timeoutMs);
      } catch (error) {
        throw new RetryableFetchError(`GET ${url} failed: ${errorMessage(error)}`, url.toString());
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.header('location');
        response.cancel();
        if (!location || hop >= MAX_REDIRECTS) {
          throw new FetchError(`GET ${url}: redirect ${response.status} without a usable Location`, url.toString(), response.status);
        }
        url = new URL(location, url);
        continue;
      }
      if (response.status === 304 && previous && archive) {
        response.cancel();
        const kept = archive.read(previous.storagePath);
        // A copy archived as published (by a stdwatch that did not redact it yet) is redacted now.
        const copy = redact && !previous.redaction ? redact(kept) : null;
        const archived = copy
          ? archive.store(copy.bytes, {
              url: url.toString(),
              contentType: copy.contentType ?? previous.contentType,
              httpStatus: previous.httpStatus ?? null,
              etag: previous.etag,
              lastModified: previous.lastModified,
              redaction: redactionNote(kept, copy),
            })
          : null;
        return {
          url: url.toString(),
          status: 304,
          body: copy?.bytes ?? kept,
          contentType: copy?.contentType ?? previous.contentType,
          rawDocumentId: archived?.id ?? previous.id,
          notModified: true,
        };
      }
      if (RETRYABLE_STATUS.has(response.status)) {
        response.cancel();
        const wait = retryAfterMs(response.header('retry-after'));
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
      if (response.status < 200 || response.status > 299) {
        response.cancel();
        throw new FetchError(`GET ${url}: HTTP ${response.status}`, url.toString(), response.status);
      }
      const fetched = await this.readBody(response, url.toString());
      const copy = redact?.(fetched) ?? null;
      const body = copy?.bytes ?? fetched;
      const contentType = copy?.contentType ?? response.header('content-type');
      const archived = archive?.store(body, {
        url: url.toString(),
        contentType,
        httpStatus: response.status,
        etag: response.header('etag'),
        lastModified: response.header('last-modified'),
        redaction: copy ? redactionNote(fetched, copy) : null,
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

  private async readBody(response: RawResponse, url: string): Promise<Buffer> {
    const declared = Number(response.header('content-length'));
    if (Number.isFinite(declared) && declared > this.options.maxBytes) {
      response.cancel();
      throw new FetchError(`GET ${url}: ${declared} bytes is over the ${this.options.maxBytes}-byte limit`, url);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > this.options.maxBytes) {
          response.cancel();
          throw new FetchError(`GET ${url}: response is over the ${this.options.maxBytes}-byte limit`, url);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof FetchError) throw error;
      response.cancel();
      throw new RetryableFetchError(`GET ${url}: the response broke off: ${errorMessage(error)}`, url);
    }
    return Buffer.concat(chunks);
  }
}
