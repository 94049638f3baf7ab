/**
 * A list kept in order, with positions: a B+-tree whose branches count the items under each
 * child. Inserting or removing at a position, finding the first position a predicate does not
 * place before the wanted range, and reading the item at a position all cost O(log n); reading a
 * run of positions forward or backward walks the leaves, which are linked both ways.
 *
 * Indexes use it instead of one sorted array: inserting into the middle of an array of more than
 * some 16,000 items makes V8 move the whole tail (30-80 µs per insert instead of 1-3 µs).
 * Positions (ranks) are what the planner compares plans with (how many keys a range holds) and
 * what `explain` counts, so the tree keeps counts rather than separator keys alone.
 *
 * The list does not compare items itself: callers pass the predicate `before(item)`, true for
 * every item before the wanted position and false from there on (the items' order must make it
 * monotone). Each leaf holds LEAF_MAX items at most; every node but the root holds at least a
 * quarter of its maximum, so no leaf but the root is ever empty.
 */

const LEAF_MAX = 64;
const BRANCH_MAX = 64;
const LEAF_MIN = LEAF_MAX / 4;
const BRANCH_MIN = BRANCH_MAX / 4;

class Leaf<T> {
  prev: Leaf<T> | undefined = undefined;
  next: Leaf<T> | undefined = undefined;
  constructor(public items: T[]) {}
  get size(): number {
    return this.items.length;
  }
  get last(): T {
    return this.items[this.items.length - 1] as T;
  }
  get count(): number {
    return this.items.length;
  }
}

class Branch<T> {
  /** Items under each child. */
  sizes: number[];
  /** Each child's last item: where a search descends. */
  lasts: T[];
  size: number;
  constructor(public children: Array<Node<T>>) {
    this.sizes = children.map((child) => child.size);
    this.lasts = children.map((child) => child.last);
    this.size = this.sizes.reduce((sum, size) => sum + size, 0);
  }
  get last(): T {
    return this.lasts[this.lasts.length - 1] as T;
  }
  get count(): number {
    return this.children.length;
  }
  /** The child holding `position` (relative to this node), and the position of its first item. */
  childAt(position: number, forInsert: boolean): { index: number; base: number } {
    let base = 0;
    const last = this.children.length - 1;
    for (let index = 0; index < last; index++) {
      const size = this.sizes[index] as number;
      if (position < base + size || (forInsert && position === base + size)) return { index, base };
      base += size;
    }
    return { index: last, base };
  }
  /** After a child changed: its size and last item again. */
  refresh(index: number): void {
    const child = this.children[index] as Node<T>;
    this.sizes[index] = child.size;
    this.lasts[index] = child.last;
  }
}

type Node<T> = Leaf<T> | Branch<T>;

/** A run of a list's items read forward or backward along the leaves; see `OrderedList.cursor`. */
export class ListCursor<T> {
  constructor(
    private leaf: Leaf<T> | undefined,
    private offset: number,
    private left: number,
    private readonly backward: boolean,
  ) {}

  next(): T | undefined {
    if (this.left <= 0) return undefined;
    let leaf = this.leaf;
    while (leaf) {
      const { items } = leaf;
      if (!this.backward && this.offset < items.length) {
        this.left--;
        return items[this.offset++];
      }
      if (this.backward && this.offset >= 0) {
        this.left--;
        return items[this.offset--];
      }
      leaf = this.leaf = this.backward ? leaf.prev : leaf.next;
      this.offset = this.backward && leaf ? leaf.items.length - 1 : 0;
    }
    this.left = 0;
    return undefined;
  }
}

export class OrderedList<T> {
  private root: Node<T> = new Leaf<T>([]);

  get length(): number {
    return this.root.size;
  }

