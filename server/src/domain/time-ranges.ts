/**
 * Half-open spans of time [start, end) in epoch milliseconds, and the set operations slot
 * computation needs. Plain numbers rather than Dates: these run thousands of times per request.
 */
export interface TimeRange {
  start: number;
  end: number;
}

/** True when the two spans share at least one instant; spans that only touch do not overlap. */
export function rangesOverlap(a: TimeRange, b: TimeRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The span widened by `before` ms at its start and `after` ms at its end. */
export function padRange(range: TimeRange, before: number, after: number): TimeRange {
  return { start: range.start - before, end: range.end + after };
}

/** Sorted, with overlapping or touching spans joined and empty ones dropped. */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((range) => range.start < range.end).sort(byStart);
  const merged: TimeRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
    } else {
      merged.push({ start: range.start, end: range.end });
    }
  }
  return merged;
}

/** What remains of `ranges` once every instant of `removed` is taken out; sorted and merged. */
export function subtractRanges(
  ranges: readonly TimeRange[],
  removed: readonly TimeRange[],
): TimeRange[] {
  const holes = mergeRanges(removed);
  const remaining: TimeRange[] = [];
  // Both lists are sorted, so holes that end before one range can never touch a later one.
  let firstHole = 0;
  for (const range of mergeRanges(ranges)) {
    while ((holes[firstHole]?.end ?? Infinity) <= range.start) firstHole++;
    let cursor = range.start;
    for (const hole of holes.slice(firstHole)) {
      if (hole.start >= range.end) break;
      if (hole.start > cursor) remaining.push({ start: cursor, end: hole.start });
      cursor = Math.max(cursor, hole.end);
      if (cursor >= range.end) break;
    }
    if (cursor < range.end) remaining.push({ start: cursor, end: range.end });
  }
  return remaining;
}

function byStart(a: TimeRange, b: TimeRange): number {
  return a.start - b.start || a.end - b.end;
}
