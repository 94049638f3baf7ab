import { describe, expect, it } from 'vitest';

import { paths, safeRedirectTarget } from './paths';

describe('paths', () => {
  it('carries the page to return to after login', () => {
    expect(paths.auth.login.getHref('/account?tab=1')).toBe(
      '/login?redirectTo=%2Faccount%3Ftab%3D1',
    );
    expect(paths.auth.login.getHref()).toBe('/login');
  });

  it('accepts only in-app paths as a post-login destination', () => {
    expect(safeRedirectTarget('/dashboard')).toBe('/dashboard');
    expect(safeRedirectTarget('//evil.example')).toBeNull();
    expect(safeRedirectTarget('/\\evil.example')).toBeNull();
    expect(safeRedirectTarget('https://evil.example')).toBeNull();
    expect(safeRedirectTarget(null)).toBeNull();
  });
});
