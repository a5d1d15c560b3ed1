// Country codes and names come from a maintained library (i18n-iso-countries), not a hand-made list.
import { countries } from './country-data.js';

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/**
 * The everyday English name of an ISO 3166-1 alpha-2 code (`CN` → China, `US` → United States,
 * `KR` → South Korea), or the code itself if unknown. The library's first alias is the everyday
 * form unless it is an inverted or abbreviated one ("Korea, Republic of", "UK").
 */
export function countryName(code: string): string {
  const names = countries.getNames('en', { select: 'all' })[code.toUpperCase()];
  if (!names || names.length === 0) return code;
  const alias = names[1];
  return alias && !alias.includes(',') && alias.length >= 4 ? alias : names[0]!;
}
