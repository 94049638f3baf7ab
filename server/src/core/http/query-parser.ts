import { parse, type ParsedUrlQuery } from 'node:querystring';

/**
 * Express 5's own query parser (its "simple" setting: node's querystring), read once per query
 * string. Express's `req.query` is a getter that parses the URL's query again on every read, and
 * validation reads it a few dozen times per request (each chain, each check on it): about 7 % of
 * a slots request went to parsing the same string again. Every call still answers a fresh copy,
 * so a write into one `req.query` reaches no later read, as with Express's parser.
 */
export function createQueryParser(): (query: string | null | undefined) => ParsedUrlQuery {
  let lastQuery: string | null | undefined;
  let lastParsed: ParsedUrlQuery | undefined;
  return (query) => {
    if (lastParsed === undefined || query !== lastQuery) {
      lastParsed = parse(query ?? '');
      lastQuery = query;
    }
    return copyOf(lastParsed);
  };
}

/** A copy as querystring makes them: no prototype, each value a string or a list of strings. */
function copyOf(parsed: ParsedUrlQuery): ParsedUrlQuery {
  const copy = Object.create(null) as ParsedUrlQuery;
  for (const key in parsed) {
    const value = parsed[key];
    copy[key] = Array.isArray(value) ? [...value] : value;
  }
  return copy;
}
