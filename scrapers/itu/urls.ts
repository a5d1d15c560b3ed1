// Where things are on www.itu.int. Every URL is built on the configured base URL (the real site, or a
// local server in tests); what is stored is the public address on www.itu.int.
import type { StudyPeriod } from './periods.js';

export const DEFAULT_BASE_URL = 'https://www.itu.int';
export const ITU_HOSTS = ['www.itu.int', 'itu.int'];

/** The list of ITU-T study groups of a period (and TSAG). */
export function studyGroupListUrl(baseUrl: string, period: StudyPeriod): string {
  return new URL(`/en/ITU-T/studygroups/${period.years}/Pages/default.aspx`, baseUrl).toString();
}

/** A group's contributions (`C`) or temporary documents (`TD`) of a period: `parent=T22-SG17-C`. */
export function documentListingUrl(baseUrl: string, period: StudyPeriod, folder: string, kind: 'C' | 'TD'): string {
  return new URL(`/md/meetingdoc.asp?lang=en&parent=${period.prefix}-${folder}-${kind}`, baseUrl).toString();
}

/** The management team (`mgmt.aspx`) or Questions and rapporteurs (`loqr.aspx`) of an ITU-T study group. */
export function officerListUrl(baseUrl: string, page: 'mgmt' | 'loqr', groupNumber: number, period: StudyPeriod): string {
  return new URL(`/net4/ITU-T/lists/${page}.aspx?Group=${groupNumber}&Period=${period.listPeriod}`, baseUrl).toString();
}

/** The public address of a page fetched from the configured base. */
export function publicUrl(url: string, baseUrl: string): string {
  const fetched = new URL(url);
  if (fetched.host !== new URL(baseUrl).host) return url;
  return new URL(`${fetched.pathname}${fetched.search}`, DEFAULT_BASE_URL).toString();
}
