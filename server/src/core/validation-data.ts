import { createRequire } from 'node:module';
import { Context } from 'express-validator/lib/context.js';

/** What express-validator 7 keeps per field instance (`FieldInstance` plus its value). */
interface Instance {
  location: string;
  path: string;
  originalPath: string;
  value: unknown;
}

type Optional = false | 'undefined' | 'null' | 'falsy';

/**
 * express-validator's `Context.getData`, without lodash. The library calls it before every
 * validator and sanitizer of every chain, and its lodash chain (groupBy, flatMap, uniqBy, filter
 * through lazy wrappers) allocated about 85 of the 155 KiB that validating one chat message
 * took, a fifth of everything the server allocated per message. This answers the same instances
 * in the same order: grouped by the path the chain named (a plain object, so the groups come in
 * the order lodash's `groupBy` gives them), one instance per group when several locations hold
 * it (those with a value, else the first), wildcard groups kept whole, and with `requiredOnly`
 * only the values the chain's `optional()` does not skip. `validation-data.test.ts` holds it to
 * the library's own implementation.
 */
export function getDataWithoutLodash(
  this: { dataMap: Map<string, Instance>; optional: Optional },
  options: { requiredOnly?: boolean } = { requiredOnly: false },
): Instance[] {
  const optional = options.requiredOnly ? this.optional : false;
  const groups: Record<string, Instance[]> = Object.create(null) as Record<string, Instance[]>;
  for (const instance of this.dataMap.values()) {
    const group = groups[instance.originalPath];
    if (group) group.push(instance);
    else groups[instance.originalPath] = [instance];
  }
  const data: Instance[] = [];
  for (const path of Object.keys(groups)) {
    let instances = groups[path] as Instance[];
    if (instances.length > 1 && !path.includes('*') && severalLocations(instances)) {
      const withValue = instances.filter((instance) => instance.value !== undefined);
      instances = withValue.length > 0 ? withValue : [instances[0] as Instance];
    }
    for (const instance of instances) {
      if (optional && skipped(instance.value, optional)) continue;
      data.push(instance);
    }
  }
  return data;
}

function severalLocations(instances: Instance[]): boolean {
  const first = (instances[0] as Instance).location;
  return instances.some((instance) => instance.location !== first);
}

/** Whether `optional()` leaves this value out of a chain's checks. */
function skipped(value: unknown, optional: Exclude<Optional, false>): boolean {
  if (value === undefined) return true;
  if (optional === 'null') return value === null;
  if (optional === 'falsy') return !value;
  return false;
}

/** The library's own, for the test that compares the two. */
export const libraryGetData = Context.prototype.getData;

Context.prototype.getData = getDataWithoutLodash as unknown as typeof Context.prototype.getData;

/** What express-validator 7 selects for one field of a chain (`FieldInstance`). */
interface SelectedField {
  location: string;
  path: string;
  originalPath: string;
  pathValues: readonly unknown[];
  value: unknown;
}

type SelectFields = (
  req: unknown,
  fields: readonly string[],
  locations: readonly string[],
) => SelectedField[];

// One key: no path into an object or list, no wildcard, nothing lodash's toPath would split.
const PLAIN_FIELD = /^[^.[\]*'"\\]+$/;
// A key of digits only is written `[0]` in the path the library reconstructs.
const DIGITS = /^\d+$/;

const fieldSelection = createRequire(import.meta.url)(
  'express-validator/lib/field-selection.js',
) as { selectFields: SelectFields };

/** The library's own, for the test that compares the two. */
export const librarySelectFields: SelectFields = fieldSelection.selectFields;

/**
 * express-validator's `selectFields` (which field instances a chain checks), without lodash when
 * every field the chain names is one plain key, as every query and most body rules are: one
 * instance per field and location, its value read straight off the location, in the library's
 * order. Anything else (nested paths, wildcards, the whole location) goes to the library.
 * `validation-data.test.ts` holds the two equal.
 */
export const selectPlainFields: SelectFields = (req, fields, locations) => {
  if (!fields.every((field) => PLAIN_FIELD.test(field) && !DIGITS.test(field))) {
    return librarySelectFields(req, fields, locations);
  }
  const request = req as Record<string, unknown>;
  const selected: SelectedField[] = [];
  for (const field of fields) {
    for (const location of locations) {
      const path = location === 'headers' ? field.toLowerCase() : field;
      if (selected.some((known) => known.path === path && known.location === location)) continue;
      const holder = request[location] as Record<string, unknown> | null | undefined;
      selected.push({
        location,
        path,
        originalPath: field,
        pathValues: [],
        value: holder === null || holder === undefined ? undefined : holder[path],
      });
    }
  }
  return selected;
};

// Chains made after this module loads select their fields with it (validation.ts imports it first).
fieldSelection.selectFields = selectPlainFields;
