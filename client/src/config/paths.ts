/**
 * Every in-app URL is built here; components never type a path inline.
 * `path` is the router pattern, `getHref` builds a link to it.
 */
const withRedirect = (path: string, redirectTo?: string | null): string =>
  redirectTo ? `${path}?redirectTo=${encodeURIComponent(redirectTo)}` : path;

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
    account: { path: '/account', getHref: () => '/account' },
    coaches: { path: '/coaches', getHref: () => '/coaches' },
    bookings: { path: '/bookings', getHref: () => '/bookings' },
    messages: { path: '/messages', getHref: () => '/messages' },
    practice: { path: '/practice', getHref: () => '/practice' },
    admin: { path: '/admin', getHref: () => '/admin' },
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
