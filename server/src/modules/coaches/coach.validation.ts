import { COACH_PROFILE_LIMITS, COACH_SPECIALTIES } from '@coachhub/shared/coach';
import { body, param, type ValidationChain } from 'express-validator';
import { isLanguageCode } from '../../domain/language-code.js';

const L = COACH_PROFILE_LIMITS;

const dedupe = (value: unknown) => (Array.isArray(value) ? [...new Set(value)] : value);
export const isWholeNumber = (min: number, max: number) => (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

export const userIdParam = () => param('userId').isMongoId().withMessage('Must be a user id');

const text = (field: string, max: number) =>
  body(field)
    .isString()
    .withMessage('Must be a string')
    .bail()
    .trim()
    .isLength({ max })
    .withMessage(`At most ${max} characters`);

/**
 * A list field: items are checked (and normalised) first, then the list itself, which is
 * deduplicated. express-validator would otherwise apply item rules to a scalar as well.
 */
function list(field: string, max: number, item: (chain: ValidationChain) => ValidationChain) {
  return [
    item(body(`${field}.*`)),
    body(field)
      .isArray({ max })
      .withMessage(`Must be a list of at most ${max}`)
      .bail()
      .customSanitizer(dedupe),
  ];
}

export const specialtiesField = (field = 'specialties') =>
  list(field, L.specialties, (chain) =>
    chain.isIn(COACH_SPECIALTIES).withMessage('Unknown specialty'),
  );

export const languagesField = (field = 'languages') =>
  list(field, L.languages, (chain) =>
    chain
      .isString()
      .withMessage('Must be a string')
      .bail()
      .trim()
      .toLowerCase()
      .custom(isLanguageCode)
      .withMessage('Must be an ISO 639-1 language code such as "en"'),
  );

export const profileFields = {
  headline: () => text('headline', L.headlineLength),
  bio: () => text('bio', L.bioLength),
  certifications: () =>
    list('certifications', L.certifications, (chain) =>
      chain
        .isString()
        .withMessage('Must be a string')
        .bail()
        .trim()
        .isLength({ min: 1, max: L.certificationLength })
        .withMessage(`Must be 1 to ${L.certificationLength} characters`),
    ),
  yearsOfExperience: () =>
    body('yearsOfExperience')
      .custom(isWholeNumber(0, L.maxYearsOfExperience))
      .withMessage(`Must be a whole number from 0 to ${L.maxYearsOfExperience}`),
  listed: () =>
    body('listed')
      .custom((value) => typeof value === 'boolean')
      .withMessage('Must be true or false'),
};

/** The same chains, each allowed to be absent. */
export const optional = (chains: ValidationChain[]) => chains.map((chain) => chain.optional());
