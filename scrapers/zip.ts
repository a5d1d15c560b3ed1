// A structural check of a ZIP container (xlsx files are ZIP) before a workbook library sees it: the
// central directory must be complete and what it promises to unpack must stay within bounds. A
// truncated download fails here with a clear reason instead of deep inside the xlsx reader, and a
// "zip bomb" is refused: by the sizes the directory declares before anything is decompressed, and by
// inflating each entry with its declared size as the ceiling, so a directory that understates them
// is caught too (the workbook reader would otherwise inflate whatever the data holds).
import zlib from 'node:zlib';
import { UnreadableInputError } from './errors.js';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_MIN_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export interface ZipLimits {
  /** Largest total the entries may decompress to. */
  maxUncompressedBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 256 * 1024 * 1024, maxEntries: 10_000 };

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeader: number;
}

/** The central directory's entries as they stand, with the end record's offset; throws when it is damaged. */
function centralDirectory(bytes: Uint8Array, limits: ZipLimits): { view: DataView; eocd: number; entries: CentralEntry[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - EOCD_MIN_SIZE - MAX_COMMENT);
  for (let i = bytes.length - EOCD_MIN_SIZE; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnreadableInputError('the ZIP container has no end record: the file is truncated or not a ZIP');
  const entryCount = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (directoryOffset === 0xffffffff || entryCount === 0xffff) {
    throw new UnreadableInputError('ZIP64 archives are not supported for contribution lists');
  }
  if (directoryOffset + directorySize > eocd) {
    throw new UnreadableInputError('the ZIP central directory points outside the file: the file is truncated or corrupt');
  }
  if (entryCount > limits.maxEntries) {
    throw new UnreadableInputError(`the ZIP container has ${entryCount} entries (limit ${limits.maxEntries})`);
  }
  const entries: CentralEntry[] = [];
  let at = directoryOffset;
  const decoder = new TextDecoder();
  for (let n = 0; n < entryCount; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_ENTRY_SIGNATURE) {
      throw new UnreadableInputError('the ZIP central directory is damaged');
    }
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { view, eocd, entries };
}

/** Lists the entries of a complete ZIP archive, or throws UnreadableInputError saying what is wrong. */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  const { view, eocd, entries } = centralDirectory(bytes, limits);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw new UnreadableInputError(
        `the ZIP container would decompress to more than ${Math.round(limits.maxUncompressedBytes / 1048576)} MB`,
      );
    }
    checkInflatedSize(bytes, view, entry, eocd);
  }
  return entries.map(({ name, compressedSize, uncompressedSize }) => ({ name, compressedSize, uncompressedSize }));
}

/**
 * One entry's content (stored or deflated, never more than its declared size), or null when the
 * archive has no entry of that name or cannot be read: a quick look inside (a workbook's sheet
 * names), not a check of the container.
 */
export function readZipEntry(bytes: Uint8Array, name: string): Buffer | null {
  try {
    const { view, eocd, entries } = centralDirectory(bytes, DEFAULT_ZIP_LIMITS);
    const entry = entries.find((e) => e.name === name);
    if (!entry || entry.localHeader + 30 > eocd) return null;
    const start = entry.localHeader + 30 + view.getUint16(entry.localHeader + 26, true) + view.getUint16(entry.localHeader + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) return Buffer.from(data);
    if (entry.method !== 8) return null;
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch {
    return null;
  }
}

/** An entry must inflate to no more than the directory says; more is a bomb or a corrupt file. */
function checkInflatedSize(bytes: Uint8Array, view: DataView, entry: CentralEntry, eocd: number): void {
  const { name, method, compressedSize, uncompressedSize, localHeader } = entry;
  if (localHeader + 30 > eocd) throw new UnreadableInputError('the ZIP central directory points outside the file: the file is truncated or corrupt');
  const start = localHeader + 30 + view.getUint16(localHeader + 26, true) + view.getUint16(localHeader + 28, true);
  if (start + compressedSize > eocd) throw new UnreadableInputError(`the ZIP entry ${name} runs past the end of the file: the file is truncated`);
  if (method === 0) {
    if (compressedSize !== uncompressedSize) throw new UnreadableInputError(`the ZIP entry ${name} is stored with inconsistent sizes`);
    return;
  }
  if (method !== 8) return; // other methods: left to the reader, which refuses what it cannot read
  try {
    zlib.inflateRawSync(bytes.subarray(start, start + compressedSize), { maxOutputLength: Math.max(1, uncompressedSize) });
  } catch (error) {
    const tooBig = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new UnreadableInputError(
      tooBig
        ? `the ZIP entry ${name} decompresses to more than the ${uncompressedSize} bytes its directory declares (a zip bomb, or a corrupt file)`
        : `the ZIP entry ${name} does not decompress: the file is corrupt`,
    );
  }
}
