import type { CoachProfileDTO } from './booking.js';
import type { CoachDirectoryPage, CoachDirectoryQuery } from './coach.js';
import type { Locale } from './locales.js';

/**
 * The contract between the server and the client's server-render entry (client/src/entry-server):
 * the public pages (landing, directory, a coach's profile) are rendered on the server from the
 * server's own services, so they paint before the JavaScript arrives.
 */

/** What a server-rendered page may read: the same DTOs the public API answers with. */
export interface PublicPageData {
  /** `GET /api/coaches` for an anonymous caller. */
  coachDirectory(query: CoachDirectoryQuery): Promise<CoachDirectoryPage>;
  /** `GET /api/coaches/:userId` for an anonymous caller; null when no such public coach. */
  coachProfile(userId: string): Promise<CoachProfileDTO | null>;
}

export interface PageRenderRequest {
  /** The path and query, e.g. `/coaches?page=2`. */
  url: string;
  locale: Locale;
  data: PublicPageData;
}

export interface RenderedPage {
  /** 200, or 404 for a coach that does not exist. */
  status: number;
  /** The page's `<title>` text. */
  title: string;
  /** The app's markup, the content of `<div id="root">`. */
  markup: string;
  /** JSON the client hydrates from (query data, language, router state), for a data block. */
  state: string;
  /**
   * The client's source modules the page needs beyond the app's entry (its route, its language),
   * as the build's manifest names them: the server links their styles and preloads their scripts.
   */
  modules: string[];
}

/** The id of the `<script type="application/json">` block that carries `RenderedPage.state`. */
export const PAGE_STATE_ELEMENT_ID = 'coachhub-page-state';

/** The cookie the client writes with the visitor's language choice, read by the server render. */
export const LOCALE_COOKIE = 'coachhub_locale';
/** Set (to "1") while this browser holds a session: the server then sends the plain app shell. */
export const SESSION_HINT_COOKIE = 'coachhub_signed_in';

/** The server-render entry's module (built to client/dist-ssr/entry-server.js). */
export interface PageRenderEntry {
  /** The rendered page, or null when the URL is not one of the server-rendered pages. */
  renderPage(request: PageRenderRequest): Promise<RenderedPage | null>;
}
