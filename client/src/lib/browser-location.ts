/**
 * Leaving the app for another site (a payment provider's checkout). One object with a method,
 * not a bare `window.location.assign`, so tests can watch the departure instead of jsdom
 * refusing the navigation.
 */
export const browserLocation = {
  assign: (url: string): void => window.location.assign(url),
};
