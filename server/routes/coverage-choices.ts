// The links a page with a series over time offers to count it under the other coverage rules
// (server/reports/coverage.ts).
import type { AppliedRule, CoverageRule } from '../reports/coverage.js';
import { COVERAGE_RULES } from '../reports/filters.js';

const COVERAGE_LABELS: Record<CoverageRule, string> = {
  comparable: 'the groups stored in every period',
  all: 'every group as stored (coverage differs between periods)',
  'per-group': 'each group apart',
};

/** Links to the same series under the other coverage rules (none when the filters name one group). */
export function coverageChoices(rule: AppliedRule, at: (rule: CoverageRule) => string) {
  if (rule === 'group') return [];
  return COVERAGE_RULES.filter((r) => r !== rule).map((r) => ({ label: COVERAGE_LABELS[r], url: at(r) }));
}

