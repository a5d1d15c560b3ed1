// Datatracker API answers name people's e-mail addresses (`"email": "/api/v1/person/email/x@example.org/"`
// in documentauthor and role objects). stdwatch keeps no e-mail: addresses are replaced before an answer
// is archived or parsed, so the raw archive holds the answer minus them.
const ADDRESS = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export const REDACTED_EMAIL = 'e-mail-removed';

export function redactEmails(body: Buffer): Buffer {
  const text = body.toString('utf-8');
  const redacted = text.replace(ADDRESS, REDACTED_EMAIL);
  return redacted === text ? body : Buffer.from(redacted, 'utf-8');
}
