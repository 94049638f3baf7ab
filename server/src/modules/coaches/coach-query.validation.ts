import { COACH_SORTS, COACH_SPECIALTIES } from '@coachhub/shared/coach';
import { CURRENCIES } from '@coachhub/shared/pricing';
import { checkExact, query } from 'express-validator';
import { paginationQuery } from '../../core/pagination.js';
import { isLanguageCode } from '../../domain/language-code.js';

/** Upper bound of a price filter, minor units (100,000.00 in any currency). */
const MAX_PRICE = 10_000_000;

/**
 * One query value. A repeated parameter (`?language=en&language=de`) arrives as an array, which
 * express-validator would otherwise check item by item; it is refused here. Empty means absent.
 */
const single = (field: string) =>
  query(field)
    .optional({ values: 'falsy' })
    .custom((value) => typeof value === 'string')
    .withMessage('Must be given once, as a plain value')
    .bail();

/**
 * `GET /api/coaches` rules. Unknown parameters are refused too, which also covers operator
 * smuggling such as `?minRating[$gt]=0` (a literal key under Express 5's query parser).
 */
export const directoryQuery = () =>
  checkExact(
    [
      single('q').trim().isLength({ max: 200 }).withMessage('At most 200 characters'),
      single('specialty').isIn(COACH_SPECIALTIES).withMessage('Unknown specialty'),
      single('language')
        .toLowerCase()
        .custom(isLanguageCode)
        .withMessage('Must be an ISO 639-1 language code such as "en"'),
      single('minPrice')
        .isInt({ min: 0, max: MAX_PRICE })
        .withMessage(`Must be a whole number of minor units from 0 to ${MAX_PRICE}`)
        .toInt(),
      single('maxPrice')
        .isInt({ min: 0, max: MAX_PRICE })
        .withMessage(`Must be a whole number of minor units from 0 to ${MAX_PRICE}`)
        .bail()
        .toInt()
        .custom((max: number, { req }) => {
          const min = Number(req.query?.minPrice ?? 0);
          return Number.isNaN(min) || max >= min;
        })
        .withMessage('Must not be below minPrice'),
      single('currency')
        .isIn(CURRENCIES)
        .withMessage(`Must be one of ${CURRENCIES.join(', ')}`),
      single('minRating')
        .isFloat({ min: 0, max: 5 })
        .withMessage('Must be a number from 0 to 5')
        .toFloat(),
      single('sort')
        .isIn(COACH_SORTS)
        .withMessage(`Must be one of ${COACH_SORTS.join(', ')}`),
      ...paginationQuery().map((chain) =>
        chain.custom((value) => typeof value === 'number').withMessage('Must be given once'),
      ),
    ],
    { locations: ['query'], message: 'Unknown query parameter' },
  );