  /**
   * The first position at or after `from` whose item `before` does not place before the wanted
   * range (the length when every item is before it).
   */
  lowerBound(before: (item: T) => boolean, from = 0): number {
    let node = this.root;
    let base = 0;
    while (node instanceof Branch) {
      const { sizes, lasts, children } = node;
      const last = children.length - 1;
      // Children wholly before `from` are skipped by their counts alone.
      let low = 0;
      let skipped = base;
      while (low < last && skipped + (sizes[low] as number) <= from) {
        skipped += sizes[low] as number;
        low++;
      }
      // Then the first child whose last item is not before the range holds the answer.
      let high = last;
      const first = low;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (before(lasts[middle] as T)) low = middle + 1;
        else high = middle;
      }
      for (let i = first; i < low; i++) skipped += sizes[i] as number;
      base = skipped;
      node = children[low] as Node<T>;
    }
    const { items } = node;
    let low = Math.min(Math.max(0, from - base), items.length);
    let high = items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(items[middle] as T)) low = middle + 1;
      else high = middle;
    }
    return base + low;
  }

  /** Inserts `item` before every item `before` does not place before it; returns its position. */
  insert(item: T, before: (existing: T) => boolean): number {
    const position = this.lowerBound(before);
    this.insertAt(position, item);
    return position;
  }

  insertAt(position: number, item: T): void {
    if (position < 0 || position > this.length) throw new RangeError(`no position ${position}`);
    const split = this.insertInto(this.root, position, item);
    if (split) this.root = new Branch<T>([this.root, split]);
  }

  at(position: number): T | undefined {
    if (position < 0 || position >= this.length) return undefined;
    const { leaf, offset } = this.locate(position);
    return leaf.items[offset];
  }

  removeAt(position: number): T {
    if (position < 0 || position >= this.length) throw new RangeError(`no position ${position}`);
    const removed = this.removeFrom(this.root, position);
    while (this.root instanceof Branch && this.root.children.length === 1) {
      this.root = this.root.children[0] as Node<T>;
    }
    return removed;
  }

  /** The items at positions `start` to `end - 1`, in order, or from `end - 1` down to `start`. */
  *range(start: number, end: number, backward = false): Generator<T> {
    const cursor = this.cursor(start, end, backward);
    for (let item = cursor.next(); item !== undefined; item = cursor.next()) yield item;
  }

  /**
   * Reads the same items as `range`, one `next()` at a time (undefined after the last): index
   * scans read a few keys per query, and a generator per scan costs more than the reading.
   */
  cursor(start: number, end: number, backward = false): ListCursor<T> {
    const to = Math.min(end, this.length);
    const from = Math.max(start, 0);
    if (to <= from) return new ListCursor<T>(undefined, 0, 0, backward);
    const { leaf, offset } = this.locate(backward ? to - 1 : from);
    return new ListCursor<T>(leaf, offset, to - from, backward);
  }

  toArray(): T[] {
    return [...this.range(0, this.length)];
  }

  clear(): void {
    this.root = new Leaf<T>([]);
  }

  private locate(position: number): { leaf: Leaf<T>; offset: number } {
    let node = this.root;
    let offset = position;
    while (node instanceof Branch) {
      const { index, base } = node.childAt(offset, false);
      offset -= base;
      node = node.children[index] as Node<T>;
    }
    return { leaf: node, offset };
  }

  /** Inserts under `node`; returns the new right sibling when `node` had to split. */
  private insertInto(node: Node<T>, position: number, item: T): Node<T> | undefined {
    if (node instanceof Leaf) {
      if (position === node.items.length) node.items.push(item);
      else node.items.splice(position, 0, item);
      if (node.items.length <= LEAF_MAX) return undefined;
      const right = new Leaf<T>(node.items.splice(node.items.length >>> 1));
      right.next = node.next;
      right.prev = node;
      if (node.next) node.next.prev = right;
      node.next = right;
      return right;
    }
    const { index, base } = node.childAt(position, true);
    const split = this.insertInto(node.children[index] as Node<T>, position - base, item);
    node.size++;
    node.refresh(index);
    if (!split) return undefined;
    node.children.splice(index + 1, 0, split);
    node.sizes.splice(index + 1, 0, split.size);
    node.lasts.splice(index + 1, 0, split.last);
    if (node.children.length <= BRANCH_MAX) return undefined;
    const right = new Branch<T>(node.children.splice(node.children.length >>> 1));
    node.sizes.length = node.children.length;
    node.lasts.length = node.children.length;
    node.size -= right.size;
    return right;
  }

  private removeFrom(node: Node<T>, position: number): T {
    if (node instanceof Leaf) return node.items.splice(position, 1)[0] as T;
    const { index, base } = node.childAt(position, false);
    const child = node.children[index] as Node<T>;
    const removed = this.removeFrom(child, position - base);
    node.size--;
    if (child.count < (child instanceof Leaf ? LEAF_MIN : BRANCH_MIN)) this.rebalance(node, index);
    else node.refresh(index);
    return removed;
  }

  /** Merges the child at `index` with a neighbour, or evens them out when both are too full. */
  private rebalance(parent: Branch<T>, index: number): void {
    if (parent.children.length === 1) {
      parent.refresh(index);
      return;
    }
    const leftIndex = index > 0 ? index - 1 : index;
    const left = parent.children[leftIndex] as Node<T>;
    const right = parent.children[leftIndex + 1] as Node<T>;
    const max = left instanceof Leaf ? LEAF_MAX : BRANCH_MAX;
    if (left.count + right.count <= max) {
      if (left instanceof Leaf && right instanceof Leaf) {
        left.items.push(...right.items);
        left.next = right.next;
        if (right.next) right.next.prev = left;
        right.items = [];
      } else if (left instanceof Branch && right instanceof Branch) {
        left.children.push(...right.children);
        left.sizes.push(...right.sizes);
        left.lasts.push(...right.lasts);
        left.size += right.size;
      }
      parent.children.splice(leftIndex + 1, 1);
      parent.sizes.splice(leftIndex + 1, 1);
      parent.lasts.splice(leftIndex + 1, 1);
      parent.refresh(leftIndex);
      return;
    }
    const half = (left.count + right.count) >>> 1;
    if (left instanceof Leaf && right instanceof Leaf) {
      const all = left.items.concat(right.items);
      left.items = all.slice(0, half);
      right.items = all.slice(half);
    } else if (left instanceof Branch && right instanceof Branch) {
      const children = left.children.concat(right.children);
      const sizes = left.sizes.concat(right.sizes);
      const lasts = left.lasts.concat(right.lasts);
      left.children = children.slice(0, half);
      left.sizes = sizes.slice(0, half);
      left.lasts = lasts.slice(0, half);
      right.children = children.slice(half);
      right.sizes = sizes.slice(half);
      right.lasts = lasts.slice(half);
      const total = left.size + right.size;
      left.size = left.sizes.reduce((sum, size) => sum + size, 0);
      right.size = total - left.size;
    }
    parent.refresh(leftIndex);
    parent.refresh(leftIndex + 1);
  }
}
