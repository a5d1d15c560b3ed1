// Faulty answers for the local fixture server (a route's `handle`): what real servers and networks do
// to a scraper. Each is a plain function of the request and response, so any route of a fixture site
// can misbehave — a TDoc list that breaks off, a listing in broken gzip, a body that never ends.
import type http from 'node:http';
import zlib from 'node:zlib';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Promises `declared` bytes, sends the first `sent` of `body`, then resets the connection. */
export function resetMidBody(body: Buffer, sent = Math.floor(body.length / 3)): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.length) });
    res.write(body.subarray(0, sent), () => setTimeout(() => res.socket?.resetAndDestroy(), 20));
  };
}

/** Sends the headers and a little of the body, then nothing more: the client's timeout must end it. */
export function stallMidBody(first: string | Buffer = 'partial'): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write(first);
  };
}

/** Never answers at all (until the test closes the server). `onRequest` says when the request arrived. */
export function neverAnswer(onRequest?: () => void): Handler {
  return () => onRequest?.();
}

/** A chunked body without a length that goes on forever (the size limit must stop it). */
export function endlessBody(chunk = Buffer.alloc(64 * 1024, 0x41)): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  };
}

/** Says `content-encoding: gzip` but sends bytes that are not gzip. */
export function notGzip(body: string | Buffer = 'this is not gzip at all'): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(body);
  };
}

/** A real gzip stream cut off before its end (and its checksum). */
export function truncatedGzip(body: string | Buffer): Handler {
  const gz = zlib.gzipSync(body);
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gz.subarray(0, Math.floor(gz.length / 2)));
  };
}

/** A correct gzip answer (to show the client decodes it). */
export function gzipped(body: string | Buffer, contentType = 'text/html'): Handler {
  const gz = zlib.gzipSync(body);
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-encoding': 'gzip' }).end(gz);
  };
}

/** Serves `body` with exactly these headers (no content type unless given). */
export function withHeaders(body: string | Buffer, headers: Record<string, string>): Handler {
  return (_req, res) => {
    res.writeHead(200, headers).end(body);
  };
}

/** Redirects to `location` (absolute or relative). */
export function redirect(location: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location }).end();
  };
}

/**
 * The workbook with the central-directory entry of `entry` claiming `size` uncompressed bytes: what a
 * ZIP bomb declares. (The ZIP check refuses it before anything is decompressed.)
 */
export function withDeclaredSize(zip: Buffer, entry: string, size: number): Buffer {
  const copy = Buffer.from(zip);
  for (let at = copy.length - 46; at >= 0; at--) {
    if (copy.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = copy.readUInt16LE(at + 28);
    if (copy.subarray(at + 46, at + 46 + nameLength).toString() === entry) {
      copy.writeUInt32LE(size, at + 24);
      return copy;
    }
  }
  throw new Error(`no entry ${entry} in the ZIP directory`);
}
