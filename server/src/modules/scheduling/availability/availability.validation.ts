import type { AvailabilityDTO } from '@coachhub/shared/scheduling';
import { body, validationResult, type Meta } from 'express-validator';
import { nestedBody } from '../../../core/validation.js';
import { isPlainObject } from '../../../core/validation-fields.js';
import { availabilityIssues } from '../../../domain/availability-rules.js';

// The rules live in domain/availability-rules.ts (pure and unit-tested) because several of them
// see the whole body at once: overlapping intervals, a date given twice, a notice beyond the
// horizon. Their verdict is computed once per request and read here path by path, so each
// express-validator chain reports the issue the domain names at its own path.
const verdicts = new WeakMap<Meta['req'], Map<string, string>>();

function verdictOn(req: Meta['req']): Map<string, string> {
  let verdict = verdicts.get(req);
  if (verdict === undefined) {
    const candidate: unknown = req.body;
    // Anything but an object is refused as a whole below; the rules expect the four parts.
    const issues = isPlainObject(candidate)
      ? availabilityIssues(candidate as unknown as AvailabilityDTO)
      : [];
    // The first issue of a path is the useful one.
    verdict = new Map(issues.reverse().map(({ field, message }) => [field, message]));
    verdicts.set(req, verdict);
  }
  return verdict;
}

function meetsDomainRules(_value: unknown, { req, path }: Meta): true {
  const message = verdictOn(req).get(path);
  if (message !== undefined) throw new Error(message);
  return true;
}

const rule = (field: string) => body(field).custom(meetsDomainRules);
const requiredRule = (field: string) =>
  body(field).exists().withMessage('Required').bail().custom(meetsDomainRules);

const SETTINGS_FIELDS = [
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'minNoticeHours',
  'maxDaysAhead',
  'dailyLimit',
  'requiresApproval',
  'cancellationPolicy.freeUntilHours',
  'cancellationPolicy.feePercent',
];

/**
 * `PUT /api/availability/:userId`: every part present, no unknown key at any depth, every rule
 * of domain/availability-rules.ts. Issues name their path, e.g. `weekly[2].end`.
 */
export const availabilityBody = () =>
  nestedBody(
    [
      requiredRule('timeZone'),
      rule('weekly.*.weekday'),
      rule('weekly.*.start'),
      rule('weekly.*.end'),
      rule('overrides.*.date'),
      rule('overrides.*.intervals.*.start'),
      rule('overrides.*.intervals.*.end'),
      ...SETTINGS_FIELDS.map((field) => rule(`settings.${field}`)),
    ],
    [
      // Lists and objects as a whole: not a list, too many intervals on a day, overlaps.
      requiredRule('weekly'),
      rule('weekly.*'),
      requiredRule('overrides'),
      rule('overrides.*.intervals'),
      rule('overrides.*.intervals.*'),
      requiredRule('settings'),
      rule('settings.cancellationPolicy'),
      body()
        .custom(isPlainObject)
        .withMessage('Must be an object')
        .bail()
        // A domain rule at a path no chain above names must still refuse the body.
        .custom((_value, { req }) => verdictOn(req).size === 0 || !validationResult(req).isEmpty())
        .withMessage('Not a valid availability'),
    ],
  );
