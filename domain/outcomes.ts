// What a body's own status word means for the counts. The word is stored as published; the outcome
// class is derived from it (and recomputed if this table changes).

export const OUTCOMES = ['accepted', 'noted', 'withdrawn', 'superseded', 'not-handled', 'pending'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const BY_STATUS: Record<string, Outcome> = {
  // adopted in some form
  approved: 'accepted',
  agreed: 'accepted',
  endorsed: 'accepted',
  'conditionally agreed': 'accepted',
  'conditionally approved': 'accepted',
  'partially approved': 'accepted',
  // treated, not adopted
  noted: 'noted',
  treated: 'noted',
  'replied to': 'noted',
  // withdrawn by the source
  withdrawn: 'withdrawn',
  // replaced by another document, which carries the outcome
  revised: 'superseded',
  merged: 'superseded',
  reissued: 'superseded',
  // not dealt with at this meeting
  'not treated': 'not-handled',
  'not handled': 'not-handled',
  postponed: 'not-handled',
  'not pursued': 'not-handled',
  'not concluded': 'not-handled',
};

/** The outcome class of a status word; anything unknown or still open (`reserved`, `OPEN`, none) is pending. */
export function outcomeOf(status: string | null): Outcome {
  return (status && BY_STATUS[status.toLowerCase()]) || 'pending';
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  accepted: 'approved / agreed / endorsed',
  noted: 'noted',
  withdrawn: 'withdrawn',
  superseded: 'revised or merged',
  'not-handled': 'not treated / postponed',
  pending: 'no outcome yet',
};
