import { Decimal128, Double, Int32, Long } from 'bson';
import { MongoError } from './errors.js';
import { bsonTypeOf } from './numbers.js';
import { type Doc, isPlainObject, valuesAtPath } from './values.js';

type Operator = '$inc' | '$mul';
const OPERATORS: Operator[] = ['$inc', '$mul'];

function isNumeric(value: unknown): boolean {
  return (
    typeof value === 'number' ||
    value instanceof Int32 ||
    value instanceof Double ||
    value instanceof Decimal128 ||
    (value instanceof Long && bsonTypeOf(value) === 'long')
  );
}

const asNumber = (value: unknown): number =>
  value instanceof Long
    ? value.toNumber()
    : Number(value instanceof Decimal128 ? value.toString() : value);

/** MongoDB's result type: decimal beats double beats long beats int. */
function combine(operator: Operator, current: unknown, amount: unknown): unknown {
  const types = [bsonTypeOf(current ?? 0), bsonTypeOf(amount)];
  const apply = (a: number, b: number): number => (operator === '$inc' ? a + b : a * b);
  const start = current ?? (operator === '$inc' ? 0 : 0);
  if (types.includes('decimal')) {
    return Decimal128.fromString(String(apply(asNumber(start), asNumber(amount))));
  }
  if (types.includes('double')) return new Double(apply(asNumber(start), asNumber(amount)));
  if (types.includes('long')) {
    const a = Long.fromValue(start instanceof Long ? start : asNumber(start));
    const b = Long.fromValue(amount instanceof Long ? amount : asNumber(amount));
    return operator === '$inc' ? a.add(b) : a.multiply(b);
  }
  return apply(asNumber(start), asNumber(amount));
}

/**
 * Checks `$inc` and `$mul` as the server does (both sides numeric, else TypeMismatch) and
 * computes the ones involving Long, Decimal128 or typed doubles here, turning them into `$set`:
 * mingo's arithmetic knows plain numbers only. Returns a modifier safe to hand to mingo.
 */
export function prepareArithmetic(before: Doc, modifier: Doc): Doc {
  const prepared: Doc = { ...modifier };
  for (const operator of OPERATORS) {
    const fields = prepared[operator];
    if (!isPlainObject(fields)) continue;
    const remaining: Doc = { ...fields };
    for (const [path, amount] of Object.entries(fields)) {
      if (!isNumeric(amount)) {
        const verb = operator === '$inc' ? 'increment' : 'multiply';
        throw new MongoError(
          'TypeMismatch',
          `Cannot ${verb} with non-numeric argument: {${path}: ${JSON.stringify(amount)}}`,
        );
      }
      if (path.includes('$')) continue; // positional paths: mingo resolves them
      const found = valuesAtPath(before, path, { keepLeafArrays: true });
      if (found.length !== 1) continue;
      const current = found[0];
      if (current !== undefined && !isNumeric(current)) {
        throw new MongoError(
          'TypeMismatch',
          `Cannot apply ${operator} to a value of non-numeric type. {_id: ${JSON.stringify(String(before._id))}} has the field '${path}' of non-numeric type ${bsonTypeOf(current)}`,
        );
      }
      if (typeof amount === 'number' && (current === undefined || typeof current === 'number'))
        continue;
      delete remaining[path];
      prepared.$set = {
        ...(isPlainObject(prepared.$set) ? prepared.$set : {}),
        [path]: combine(operator, current, amount),
      };
    }
    if (Object.keys(remaining).length > 0) prepared[operator] = remaining;
    else delete prepared[operator];
  }
  return prepared;
}
