// The per-country participation report.
import type { Db } from '../../db/client.js';
import { countryName, isCountryCode } from '../../domain/resolve/countries.js';
import type { Filters } from './filters.js';
import { byYear } from './series.js';
import { basisOf, byGroup, byMeeting, byOrganization, coSources, participationSummary, seatHolder, seats, type Subject } from './participation.js';
import { countrySeatsByPartner } from './partners.js';

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** `seatsOn`: the day of the seats by Organizational Partner (the filters' end by default, else today). */
export function countryReport(db: Db, code: string, filters: Filters, seatsOn: string = filters.to ?? new Date().toISOString().slice(0, 10)) {
  const iso2 = code.toUpperCase();
  if (!isCountryCode(iso2)) throw new NotFoundError(`"${code}" is not an ISO 3166-1 alpha-2 country code`);
  const subject: Subject = { kind: 'country', code: iso2 };
  return {
    kind: 'country' as const,
    country: { code: iso2, name: countryName(iso2) },
    filters,
    basis: basisOf(filters),
    ...participationSummary(db, subject, filters),
    organizations: byOrganization(db, subject, filters),
    byMeeting: byMeeting(db, subject, filters),
    byGroup: byGroup(db, subject, filters),
    // Per year over the groups stored in every year (coverage.ts), with the coverage that says which.
    ...byYear(db, subject, filters),
    coSources: coSources(db, subject, filters),
    seats: seats(db, seatHolder(subject, filters), filters),
    // 3GPP: the chair and vice-chair seats held on a day by the Organizational Partner their holders sit through.
    partnerSeats: countrySeatsByPartner(db, iso2, filters, seatsOn),
  };
}

export type CountryReport = ReturnType<typeof countryReport>;
