import { useSearchParams } from 'react-router-dom';

type Changes<Key extends string> = Partial<Record<Key | 'page', string | number | undefined>>;

/**
 * A list's query (filters, sort, search, page) kept in the URL's search params, so a link or the
 * back button brings the same list back. Changing anything but the page goes back to page 1.
 */
export const useSearchState = <Key extends string>(keys: readonly Key[]) => {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<
    Key,
    string
  >;
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);

  const update = (changes: Changes<Key>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (!('page' in changes) || changes.page === 1) next.delete('page');
      return next;
    });

  return { values, page, update };
};

/** One of `allowed`, or undefined for anything else a hand-edited URL may hold. */
export const oneOf = <Value extends string>(
  value: string,
  allowed: readonly Value[],
): Value | undefined => allowed.find((candidate) => candidate === value);

/** The query for the API: empty values left out. */
export const withoutEmpty = <Query extends object>(query: Query): Query =>
  Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined && value !== ''),
  ) as Query;
