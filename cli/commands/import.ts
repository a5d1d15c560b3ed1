// `stdwatch import FILE…`: import saved public files, format detected from the content.
import { errorMessage } from '../../scrapers/errors.js';
import { importFile } from '../../scrapers/import.js';
import { dateOption, withApp } from '../common.js';

export async function importFiles(files: string[], options: { url?: string; meetingDate?: string }): Promise<void> {
  if (options.url && files.length > 1) throw new Error('--url names one file; import files one at a time with it');
  if (options.url && !/^https?:\/\/[^\s/]+\.[^\s/]+/.test(options.url)) {
    throw new Error(`--url: "${options.url}" is not an http(s) address`);
  }
  dateOption('meeting-date', options.meetingDate);
  await withApp((app) => {
    let failed = 0;
    for (const file of files) {
      try {
        const r = importFile(app, file, { url: options.url, meetingDate: options.meetingDate });
        const warnings = r.warnings.length > 0 ? `; ${r.warnings.length} warning(s): ${r.warnings.slice(0, 3).join('; ')}` : '';
        process.stderr.write(`${file}: ${r.seen} contributions of ${r.meeting ?? r.group} (${r.new} new, ${r.changed} changed)${warnings}\n`);
      } catch (error) {
        failed++;
        process.stderr.write(`stdwatch: ${errorMessage(error)}\n`);
      }
    }
    if (failed > 0) process.exitCode = 1;
  });
}
