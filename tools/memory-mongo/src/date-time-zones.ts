import { evalExpr } from 'mingo/core';
import * as dateOperators from 'mingo/operators/expression/date';
import type { Options } from 'mingo/types';
import { MongoError } from './errors.js';
import { isPlainObject } from './values.js';

/**
 * Time zones in date expressions as MongoDB reads them. mingo understands UTC offsets and
 * two-part Olson names only (`Europe/Berlin`), so `UTC`, `Etc/GMT+5` or
 * `America/Argentina/Buenos_Aires` fail there. Here every Olson name is turned into the UTC
 * offset it has at the date in question (so summer and winter time both come out right) before
 * mingo's own operator runs; offsets go to mingo as they are.
 */

type ExpressionOperator = (obj: unknown, expr: unknown, options: Options) => unknown;

/** `+05:30`, `-0800`, `+03`: what mingo parses itself. */
const UTC_OFFSET = /^[+-]\d{2}(?::?\d{2})?$/;

const offsetFormats = new Map<string, Intl.DateTimeFormat | null>();

function offsetFormatOf(zone: string): Intl.DateTimeFormat | null {
  let format = offsetFormats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      format = null;
    }
    offsetFormats.set(zone, format);
  }
  return format;
}

/** The zone's offset from UTC at `instant`, as mingo reads offsets (`+05:30`, `-03:00`). */
export function zoneOffsetAt(zone: string, instant: Date): string {
  const format = offsetFormatOf(zone);
  if (!format) {
    throw new MongoError('Location40485', `unrecognized time zone identifier: "${zone}"`);
  }
  // "GMT+05:30", or "GMT" for UTC itself.
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace(/^GMT/, '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

const olsonName = (zone: unknown): zone is string =>
  typeof zone === 'string' && !UTC_OFFSET.test(zone);

/**
 * For operators that read one date (`{ date, timezone }` and the like): the zone becomes its
 * offset at that date. `dateField` names the argument holding the date.
 */
function atDate(operator: ExpressionOperator, dateField: string): ExpressionOperator {
  return (obj, expr, options) => {
    if (!isPlainObject(expr) || expr.timezone === undefined) return operator(obj, expr, options);
    const zone = evalExpr(obj, expr.timezone, options);
    if (!olsonName(zone)) return operator(obj, expr, options);
    const date = evalExpr(obj, expr[dateField], options);
    // Not a date: mingo says what is wrong with it, or answers null for a missing one.
    if (!(date instanceof Date)) return operator(obj, { ...expr, timezone: '+00:00' }, options);
    return operator(obj, { ...expr, timezone: zoneOffsetAt(zone, date) }, options);
  };
}

/**
 * For operators that build a date from parts or text in a zone: the offset is the one in force
 * at the result, found by building it once with today's offset and again with the offset at
 * that first result.
 */
function atResult(operator: ExpressionOperator): ExpressionOperator {
  return (obj, expr, options) => {
    if (!isPlainObject(expr) || expr.timezone === undefined) return operator(obj, expr, options);
    const zone = evalExpr(obj, expr.timezone, options);
    if (!olsonName(zone)) return operator(obj, expr, options);
    const first = operator(obj, { ...expr, timezone: zoneOffsetAt(zone, new Date()) }, options);
    if (!(first instanceof Date)) return first;
    return operator(obj, { ...expr, timezone: zoneOffsetAt(zone, first) }, options);
  };
}

const PART_OPERATORS = [
  '$year',
  '$month',
  '$dayOfMonth',
  '$dayOfWeek',
  '$dayOfYear',
  '$hour',
  '$minute',
  '$second',
  '$millisecond',
  '$week',
  '$isoWeek',
  '$isoWeekYear',
  '$isoDayOfWeek',
  '$dateToParts',
  '$dateToString',
  '$dateTrunc',
] as const;

const operators = dateOperators as unknown as Record<string, ExpressionOperator>;

/** mingo's date operators, reading every time zone MongoDB reads. */
export const zoneAwareDateOperators: Record<string, ExpressionOperator> = {
  ...Object.fromEntries(
    PART_OPERATORS.map((name) => [name, atDate(operators[name] as ExpressionOperator, 'date')]),
  ),
  $dateFromParts: atResult(operators.$dateFromParts as ExpressionOperator),
  $dateFromString: atResult(operators.$dateFromString as ExpressionOperator),
};
