import { describe, expect, it } from 'vitest';
import { OrderedList } from '../../src/storage/ordered-list.js';
import { seededRandom as random } from '../seeded-random.js';

/** An item with a key (duplicates allowed) and an insertion number that breaks ties. */
interface Item {
  key: number;
  n: number;
}

const order = (a: Item, b: Item): number => a.key - b.key || a.n - b.n;

/** The reference: a plain sorted array with the same insertion rule. */
function arrayLowerBound(array: Item[], before: (item: Item) => boolean, from = 0): number {
  let at = from;
  while (at < array.length && before(array[at] as Item)) at++;
  return at;
}

function checkSame(list: OrderedList<Item>, array: Item[]): void {
  expect(list.length).toBe(array.length);
  expect(list.toArray()).toEqual(array);
  expect([...list.range(0, array.length, true)]).toEqual([...array].reverse());
}

describe('OrderedList (the indexes B+-tree)', () => {
  for (const [name, keys, operations] of [
    // 24,000 steps reach about 8,000 items: three levels, so branches split and merge too.
    ['few distinct keys (many duplicates)', 8, 24_000],
    ['many distinct keys', 1_000_000, 24_000],
  ] as const) {
    it(`matches a sorted array under random inserts and removals: ${name}`, () => {
      const next = random(keys);
      const list = new OrderedList<Item>();
      const array: Item[] = [];
      let n = 0;
      for (let step = 0; step < operations; step++) {
        // Grow for the first two thirds, then shrink mostly, down through merges to empty.
        const grow = step < (operations * 2) / 3 ? next() < 0.75 : next() < 0.15;
        if (grow || array.length === 0) {
          const item = { key: Math.floor(next() * keys), n: n++ };
          const position = list.insert(item, (existing) => order(existing, item) < 0);
          const expected = arrayLowerBound(array, (existing) => order(existing, item) < 0);
          expect(position).toBe(expected);
          array.splice(expected, 0, item);
        } else {
          const at = Math.floor(next() * array.length);
          expect(list.removeAt(at)).toBe(array[at]);
          array.splice(at, 1);
        }
        if (step % 2_000 === 0) checkSame(list, array);
      }
      checkSame(list, array);
      while (array.length > 0) {
        const at = Math.floor(next() * array.length);
        expect(list.removeAt(at)).toBe(array.splice(at, 1)[0]);
      }
      checkSame(list, array);
    });
  }

  it('finds bounds from any starting position and reads runs forward and backward', () => {
    const next = random(7);
    const list = new OrderedList<Item>();
    const array: Item[] = [];
    for (let n = 0; n < 5_000; n++) {
      const item = { key: Math.floor(next() * 300), n };
      const at = list.insert(item, (existing) => order(existing, item) < 0);
      array.splice(at, 0, item);
    }
    expect(list.toArray()).toEqual([...array].sort(order));
    for (let probe = 0; probe < 400; probe++) {
      const low = Math.floor(next() * 310) - 5;
      const high = low + Math.floor(next() * 40);
      const from = Math.floor(next() * array.length);
      const start = list.lowerBound((item) => item.key < low);
      expect(start).toBe(arrayLowerBound(array, (item) => item.key < low));
      const end = list.lowerBound((item) => item.key <= high, start);
      expect(end).toBe(arrayLowerBound(array, (item) => item.key <= high, start));
      // A bound that starts after `from` in the middle of a run of equal keys.
      expect(list.lowerBound((item) => item.key < low, from)).toBe(
        arrayLowerBound(array, (item) => item.key < low, from),
      );
      expect([...list.range(start, end)]).toEqual(array.slice(start, end));
      expect([...list.range(start, end, true)]).toEqual(array.slice(start, end).reverse());
      expect(list.at(start)).toBe(array[start]);
    }
    expect(list.lowerBound(() => true)).toBe(array.length);
    expect(list.lowerBound(() => false)).toBe(0);
    expect(list.lowerBound(() => false, array.length + 10)).toBe(array.length);
    expect([...list.range(10, 5)]).toEqual([]);
    expect([...list.range(array.length - 3, array.length + 100)]).toEqual(array.slice(-3));
    expect(list.at(array.length)).toBeUndefined();
    expect(() => list.removeAt(array.length)).toThrow(RangeError);
  });

  it('keeps equal keys in insertion order, appended at the end of their run', () => {
    const list = new OrderedList<Item>();
    for (let n = 0; n < 2_000; n++) {
      const item = { key: n % 3, n };
      // Place after every equal key: the predicate only compares keys.
      list.insert(item, (existing) => existing.key <= item.key);
    }
    const items = list.toArray();
    const run = (key: number, length: number): number[] => Array.from({ length }, () => key);
    expect(items.map((item) => item.key)).toEqual([...run(0, 667), ...run(1, 667), ...run(2, 666)]);
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1] as Item, items[i] as Item];
      if (a.key === b.key) expect(a.n).toBeLessThan(b.n);
    }
  });

  it('grows and empties in order (appends, then removals from the front and the back)', () => {
    const list = new OrderedList<number>();
    for (let i = 0; i < 20_000; i++) list.insertAt(list.length, i);
    expect(list.length).toBe(20_000);
    expect(list.at(12_345)).toBe(12_345);
    for (let i = 0; i < 10_000; i++) expect(list.removeAt(0)).toBe(i);
    for (let i = 19_999; i >= 15_000; i--) expect(list.removeAt(list.length - 1)).toBe(i);
    expect(list.toArray()).toEqual(Array.from({ length: 5_000 }, (_, i) => 10_000 + i));
    list.clear();
    expect(list.length).toBe(0);
    expect(list.toArray()).toEqual([]);
  });
});
