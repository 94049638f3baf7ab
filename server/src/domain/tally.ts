/**
 * Counts grouped by the database (`{ _id: key, count }`) as a record with every key of the
 * list, 0 where no group was found; groups of keys not in the list are ignored.
 */
export function tally<K extends string>(
  keys: readonly K[],
  groups: ReadonlyArray<{ _id: unknown; count: number }>,
): Record<K, number> {
  return Object.fromEntries(
    keys.map((key) => [key, groups.find((group) => group._id === key)?.count ?? 0]),
  ) as Record<K, number>;
}

export const sumOf = (counts: Record<string, number>): number =>
  Object.values(counts).reduce((sum, count) => sum + count, 0);
