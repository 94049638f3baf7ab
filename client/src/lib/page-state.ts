import { PAGE_STATE_ELEMENT_ID } from '@coachhub/shared/page-render';
import type { Locale } from '@coachhub/shared/locales';
import type { DehydratedState, QueryClient } from '@tanstack/react-query';
import type { HydrationState } from 'react-router-dom';

import { ApiError } from './api-error';
import { isLocale } from './i18n/locale-preference';

/**
 * What a server-rendered page hands to the app (server: entry-server.tsx): the language it was
 * rendered in, the query data it showed and the router's state, so the app hydrates the markup as
 * it is instead of fetching and rendering it again.
 */
export interface PageState {
  locale: Locale;
  queries: DehydratedState;
  router: HydrationState;
  /** The minute the page was rendered at (ms since the epoch): its clocks hydrate as drawn. */
  renderedMinute?: number;
}

const isPageState = (value: unknown): value is PageState =>
  typeof value === 'object' &&
  value !== null &&
  'locale' in value &&
  isLocale(value.locale) &&
  'queries' in value &&
  'router' in value &&
  (!('renderedMinute' in value) || typeof value.renderedMinute === 'number');

let read: { state: PageState | null } | undefined;

/** The page's state, or null for the plain app shell (every page that is not server-rendered). */
export const readPageState = (): PageState | null => {
  if (read) return read.state;
  let state: PageState | null = null;
  const element =
    typeof document === 'undefined' ? null : document.getElementById(PAGE_STATE_ELEMENT_ID);
  if (element?.textContent) {
    try {
      const parsed: unknown = JSON.parse(element.textContent);
      state = isPageState(parsed) ? parsed : null;
    } catch {
      // A damaged block: render the app from scratch, as for the shell.
      state = null;
    }
  }
  read = { state };
  return state;
};

const isErrorParts = (
  value: unknown,
): value is { code: ApiError['code']; message: string; status: number | null } =>
  typeof value === 'object' && value !== null && 'code' in value && 'status' in value;

/**
 * The page's queries as the app keeps them: an error (a coach's 404) an ApiError again and shown
 * as the server showed it, without asking again on mount; data as fresh as the page, which the
 * server renders again after every change (its page cache is dropped with the API's).
 */
export const adoptPageQueries = (
  queryClient: QueryClient,
  queries: DehydratedState,
): DehydratedState => {
  const now = Date.now();
  return {
    ...queries,
    queries: queries.queries.map((query) => {
      const { error } = query.state;
      if (isErrorParts(error)) {
        queryClient.setQueryDefaults(query.queryKey, { retryOnMount: false });
        const revived = new ApiError(error.code, error.message, error.status);
        return { ...query, state: { ...query.state, error: revived, fetchFailureReason: revived } };
      }
      return { ...query, state: { ...query.state, dataUpdatedAt: now } };
    }),
  };
};
