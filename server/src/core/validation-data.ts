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
