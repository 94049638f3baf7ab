import { describe, expect, it } from 'vitest';
import { findOperatorKeys } from './validation.js';

describe('findOperatorKeys', () => {
  it('finds $ keys at any depth, in objects and arrays', () => {
    expect(
      findOperatorKeys({
        email: { $ne: null },
        $where: 'x',
        nested: { list: [{ ok: 1 }, { $gt: 2 }] },
        fine: 'a $ inside a value is fine',
      }),
    ).toEqual(['email.$ne', '$where', 'nested.list[1].$gt']);
  });

  it('finds nothing in plain data', () => {
    expect(findOperatorKeys({ a: [1, 'b', { c: null }] })).toEqual([]);
    expect(findOperatorKeys(undefined)).toEqual([]);
    expect(findOperatorKeys('$ne')).toEqual([]);
  });
});
