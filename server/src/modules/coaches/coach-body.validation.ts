import { CURRENCIES } from '@coachhub/shared/pricing';
import { WEEKDAYS } from '@coachhub/shared/scheduling';
import { body, checkExact } from 'express-validator';
import { timeZoneField } from '../auth/auth.validation.js';
import {
  isWholeNumber,
  languagesField,
  optional,
  profileFields,
  specialtiesField,
} from './coach.validation.js';

/** Largest budget, minor units (100,000.00). */
const MAX_BUDGET = 10_000_000;
const MAX_PREFERRED_TIMES = 50;
const MAX_MATCHES = 50;
const WALL_CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** `POST /api/users/me/become-coach`: a first sketch of the profile, everything optional. */
export const becomeCoachBody = () =>
  checkExact(
    [
      profileFields.headline().optional(),
      ...optional(specialtiesField()),
      ...optional(languagesField()),
      timeZoneField().optional(),
    ],
    {
      locations: ['body'],
      message: 'Only headline, specialties, languages and timeZone can be set here',
    },
  );

/** `PATCH /api/coaches/:userId`: the profile fields a coach edits; anything else is 400. */
export const updateCoachBody = () =>
  checkExact(
    [
      profileFields.headline().optional(),
      profileFields.bio().optional(),
      ...optional(specialtiesField()),
      ...optional(languagesField()),
      ...optional(profileFields.certifications()),
      profileFields.yearsOfExperience().optional(),
      timeZoneField().optional(),
      profileFields.listed().optional(),
    ],
    { locations: ['body'], message: 'Unknown profile field' },
  );

const hasBudget = body('budget').exists();

/**
 * An object with these keys only. checkExact treats every key under a field that has a chain
 * of its own (`budget`, `preferredTimes.*`) as known, so such objects check their keys here.
 */
const objectWith =
  (...keys: string[]) =>
  (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).every((key) => keys.includes(key));

/** `POST /api/coaches/match` */
export const matchBody = () =>
  checkExact(
    [
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
        .isIn(CURRENCIES)
        .withMessage(`Must be one of ${CURRENCIES.join(', ')}`),
      body('preferredTimes')
        .optional()
        .isArray({ max: MAX_PREFERRED_TIMES })
        .withMessage(`Must be a list of at most ${MAX_PREFERRED_TIMES}`),
      body('preferredTimes.*')
        .custom(objectWith('weekday', 'start', 'end'))
        .withMessage('Must be { weekday, start, end }'),
      body('preferredTimes.*.weekday')
        .custom((value) => (WEEKDAYS as readonly unknown[]).includes(value))
        .withMessage('Must be 0 (Sunday) to 6'),
      body('preferredTimes.*.start')
        .custom((value) => typeof value === 'string' && WALL_CLOCK.test(value) && value !== '24:00')
        .withMessage('Must be HH:mm'),
      body('preferredTimes.*.end')
        .custom((value) => typeof value === 'string' && WALL_CLOCK.test(value))
        .withMessage('Must be HH:mm (24:00 for midnight)')
        .bail()
        .custom((end: string, { req, path }) => {
          const index = Number(/\[(\d+)\]/.exec(path)?.[1]);
          const start: unknown = (req.body as { preferredTimes?: { start?: unknown }[] })
            .preferredTimes?.[index]?.start;
          return typeof start !== 'string' || end > start;
        })
        .withMessage('Must be after start'),
      timeZoneField().optional(),
      body('limit')
        .optional()
        .custom(isWholeNumber(1, MAX_MATCHES))
        .withMessage(`Must be a whole number from 1 to ${MAX_MATCHES}`),
    ],
    { locations: ['body'], message: 'Unknown field' },
  );
