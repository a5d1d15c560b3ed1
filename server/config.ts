// Configuration: read from the environment once, validated, in one place. Every setting has a default
// that works on a fresh clone; docs/configuration.md lists them all.
import path from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';
import { GROUP_CODES } from '../domain/groups/3gpp.js';
import type { HttpClientOptions } from '../scrapers/http.js';
import { DEFAULT_BASE_URL as DEFAULT_3GPP_BASE_URL } from '../scrapers/3gpp/urls.js';
import { REGISTRY_DIR } from '../domain/resolve/registry.js';
import { projectPath } from '../domain/project.js';

// The default database lives in the checkout's data/ folder, wherever the command is run from.
const DEFAULT_DB = projectPath('data', 'stdwatch.db');

/** pino's levels, most severe first; `silent` writes nothing. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOG_FORMATS = ['json', 'pretty'] as const;

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().nonnegative();

const envSchema = z.object({
  STDWATCH_DB: z.string().min(1).default(DEFAULT_DB),
  STDWATCH_ARCHIVE_DIR: z.string().min(1).optional(),
  STDWATCH_REGISTRY_DIR: z.string().min(1).default(REGISTRY_DIR),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  STDWATCH_HOST: z.string().min(1).default('127.0.0.1'),
  STDWATCH_SCRAPE_SCHEDULE: z
    .string()
    .default('0 6 * * 1')
    .refine((v) => cron.validate(v), 'not a valid cron expression (e.g. "0 6 * * 1": Mondays 06:00)'),
  STDWATCH_DIGEST_SCHEDULE: z
    .string()
    .default('0 7 * * 1')
    .refine((v) => cron.validate(v), 'not a valid cron expression (e.g. "0 7 * * 1": Mondays 07:00)'),
  STDWATCH_SCRAPE_ON_START: boolean.default(true),
  STDWATCH_SCRAPE_LOOKBACK_DAYS: positiveInt.default(120),
  STDWATCH_3GPP_BASE_URL: z.url().default(DEFAULT_3GPP_BASE_URL),
  STDWATCH_ITU_BASE_URL: z.url().default('https://www.itu.int'),
  STDWATCH_IEEE_BASE_URL: z.url().default('https://mentor.ieee.org'),
  STDWATCH_IETF_BASE_URL: z.url().default('https://datatracker.ietf.org'),
  STDWATCH_IEEE802_BASE_URL: z.url().default('https://www.ieee802.org'),
  STDWATCH_3GPP_GROUPS: z
    .string()
    .default(GROUP_CODES.join(','))
    .transform((v) => v.split(',').map((g) => g.trim().toUpperCase()).filter(Boolean))
    .refine((groups) => groups.every((g) => GROUP_CODES.includes(g)), {
      message: `each group must be one of ${GROUP_CODES.join(', ')}`,
    }),
  STDWATCH_IETF_GROUPS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((g) => g.trim().toLowerCase()).filter(Boolean) : undefined))
    .refine((groups) => !groups || groups.every((g) => /^[a-z0-9-]+$/.test(g)), { message: 'each group must be a Datatracker acronym (core, 6lo) or "all"' }),
  STDWATCH_IETF_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  STDWATCH_IEEE_GROUPS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((g) => g.trim()).filter(Boolean) : undefined))
    .refine((groups) => !groups || groups.every((g) => /^802\.\d+$/.test(g)), { message: 'each group must be an IEEE 802 working group (802.11, 802.15)' }),
  STDWATCH_REQUEST_INTERVAL_MS: nonNegativeInt.default(1000),
  STDWATCH_REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  STDWATCH_REQUEST_RETRIES: nonNegativeInt.default(3),
  STDWATCH_RETRY_BACKOFF_MS: nonNegativeInt.default(2000),
  STDWATCH_MAX_DOWNLOAD_MB: positiveInt.default(50),
  STDWATCH_CONTACT: z.string().min(1).default('https://github.com/stdwatch/stdwatch'),
  STDWATCH_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  STDWATCH_RATE_LIMIT_PER_MINUTE: nonNegativeInt.default(300),
  STDWATCH_FAILURE_BACKOFF_HOURS: nonNegativeInt.default(144),
  STDWATCH_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  STDWATCH_LOG_FORMAT: z.enum(LOG_FORMATS).default('json'),
});

export interface Config {
  dbFile: string;
  archiveDir: string;
  /** The organization registry's folder of YAML files (`stdwatch orgs accept` writes there). */
  registryDir: string;
  port: number;
  host: string;
  scrapeSchedule: string;
  scrapeOnStart: boolean;
  /** When the weekly digest of the last complete week is published (node-cron syntax). */
  digestSchedule: string;
  scrapeLookbackDays: number;
  baseUrls: { '3gpp': string; itu: string; ieee: string; ietf: string; ieee802: string };
  threeGppGroups: string[];
  /** IETF groups (acronyms, or `all`); undefined: the IoT-related default. */
  ietfGroups?: string[];
  /** Objects per Datatracker API page asked for. */
  ietfPageSize: number;
  /** IEEE 802 working groups; undefined: the default. */
  ieeeGroups?: string[];
  /** Bearer token for requests that change state (POST /api/scrape); null: those routes do not exist. */
  adminToken: string | null;
  /** Requests per minute per client address on pages and the API; 0: no limit. */
  rateLimitPerMinute: number;
  /** First wait after a source's failed run before a scheduled run tries it again; doubled per failure. */
  failureBackoffMs: number;
  /** The server's log (server/log.ts): the lowest level written, and JSON lines or lines for a person. */
  log: { level: (typeof LOG_LEVELS)[number]; format: (typeof LOG_FORMATS)[number] };
  /** The HTTP client's settings; hosts, database and archive are added per run (server/context.ts). */
  http: Omit<HttpClientOptions, 'allowedHosts' | 'db' | 'archive'>;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const dbDir = e.STDWATCH_DB === ':memory:' ? 'data' : path.dirname(e.STDWATCH_DB);
  return {
    dbFile: e.STDWATCH_DB,
    archiveDir: e.STDWATCH_ARCHIVE_DIR ?? path.join(dbDir, 'raw'),
    registryDir: path.resolve(e.STDWATCH_REGISTRY_DIR),
    port: e.PORT,
    host: e.STDWATCH_HOST,
    scrapeSchedule: e.STDWATCH_SCRAPE_SCHEDULE,
    scrapeOnStart: e.STDWATCH_SCRAPE_ON_START,
    digestSchedule: e.STDWATCH_DIGEST_SCHEDULE,
    scrapeLookbackDays: e.STDWATCH_SCRAPE_LOOKBACK_DAYS,
    baseUrls: {
      '3gpp': e.STDWATCH_3GPP_BASE_URL,
      itu: e.STDWATCH_ITU_BASE_URL,
      ieee: e.STDWATCH_IEEE_BASE_URL,
      ietf: e.STDWATCH_IETF_BASE_URL,
      ieee802: e.STDWATCH_IEEE802_BASE_URL,
    },
    threeGppGroups: e.STDWATCH_3GPP_GROUPS,
    ietfGroups: e.STDWATCH_IETF_GROUPS,
    ietfPageSize: e.STDWATCH_IETF_PAGE_SIZE,
    ieeeGroups: e.STDWATCH_IEEE_GROUPS,
    adminToken: e.STDWATCH_ADMIN_TOKEN ?? null,
    rateLimitPerMinute: e.STDWATCH_RATE_LIMIT_PER_MINUTE,
    failureBackoffMs: e.STDWATCH_FAILURE_BACKOFF_HOURS * 3_600_000,
    log: { level: e.STDWATCH_LOG_LEVEL, format: e.STDWATCH_LOG_FORMAT },
    http: {
      userAgent: `stdwatch/0.1 (+${e.STDWATCH_CONTACT}; participation statistics from public listings)`,
      minIntervalMs: e.STDWATCH_REQUEST_INTERVAL_MS,
      timeoutMs: e.STDWATCH_REQUEST_TIMEOUT_MS,
      retries: e.STDWATCH_REQUEST_RETRIES,
      backoffMs: e.STDWATCH_RETRY_BACKOFF_MS,
      maxRetryAfterMs: 5 * 60_000,
      maxBytes: e.STDWATCH_MAX_DOWNLOAD_MB * 1024 * 1024,
    },
  };
}
