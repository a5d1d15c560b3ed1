// Small text helpers shared by the parsers.
import iconv from 'iconv-lite';
import { UnreadableInputError } from './errors.js';

/** Collapses runs of whitespace (including non-breaking spaces and line breaks) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}

/** A cell value as trimmed text, or null when empty. */
export function textOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = collapseWhitespace(String(value));
  return text === '' ? null : text;
}

/**
 * Bytes of an HTML page as text, in the charset the page declares (BOM, then `<meta charset>`), or
 * windows-1252 when it declares none: what the 3GPP file server's Word-made pages use. Decoded with
 * iconv-lite: Node's own TextDecoder reads "windows-1252" as ISO-8859-1 and loses “quotes”, – and ….
 */
export function decodeHtml(bytes: Uint8Array, fallback = 'windows-1252'): string {
  if (bytes.length === 0) throw new UnreadableInputError('the file is empty');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return iconv.decode(buffer.subarray(3), 'utf-8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf-16le');
  const head = buffer.subarray(0, 8192).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1];
  // An unknown label in the page: fall back rather than refuse the page.
  const encoding = declared && iconv.encodingExists(declared) ? declared : fallback;
  return iconv.decode(buffer, encoding);
}

/** The file name an address or path ends in, decoded: `https://…/RAN%E4%B8%BB.xlsx` → `RAN主.xlsx`, `file:a.csv` → `a.csv`. */
export function fileNameOf(url: string): string {
  const last = url.replace(/^file:/, '').split(/[/\\]/).pop() ?? url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
