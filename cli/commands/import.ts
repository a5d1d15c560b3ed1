// `stdwatch import FILE…`: import saved public files, format detected from the content. Datatracker
// JSON files are read together as one saved run (documents and their authors' records pair up).
import fs from 'node:fs';
import { errorMessage } from '../../scrapers/errors.js';
import { describeImport, importFile, type ImportResult } from '../../scrapers/pipeline/import.js';
import { importIetfJsonFiles } from '../../scrapers/pipeline/import-ietf-json.js';
import { looksLikeJson } from '../../scrapers/ietf/import-json.js';
import { dateOption, withApp } from '../common.js';

/** A readable file whose content is JSON; unreadable files go the one-file way, which says why. */
function isJsonFile(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(64);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      return looksLikeJson(head.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

function report(r: ImportResult): void {
  const warnings = r.warnings.length > 0 ? `; ${r.warnings.length} warning(s): ${r.warnings.slice(0, 3).join('; ')}` : '';
  process.stderr.write(`${r.file}: ${describeImport(r)}${warnings}\n`);
}

export async function importFiles(files: string[], options: { url?: string; meetingDate?: string }): Promise<void> {
  if (options.url && files.length > 1) throw new Error('--url names one file; import files one at a time with it');
  if (options.url && !/^https?:\/\/[^\s/]+\.[^\s/]+/.test(options.url)) {
    throw new Error(`--url: "${options.url}" is not an http(s) address`);
  }
  dateOption('meeting-date', options.meetingDate);
  const jsonFiles = files.filter(isJsonFile);
  await withApp((app) => {
    let failed = 0;
    for (const file of files.filter((f) => !jsonFiles.includes(f))) {
      try {
        report(importFile(app, file, { url: options.url, meetingDate: options.meetingDate }));
      } catch (error) {
        failed++;
        process.stderr.write(`stdwatch: ${errorMessage(error)}\n`);
      }
    }
    if (jsonFiles.length > 0) {
      try {
        for (const r of importIetfJsonFiles(app, jsonFiles, { url: options.url })) report(r);
      } catch (error) {
        failed++;
        process.stderr.write(`stdwatch: ${errorMessage(error)}\n`);
      }
    }
    if (failed > 0) process.exitCode = 1;
  });
}
