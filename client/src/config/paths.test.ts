import { describe, expect, it } from 'vitest';

import { paths, safeRedirectTarget } from './paths';

describe('paths', () => {
  it('carries the page to return to after login', () => {
    expect(paths.auth.login.getHref('/account?tab=1')).toBe(
      '/login?redirectTo=%2Faccount%3Ftab%3D1',
    );
    expect(paths.auth.login.getHref()).toBe('/login');
  });

  it('builds coach links from user ids and directory links from a query', () => {
    expect(paths.app.coach.getHref('abc')).toBe('/coaches/abc');
    expect(paths.app.coachBooking.getHref('abc')).toBe('/coaches/abc/book');
    expect(paths.app.messages.getHref('abc')).toBe('/messages?with=abc');
    // The same link the server puts on message.received notifications.
    expect(paths.app.messages.conversationHref('c1')).toBe('/messages?conversation=c1');
    expect(paths.app.messages.bookingHref('b1')).toBe('/messages?booking=b1');
    expect(paths.app.coaches.getHref({ specialty: 'career', q: '', page: 2 })).toBe(
      '/coaches?specialty=career&page=2',
    );
    expect(paths.app.coaches.getHref()).toBe('/coaches');
  });

  it('accepts only in-app paths as a post-login destination', () => {
    expect(safeRedirectTarget('/dashboard')).toBe('/dashboard');
    expect(safeRedirectTarget('//evil.example')).toBeNull();
    expect(safeRedirectTarget('/\\evil.example')).toBeNull();
    expect(safeRedirectTarget('https://evil.example')).toBeNull();
    expect(safeRedirectTarget(null)).toBeNull();
  });
});
