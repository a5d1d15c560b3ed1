// The `stdwatch` command line (CONTRACT.md, "Command line"): every command, its arguments and options.
// Every command prints --help, exits 0 on success, and on failure exits non-zero with a one-line
// reason on stderr. The implementations (cli/commands) are loaded only when their command runs, so
// `--help` and `resolve` start quickly.
import { Command, Option } from 'commander';
import { BODY_IDS } from '../domain/types.js';
import { errorMessage } from '../scrapers/errors.js';

/** Runs a command body; any error becomes one line on stderr and exit code 1. */
function action<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      process.stderr.write(`stdwatch: ${errorMessage(error).split('\n')[0]}\n`);
      process.exitCode = 1;
    }
  };
}

/** The report/export filters: --body, --group, --from, --to. */
/** `--basis parent|entity`: which country a source counts for (see docs/counting.md). */
function basisOption(): Option {
  return new Option('--basis <basis>', "country of the ultimate parent (default) or of the named entity itself").choices(['parent', 'entity']);
}

function withFilters(command: Command): Command {
  return command
    .addOption(basisOption())
    .option('--topic <topic>', 'only contributions of a topic (iot, 5g, security: domain/topics.yaml)')
    .addOption(new Option('--withdrawn <rule>', 'count withdrawn documents (include, the default) or leave them out').choices(['include', 'exclude']))
    .addOption(new Option('--revisions <rule>', 'keep a revised document and its revision apart, or count them once (collapse)').choices(['keep', 'collapse']))
    .addOption(new Option('--body <body>', 'only this body').choices(BODY_IDS))
    .option('--group <name>', 'only this group (e.g. RAN, SA2)')
    .option('--from <YYYY-MM-DD>', 'contributions dated on or after this day')
    .option('--to <YYYY-MM-DD>', 'contributions dated on or before this day');
}

