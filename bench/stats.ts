// The few statistics the benchmarks report.

const ascending = (v: number[]) => [...v].sort((a, b) => a - b);

/** The middle value (the upper of the two middle ones for an even count). */
export const median = (v: number[]): number => ascending(v)[Math.floor(v.length / 2)]!;

/** Nearest-rank percentile. */
export const percentile = (v: number[], p: number): number => ascending(v)[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)]!;

/** Count, median, p95 and max of request times (0 for none). */
export function spread(v: number[]): { n: number; medianMs: number; p95Ms: number; maxMs: number } {
  const all = v.length > 0 ? v : [0];
  return { n: v.length, medianMs: Math.round(median(all)), p95Ms: Math.round(percentile(all, 95)), maxMs: Math.round(Math.max(...all)) };
}
