// `stdwatch import FILE…`: import saved public files, format detected from the content.
import type { Command } from 'commander';
import { importFile } from '../../scrapers/import.js';
import { action, withApp, type ConfigLoader } from '../common.js';
import { errorMessage } from '../../scrapers/errors.js';

export function importCommand(program: Command, config: ConfigLoader): void {
  program
    .command('import')
    .description('import saved public files (3GPP TDoc list .xlsx/.xlsm, 3GPP TdocsByAgenda page); a file that cannot be read is refused whole')
    .argument('<files...>', 'files to import')
    .option('--url <url>', 'the public URL the file was saved from (recorded as its provenance; one file only)')
    .option('--meeting-date <YYYY-MM-DD>', "the meeting's first day, for lists without dates (TdocsByAgenda pages)")
    .action(
      action(async (files: string[], options: { url?: string; meetingDate?: string }) => {
        if (options.url && files.length > 1) throw new Error('--url names one file; import files one at a time with it');
        if (options.meetingDate && !/^\d{4}-\d{2}-\d{2}$/.test(options.meetingDate)) {
          throw new Error(`--meeting-date: "${options.meetingDate}" is not a date YYYY-MM-DD`);
        }
        await withApp(config, (app) => {
          let failed = 0;
          for (const file of files) {
            try {
              const r = importFile(app, file, { url: options.url, meetingDate: options.meetingDate });
              process.stderr.write(
                `${file}: ${r.seen} contributions of ${r.meeting ?? r.group} (${r.new} new, ${r.changed} changed)` +
                  `${r.warnings.length > 0 ? `; ${r.warnings.length} warning(s): ${r.warnings.slice(0, 3).join('; ')}` : ''}\n`,
              );
            } catch (error) {
              failed++;
              process.stderr.write(`stdwatch: ${errorMessage(error)}\n`);
            }
          }
          if (failed > 0) process.exitCode = 1;
        });
      }),
    );
}
