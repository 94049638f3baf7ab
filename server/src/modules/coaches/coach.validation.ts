import { COACH_PROFILE_LIMITS, COACH_SPECIALTIES } from '@coachhub/shared/coach';
import { body, type ValidationChain } from 'express-validator';
import { isBoolean, isOneOf, isWholeNumber, trimmedText } from '../../core/validation-fields.js';
import { isLanguageCode } from '../../domain/language-code.js';

const L = COACH_PROFILE_LIMITS;

const withoutRepeats = (value: unknown) => (Array.isArray(value) ? [...new Set(value)] : value);

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
      .customSanitizer(withoutRepeats),
  ];
}

export const specialtiesField = () =>
  list('specialties', L.specialties, (chain) =>
    chain.custom(isOneOf(COACH_SPECIALTIES)).withMessage('Unknown specialty'),
  );

export const languagesField = () =>
  list('languages', L.languages, (chain) =>
    chain
      .isString()
      .withMessage('Must be a string')
      .bail()
      .trim()
      .toLowerCase()
      .custom(isLanguageCode)
      .withMessage('Must be an ISO 639-1 language code such as "en"'),
  );

/** The profile fields a coach edits (specialties and languages above). */
export const profileFields = {
  headline: () => trimmedText(body('headline'), 0, L.headlineLength),
  bio: () => trimmedText(body('bio'), 0, L.bioLength),
  certifications: () =>
    list('certifications', L.certifications, (chain) =>
      trimmedText(chain, 1, L.certificationLength),
    ),
  yearsOfExperience: () =>
    body('yearsOfExperience')
      .custom(isWholeNumber(0, L.maxYearsOfExperience))
      .withMessage(`Must be a whole number from 0 to ${L.maxYearsOfExperience}`),
  listed: () => body('listed').custom(isBoolean).withMessage('Must be true or false'),
};

/** The same chains, each allowed to be absent. */
export const optional = (chains: ValidationChain[]) => chains.map((chain) => chain.optional());
