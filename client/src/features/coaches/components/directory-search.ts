import { COACH_SORTS, COACH_SPECIALTIES } from '@coachhub/shared/coach';
import type { CoachDirectoryQuery, CoachSort, CoachSpecialty } from '@coachhub/shared/coach';
import { CURRENCIES } from '@coachhub/shared/pricing';
import type { Currency } from '@coachhub/shared/pricing';

/** Results per directory page: a 3-by-4 grid on wide screens. */
export const DIRECTORY_PAGE_SIZE = 12;

/**
 * The directory's query as the URL holds it: the URL is the single source of truth, so a link
 * reproduces the search and the back button restores the previous one. Names and units are the
 * API's (prices in minor units), so the URL and the request never need translating.
 */
export interface DirectorySearch {
  /** As typed: trimmed only when sent, so a pause after a space does not eat the space. */
  q: string;
  specialty?: CoachSpecialty;
  language?: string;
  minPrice?: number;
  maxPrice?: number;
  currency?: Currency;
  minRating?: number;
  sort?: CoachSort;
  page: number;
}

export type DirectoryFilterKey = Exclude<keyof DirectorySearch, 'page' | 'sort'>;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.find((candidate) => candidate === value);

const wholeNumber = (value: string | null, max: number): number | undefined => {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number <= max ? number : undefined;
};

const rating = (value: string | null): number | undefined => {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 && number <= 5 ? number : undefined;
};

/** Same bound as the API's price filter (100,000.00 in any currency). */
const MAX_PRICE = 10_000_000;

/**
 * Reads the URL. A hand-edited or outdated link never breaks the page: values the API would
 * refuse are dropped instead of being sent.
 */
export const readDirectorySearch = (params: URLSearchParams): DirectorySearch => {
  const language = params.get('language')?.toLowerCase();
  return {
    q: params.get('q') ?? '',
    specialty: oneOf(COACH_SPECIALTIES, params.get('specialty')),
    language: language && /^[a-z]{2}$/.test(language) ? language : undefined,
    minPrice: wholeNumber(params.get('minPrice'), MAX_PRICE),
    maxPrice: wholeNumber(params.get('maxPrice'), MAX_PRICE),
    currency: oneOf(CURRENCIES, params.get('currency')),
    minRating: rating(params.get('minRating')),
    sort: oneOf(COACH_SORTS, params.get('sort')),
    page: Math.max(1, wholeNumber(params.get('page'), Number.MAX_SAFE_INTEGER) ?? 1),
  };
};

/** The URL for a search, in a stable order and without defaults (page 1, no search text). */
export const writeDirectorySearch = (search: DirectorySearch): URLSearchParams => {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  set('q', search.q.trim() === '' ? undefined : search.q);
  set('specialty', search.specialty);
  set('language', search.language);
  set('minPrice', search.minPrice);
  set('maxPrice', search.maxPrice);
  set('currency', search.currency);
  set('minRating', search.minRating);
  set('sort', search.sort);
  set('page', search.page > 1 ? search.page : undefined);
  return params;
};

/** A maximum below the minimum is the user mid-edit, not a request: the API would refuse it. */
export const isPriceRangeInverted = ({ minPrice, maxPrice }: DirectorySearch): boolean =>
  minPrice !== undefined && maxPrice !== undefined && maxPrice < minPrice;

export const toDirectoryQuery = (search: DirectorySearch): CoachDirectoryQuery => {
  const q = search.q.trim();
  const query: CoachDirectoryQuery = {
    ...(q ? { q } : {}),
    specialty: search.specialty,
    language: search.language,
    minPrice: search.minPrice,
    maxPrice: isPriceRangeInverted(search) ? undefined : search.maxPrice,
    currency: search.currency,
    minRating: search.minRating,
    sort: search.sort,
    page: search.page,
    limit: DIRECTORY_PAGE_SIZE,
  };
  // Absent keys rather than `undefined` ones: the query is also the cache key.
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as CoachDirectoryQuery;
};

export const hasActiveFilters = (search: DirectorySearch): boolean =>
  search.q.trim() !== '' ||
  [
    search.specialty,
    search.language,
    search.minPrice,
    search.maxPrice,
    search.currency,
    search.minRating,
  ].some((value) => value !== undefined);