export function buildProgram(): Command {
  const program = new Command('stdwatch')
    .description('Who takes part in international technical standards bodies: contributions, sources and leadership seats, per country and per company.')
    .version('0.1.0');

  program
    .command('serve')
    .description('serve the reports and run the scheduled scrapers; an empty database is first loaded with the bundled snapshot')
    .option('--port <n>', 'port to listen on (default: PORT or 3000)')
    .action(action(async (options) => (await import('./commands/serve.js')).serve(options)));

  program
    .command('seed')
    .description('load the bundled snapshot of real public data into the database (loading it again changes nothing)')
    .action(action(async () => (await import('./commands/seed.js')).seed()));

  program
    .command('scrape')
    .description('run scrapers now: all, a body (3gpp) or one source (3gpp:tdocs)')
    .argument('[sources...]', 'sources to run (default: all)')
    .option('--since <YYYY-MM-DD>', 'meetings ending on or after this day (default: the look-back window)')
    .option('--until <YYYY-MM-DD>', 'meetings starting on or before this day (default: 60 days ahead)')
    .option('--dry-run', 'fetch and parse, store nothing')
    .option('--groups <list>', 'comma-separated groups of one body for this run (ietf: core,6lo or all; ieee: 802.11; 3gpp: RAN1), instead of its STDWATCH_*_GROUPS setting')
    .action(action(async (sources, options) => (await import('./commands/scrape.js')).scrape(sources, options)));

  program
    .command('import')
    .description('import saved public files (3GPP TDoc list .xlsx/.xlsm, 3GPP TdocsByAgenda page, ITU listing, IEEE Mentor page, IETF htmlized draft, Datatracker API JSON read together) and files of seats (3GPP work plan, election article, officials annex, chairs table, officer roster CSV/XLSX); a file that cannot be read is refused whole')
    .argument('<files...>', 'files to import')
    .option('--url <url>', 'the public URL the file was saved from (recorded as its provenance; one file only)')
    .option('--meeting-date <YYYY-MM-DD>', "the meeting's first day, for lists without dates (TdocsByAgenda pages)")
    .action(action(async (files, options) => (await import('./commands/import.js')).importFiles(files, options)));

  program
    .command('resolve')
    .description('split raw source/affiliation strings and resolve each part to organization, ultimate parent, country and kind')
    .argument('[raw...]', 'raw source strings, e.g. "Huawei, HiSilicon"')
    .option('--json', 'one JSON object per input: {"input": RAW, "sources": [...]}')
    .option('--stdin', 'read one raw string per line from standard input')
    .option('--date <YYYY-MM-DD>', 'owners as on this day (Motorola Mobility: Google in 2013, Lenovo from Oct 2014)')
    .addOption(basisOption())
    .action(action(async (raws, options) => (await import('./commands/resolve.js')).resolve(raws, options)));

  const exporter = program.command('export').description('export every contribution or leadership seat, one record each');
  const exportFormat = () => new Option('--format <format>', 'output format').choices(['ndjson', 'csv', 'json']).default('ndjson');
  withFilters(exporter.command('contributions').description('every contribution, one record each (see docs/data-model.md)').addOption(exportFormat())).action(
    action(async (options) => (await import('./commands/export.js')).exportContributions(options)),
  );
  withFilters(exporter.command('positions').description('every leadership seat, one record each (see docs/data-model.md)').addOption(exportFormat())).action(
    action(async (options) => (await import('./commands/export.js')).exportPositions(options)),
  );

  const orgs = program.command('orgs').description('how much of what was scraped the organization registry attributes');
  withFilters(
    orgs
      .command('unresolved')
      .description('raw source names that resolve to no organization, most frequent first, with an example document')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
      .option('--limit <n>', 'at most this many names', '100'),
  ).action(action(async (options) => (await import('./commands/orgs.js')).orgsUnresolved(options)));
  withFilters(
    orgs
      .command('coverage')
      .description('the share of source mentions resolved to an organization, per body, group, year or group and year')
      .addOption(new Option('--by <dimension>', 'rows per').choices(['body', 'group', 'year', 'group-year']).default('body'))
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text')),
  ).action(action(async (options) => (await import('./commands/orgs.js')).orgsCoverage(options)));
  withFilters(
    orgs
      .command('suggest')
      .description('unresolved names, most frequent first, each with candidate organizations and the evidence for each')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .option('--limit <n>', 'at most this many names', '20'),
  ).action(action(async (options) => (await import('./commands/orgs.js')).orgsSuggest(options)));
  orgs
    .command('accept')
    .description("adds NAME to the registry as a name of ORG (a slug or a known name), in the registry's YAML, and re-resolves what is stored")
    .argument('<name>', 'the name as written in the sources')
    .argument('<org>', 'the organization: its slug (huawei) or a name the registry knows')
    .action(action(async (name, org) => (await import('./commands/orgs.js')).orgsAccept(name, org)));

  const report = program.command('report').description('participation reports: per country, per company, by Organizational Partner');
  const reportFormat = () => new Option('--format <format>', 'output format').choices(['text', 'json', 'csv', 'html']).default('text');
  // The groups the by-year series counts (docs/counting.md, "Series over time"); checked with the other filters.
  const coverageOption = () =>
    new Option('--coverage <rule>', 'by year over the groups stored in every year (comparable, the default), every group as stored (all), or each group apart (per-group)');
  withFilters(
    report.command('country').description('the per-country participation report').argument('<iso2>', 'ISO 3166-1 alpha-2 code, e.g. CN').addOption(reportFormat()).addOption(coverageOption()),
  ).action(action(async (iso2, options) => (await import('./commands/report.js')).countryReportCommand(iso2, options)));
  withFilters(
    report
      .command('company')
      .description('the per-company report (ultimate parent, with its subsidiaries listed)')
      .argument('<name-or-slug>', 'e.g. huawei, "China Mobile", ntt-docomo')
      .addOption(reportFormat())
      .addOption(coverageOption()),
  ).action(action(async (name, options) => (await import('./commands/report.js')).companyReportCommand(name, options)));
  withFilters(
    report
      .command('partners')
      .description('3GPP contributions and chair and vice-chair seats by the Organizational Partner (ARIB, ATIS, CCSA, ETSI, TSDSI, TTA, TTC) their sources and holders take part through')
      .option('--at <YYYY-MM-DD>', 'the day of the seats (default: today)')
      .option('--groups <list>', 'seats of these groups only, comma-separated (e.g. RAN,SA,CT)')
      .option('--set <name>', 'seats of a named set of groups (3gpp-tsgs, 3gpp-ran, 3gpp-sa, 3gpp-ct)')
      .addOption(reportFormat()),
  ).action(action(async (options) => (await import('./commands/report.js')).partnersReportCommand(options)));

  program
    .command('digest')
    .description('the weekly participation report of an ISO week, as published (a week not yet published is a preview)')
    .option('--week <YYYY-Www>', 'the ISO week, e.g. 2025-W07 (default: the last complete week when it has contributions, else the newest week that has)')
    .option('--weeks', 'list the weeks that have contributions, newest first, with how many (md: one a line; json; csv)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html', 'json', 'csv']).default('md'))
    .option('--publish', 'publish the week now (kept as published; a week already published stays as it was)')
    .option('--replace', 'with --publish: publish again over the earlier publication')
    .action(action(async (options) => (await import('./commands/digest.js')).digest(options)));

  const watchlist = program.command('watchlist').description('watchlists of organizations, groups and keywords (the same as /watchlists)');
  watchlist
    .command('add')
    .description('create a watchlist, or add to the one of that name')
    .argument('<name>', 'e.g. "Competitors in RAN"')
    .option('--org <name-or-slug...>', 'organizations (a parent covers its subsidiaries)')
    .option('--group <code...>', 'groups, e.g. RAN SA2')
    .option('--keyword <words...>', 'keywords matched against titles and sources, as /search')
    .action(action(async (name, options) => (await import('./commands/watchlist.js')).addToWatchlist(name, options)));
  watchlist
    .command('list')
    .description('every watchlist with what it follows')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(action(async (options) => (await import('./commands/watchlist.js')).listWatchlistsCommand(options)));
  watchlist
    .command('show')
    .description("a watchlist's contributions, newest first")
    .argument('<name>', 'its name or slug')
    .option('--since <YYYY-MM-DD>', 'only contributions dated on or after this day')
    .option('--group <name>', 'only this group')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .action(action(async (name, options) => (await import('./commands/watchlist.js')).showWatchlist(name, options)));
  watchlist
    .command('remove')
    .description('remove a watchlist')
    .argument('<name>', 'its name or slug')
    .action(action(async (name) => (await import('./commands/watchlist.js')).removeWatchlistCommand(name)));

  return program;
}

// A reader that goes away (`stdwatch export … | head`) ends the command quietly, as with other tools.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await buildProgram().parseAsync(process.argv);
