import { COACH_SORTS, COACH_SPECIALTIES } from '@coachhub/shared/coach';
import { CURRENCIES } from '@coachhub/shared/pricing';
import { paginationQuery } from '../../core/pagination.js';
import { queryValue } from '../../core/validation.js';
import { isLanguageCode } from '../../domain/language-code.js';

/** Upper bound of a price filter, minor units (100,000.00 in any currency). */
const MAX_PRICE = 10_000_000;

/**
 * `GET /api/coaches` rules. Unknown parameters are refused too (by `validate`), which also covers
 * operator smuggling such as `?minRating[$gt]=0` (a literal key under Express 5's query parser).
 */
export const directoryQuery = () => [
  queryValue('q').trim().isLength({ max: 200 }).withMessage('At most 200 characters'),
  queryValue('specialty').isIn(COACH_SPECIALTIES).withMessage('Unknown specialty'),
  queryValue('language')
    .toLowerCase()
    .custom(isLanguageCode)
    .withMessage('Must be an ISO 639-1 language code such as "en"'),
  queryValue('minPrice')
    .isInt({ min: 0, max: MAX_PRICE })
    .withMessage(`Must be a whole number of minor units from 0 to ${MAX_PRICE}`)
    .toInt(),
  queryValue('maxPrice')
    .isInt({ min: 0, max: MAX_PRICE })
    .withMessage(`Must be a whole number of minor units from 0 to ${MAX_PRICE}`)
    .bail()
    .toInt()
    .custom((max: number, { req }) => {
      const min = Number(req.query?.minPrice ?? 0);
      return Number.isNaN(min) || max >= min;
    })
    .withMessage('Must not be below minPrice'),
  queryValue('currency')
    .isIn(CURRENCIES)
    .withMessage(`Must be one of ${CURRENCIES.join(', ')}`),
  queryValue('minRating')
    .isFloat({ min: 0, max: 5 })
    .withMessage('Must be a number from 0 to 5')
    .toFloat(),
  queryValue('sort')
    .isIn(COACH_SORTS)
    .withMessage(`Must be one of ${COACH_SORTS.join(', ')}`),
  ...paginationQuery(),
];
