// A local HTTP server on 127.0.0.1 that serves captured files at the URL paths they had on the bodies'
// sites, so scrapers are tested end to end without mocking fetch and without leaving the machine.
// Paths match case-insensitively, as on 3GPP's (IIS) file server. Routes can also answer with a
// status, headers or a delay, to test the HTTP client's handling of faults.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureRoute {
  /** A file to serve. */
  file?: string;
  /** Or a body. */
  body?: string | Buffer;
  status?: number;
  headers?: Record<string, string>;
  /** Answer the first n requests with this instead (e.g. a 503 with Retry-After). */
  firstResponses?: { status: number; headers?: Record<string, string>; body?: string }[];
}

export interface RequestLogEntry {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface FixtureServer {
  baseUrl: string;
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

function contentType(path: string): string {
  if (/\.html?$/i.test(path)) return 'text/html';
  if (/\.xlsx$/i.test(path)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (/\.json$/i.test(path)) return 'application/json';
  return 'application/octet-stream';
}

/** `routes` maps a URL path with its query (`/dynareport?code=Meetings-RP.htm`) to what to answer. */
export async function startFixtureServer(routes: Record<string, FixtureRoute>): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes).map(([path, route]) => [decodeURIComponent(path).toLowerCase(), { route, served: 0 }]));
  const requests: RequestLogEntry[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, at: Date.now() });
    const entry = table.get(decodeURIComponent(req.url ?? '/').toLowerCase());
    if (!entry) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404 Not Found</h1>');
      return;
    }
    const { route } = entry;
    const early = route.firstResponses?.[entry.served];
    entry.served++;
    if (early) {
      res.writeHead(early.status, early.headers).end(early.body ?? '');
      return;
    }
    const body = route.file ? fs.readFileSync(route.file) : (route.body ?? '');
    const headers: Record<string, string> = { 'content-type': contentType(route.file ?? req.url ?? ''), ...route.headers };
    const etag = headers['etag'];
    if (etag && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(route.status ?? 200, headers).end(body);
  });
  // Node closes an idle kept-alive connection after 5 s; a client that parses a large list for longer
  // (a loaded machine) may then reuse a socket the server is closing and see "fetch failed". Tests
  // run with no retries, so keep connections open longer than any test.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
