// The per-country participation report.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { countryName, isCountryCode } from '../../scrapers/resolve/countries.js';
import type { Filters } from './filters.js';
import { basisOf, byGroup, byMeeting, byOrganization, coSources, countryOf, countryOnBasis, participationSummary, seats } from './participation.js';
import { organizations } from '../../db/schema.js';
import { alias } from 'drizzle-orm/sqlite-core';
import * as rollup from './rollup.js';

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

const coParent = alias(organizations, 'co_parent');
const seatParent = alias(organizations, 'seat_parent');
const seatOrg = alias(organizations, 'seat_org');

export function countryReport(db: Db, code: string, filters: Filters) {
  const iso2 = code.toUpperCase();
  if (!isCountryCode(iso2)) throw new NotFoundError(`"${code}" is not an ISO 3166-1 alpha-2 country code`);
  const who = sql`${countryOf(filters)} = ${iso2}`;
  const seatCountry = countryOnBasis(filters, seatOrg.country, seatParent.country);
  const subject = { kind: 'country', code: iso2 } as const;
  const fromRollup = rollup.rollupCovers(db, filters);
  return {
    kind: 'country' as const,
    country: { code: iso2, name: countryName(iso2) },
    filters,
    basis: basisOf(filters),
    ...(fromRollup ? rollup.participationSummary(db, subject, filters) : participationSummary(db, who, filters)),
    organizations: fromRollup ? rollup.byOrganization(db, subject, filters) : byOrganization(db, who, filters),
    byMeeting: fromRollup ? rollup.byMeeting(db, subject, filters) : byMeeting(db, who, filters),
    byGroup: fromRollup ? rollup.byGroup(db, subject, filters) : byGroup(db, who, filters),
    coSources: fromRollup
      ? rollup.coSources(db, subject, filters)
      : coSources(db, who, sql`coalesce(${coParent.country}, '') = ${iso2}`, filters),
    seats: seats(db, sql`${seatCountry} = ${iso2}`, filters),
  };
}

export type CountryReport = ReturnType<typeof countryReport>;
