/**
 * Every in-app URL is built here; components never type a path inline.
 * `path` is the router pattern, `getHref` builds a link to it.
 */
const withRedirect = (path: string, redirectTo?: string | null): string =>
  redirectTo ? `${path}?redirectTo=${encodeURIComponent(redirectTo)}` : path;

/** `path?key=value&...`, leaving out empty values; keys keep the order given. */
const withQuery = (path: string, query: Record<string, string | number | undefined> = {}) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
};

const coachPath = (userId: string) => `/coaches/${encodeURIComponent(userId)}`;

export const paths = {
  home: { path: '/', getHref: () => '/' },
  auth: {
    login: {
      path: '/login',
      getHref: (redirectTo?: string | null) => withRedirect('/login', redirectTo),
    },
    register: {
      path: '/register',
      getHref: (redirectTo?: string | null) => withRedirect('/register', redirectTo),
    },
  },
  app: {
    dashboard: { path: '/dashboard', getHref: () => '/dashboard' },
    account: {
      path: '/account',
      getHref: () => '/account',
      /** Two-factor sign-in and the signed-in devices. */
      securityHref: () => '/account#security',
    },
    /** The directory; the query (filters, sort, page) lives in the URL's search params. */
    coaches: {
      path: '/coaches',
      getHref: (query?: Record<string, string | number | undefined>) =>
        withQuery('/coaches', query),
    },
    coachMatch: { path: '/coaches/match', getHref: () => '/coaches/match' },
    coach: { path: '/coaches/:userId', getHref: coachPath },
    /** Booking a session with a coach; the booking feature fills it in. */
    coachBooking: {
      path: '/coaches/:userId/book',
      getHref: (userId: string) => `${coachPath(userId)}/book`,
    },
    bookings: { path: '/bookings', getHref: () => '/bookings' },
    /** Where the payment provider sends a client back after paying (`?booking=&session_id=`). */
    checkoutReturn: {
      path: '/bookings/checkout-return',
      getHref: (bookingId: string, sessionId: string) =>
        withQuery('/bookings/checkout-return', { booking: bookingId, session_id: sessionId }),
    },
    /** A booking's receipt, for its two participants. */
    bookingReceipt: {
      path: '/bookings/:bookingId/receipt',
      getHref: (bookingId: string) => `/bookings/${encodeURIComponent(bookingId)}/receipt`,
    },
    /** A client's package credits and purchases. */
    packages: { path: '/packages', getHref: () => '/packages' },
    /** Where the payment provider sends a client back after paying for a package. */
    packageCheckoutReturn: {
      path: '/packages/checkout-return',
      getHref: (purchaseId: string, sessionId: string) =>
        withQuery('/packages/checkout-return', { purchase: purchaseId, session_id: sessionId }),
    },
    messages: {
      path: '/messages',
      /** `withUserId` opens (or starts) the conversation with that person. */
      getHref: (withUserId?: string) => withQuery('/messages', { with: withUserId }),
      /** One conversation (the link the server puts on message notifications). */
      conversationHref: (conversationId: string) =>
        withQuery('/messages', { conversation: conversationId }),
      /** The conversation of a booking, opened (or started) on the way. */
      bookingHref: (bookingId: string) => withQuery('/messages', { booking: bookingId }),
    },
    /** The coach's practice; `section` opens one of its parts (bookings when absent). */
    practice: {
      path: '/practice',
      getHref: (section?: string) => withQuery('/practice', { section }),
    },
    practiceProfile: { path: '/practice/profile', getHref: () => '/practice/profile' },
    /** The coach's figures: this week, waiting requests, the last twelve months. */
    practiceOverview: { path: '/practice/overview', getHref: () => '/practice/overview' },
    admin: { path: '/admin', getHref: () => '/admin' },
    adminCoaches: { path: '/admin/coaches', getHref: () => '/admin/coaches' },
    /** The admin lists keep their query (search, filters, sort, page) in the search params. */
    adminUsers: { path: '/admin/users', getHref: () => '/admin/users' },
    adminReports: { path: '/admin/reports', getHref: () => '/admin/reports' },
    adminReviews: { path: '/admin/reviews', getHref: () => '/admin/reviews' },
    adminBookings: { path: '/admin/bookings', getHref: () => '/admin/bookings' },
    adminAuditLog: { path: '/admin/audit-log', getHref: () => '/admin/audit-log' },
  },
  /** Development only: the server answers these only outside production (see each page). */
  dev: {
    /** The mails the server kept instead of sending them (no SMTP_URL). */
    outbox: { path: '/dev/outbox', getHref: () => '/dev/outbox' },
  },
} as const;

/**
 * Only same-app paths are accepted as a post-login destination, so a crafted link cannot send
 * a freshly logged-in user to another site (`//evil.example` or `https://...`).
 */
export const safeRedirectTarget = (candidate: string | null | undefined): string | null => {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//')) return null;
  if (candidate.startsWith('/\\')) return null;
  return candidate;
};
