// "Did you mean": the known names nearest to one that is not known, so that a misspelt filter is
// answered with the names to try instead of an empty result read as "none".

/** Edit distance (insertions, deletions, substitutions), stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * Up to `count` known names near `value`: within an edit distance of a third of its length (at least
 * 2), or sharing its first 4 characters; the closest first, then the longest shared prefix.
 */
export function nearestNames(value: string, known: Iterable<string>, count = 3): string[] {
  const typed = value.toLowerCase();
  const limit = Math.max(2, Math.floor(typed.length / 3));
  const near: { name: string; distance: number; prefix: number }[] = [];
  for (const name of known) {
    const lower = name.toLowerCase();
    const d = distance(typed, lower, limit);
    const prefix = commonPrefix(typed, lower);
    if (d <= limit || prefix >= Math.min(4, typed.length)) near.push({ name, distance: d, prefix });
  }
  near.sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.name.localeCompare(b.name));
  return near.slice(0, count).map((n) => n.name);
}

/** ` (nearest known: nokia, nokia-shanghai-bell)`, or where to look when nothing is near (`otherwise`, in the brackets). */
export function suggestion(value: string, known: Iterable<string>, listedAt: string, otherwise = `none is near; the known ones are listed at ${listedAt}`): string {
  const near = nearestNames(value, known);
  return near.length > 0 ? ` (nearest known: ${near.join(', ')})` : ` (${otherwise})`;
}
