import { CURRENCIES } from '@coachhub/shared/pricing';
import { WEEKDAYS } from '@coachhub/shared/scheduling';
import { body } from 'express-validator';
import {
  isOneOf,
  isPlainObject,
  isWholeNumber,
  timeZoneField,
} from '../../core/validation-fields.js';
import { siblingOf } from '../../core/validation.js';
import { MINUTES_PER_DAY, minutesOfDay } from '../../domain/local-time.js';
import { languagesField, optional, profileFields, specialtiesField } from './coach.validation.js';

/** Largest budget, minor units (100,000.00). */
const MAX_BUDGET = 10_000_000;
const MAX_PREFERRED_TIMES = 50;
const MAX_MATCHES = 50;

// Times of day written 'HH:mm'; only an end may be '24:00', the end of the day.
const isStartTime = (value: unknown) => (minutesOfDay(value) ?? MINUTES_PER_DAY) < MINUTES_PER_DAY;
const isEndTime = (value: unknown) => minutesOfDay(value) !== null;

/** `POST /api/users/me/become-coach`: a first sketch of the profile, everything optional. */
export const becomeCoachBody = () => [
  profileFields.headline().optional(),
  ...optional(specialtiesField()),
  ...optional(languagesField()),
  timeZoneField().optional(),
];

/** `PATCH /api/coaches/:userId`: the profile fields a coach edits; anything else is 400. */
export const updateCoachBody = () => [
  profileFields.headline().optional(),
  profileFields.bio().optional(),
  ...optional(specialtiesField()),
  ...optional(languagesField()),
  ...optional(profileFields.certifications()),
  profileFields.yearsOfExperience().optional(),
  timeZoneField().optional(),
  profileFields.listed().optional(),
];

const hasBudget = body('budget').exists();

/**
 * An object with these keys only. Every key under a field that has a chain of its own
 * (`budget`, `preferredTimes.*`) counts as known, so such objects check their keys here.
 */
const objectWith =
  (...keys: string[]) =>
  (value: unknown) =>
    isPlainObject(value) && Object.keys(value).every((key) => keys.includes(key));

/** `POST /api/coaches/match` */
export const matchBody = () => [
  body('specialties').isArray({ min: 1 }).withMessage('Name at least one specialty'),
  ...specialtiesField(),
  ...optional(languagesField()),
  body('budget')
    .optional()
    .custom(objectWith('max', 'currency'))
    .withMessage('Must be { max, currency }'),
  body('budget.max')
    .if(hasBudget)
    .custom(isWholeNumber(0, MAX_BUDGET))
    .withMessage(`Must be a whole number of minor units from 0 to ${MAX_BUDGET}`),
  body('budget.currency')
    .if(hasBudget)
    .custom(isOneOf(CURRENCIES))
    .withMessage(`Must be one of ${CURRENCIES.join(', ')}`),
  body('preferredTimes')
    .optional()
    .isArray({ max: MAX_PREFERRED_TIMES })
    .withMessage(`Must be a list of at most ${MAX_PREFERRED_TIMES}`),
  body('preferredTimes.*')
    .custom(objectWith('weekday', 'start', 'end'))
    .withMessage('Must be { weekday, start, end }'),
  body('preferredTimes.*.weekday').custom(isOneOf(WEEKDAYS)).withMessage('Must be 0 (Sunday) to 6'),
  body('preferredTimes.*.start').custom(isStartTime).withMessage('Must be HH:mm'),
  body('preferredTimes.*.end')
    .custom(isEndTime)
    .withMessage('Must be HH:mm (24:00 for midnight)')
    .bail()
    .custom((end: string, meta) => {
      const start = minutesOfDay(siblingOf(meta, 'start'));
      return start === null || (minutesOfDay(end) ?? 0) > start;
    })
    .withMessage('Must be after start'),
  timeZoneField().optional(),
  body('limit')
    .optional()
    .custom(isWholeNumber(1, MAX_MATCHES))
    .withMessage(`Must be a whole number from 1 to ${MAX_MATCHES}`),
];
