// The layers point one way (see docs/architecture.md): domain/ depends on nothing of ours; the adapters
// under scrapers/ use only domain/ and each other (never the database: the pipeline stores what they
// read); db/ uses only domain/; the server and the CLI use everything below them. No import cycles.
// `npm run lint:deps` checks it, and the test suite runs it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes the order of loading matter and the layers meaningless.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-self-contained',
      severity: 'error',
      comment: 'domain/ says what the data means; it imports nothing else of ours.',
      from: { path: '^domain/' },
      to: { path: '^(db|scrapers|server|cli|bench|bin)/' },
    },
    {
      name: 'adapters-never-touch-the-database',
      severity: 'error',
      comment: 'An adapter discovers, fetches and parses; the pipeline (scrapers/pipeline/) stores what it returns.',
      from: { path: '^scrapers/', pathNot: '^scrapers/pipeline/' },
      to: { path: '^(db|server|cli|scrapers/pipeline)/' },
    },
    {
      name: 'db-below-the-application',
      severity: 'error',
      comment: 'db/ stores and reads; it knows the domain, not the scrapers, the server or the CLI.',
      from: { path: '^db/' },
      to: { path: '^(scrapers|server|cli|bench)/' },
    },
    {
      name: 'server-not-cli',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(cli|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|test|scratch|\\.cache|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
