import { describe, expect, it } from 'vitest';
import {
  isOpenBeforeTwoFactorSetup,
  mustSetUpTwoFactor,
  ROUTES_BEFORE_TWO_FACTOR_SETUP,
} from './admin-two-factor.js';

describe('mustSetUpTwoFactor', () => {
  const required = { requiredForAdmins: true };
  const optional = { requiredForAdmins: false };

  it('holds an admin without two-factor sign-in while the rule is on', () => {
    expect(mustSetUpTwoFactor({ role: 'admin', twoFactorEnabled: false }, required)).toBe(true);
  });

  it('frees an admin who has it, and every admin while the rule is off', () => {
    expect(mustSetUpTwoFactor({ role: 'admin', twoFactorEnabled: true }, required)).toBe(false);
    expect(mustSetUpTwoFactor({ role: 'admin', twoFactorEnabled: false }, optional)).toBe(false);
  });

  it.each(['client', 'coach'] as const)('never holds a %s', (role) => {
    expect(mustSetUpTwoFactor({ role, twoFactorEnabled: false }, required)).toBe(false);
  });
});

describe('isOpenBeforeTwoFactorSetup', () => {
  it.each(ROUTES_BEFORE_TWO_FACTOR_SETUP.map((route) => route.split(' ')))(
    'lets %s %s through',
    (method = '', path = '') => {
      expect(isOpenBeforeTwoFactorSetup(method, path)).toBe(true);
    },
  );

  it('reads the path as the router matches it: letter case, a trailing slash, HEAD for GET', () => {
    expect(isOpenBeforeTwoFactorSetup('get', '/api/users/me/')).toBe(true);
    expect(isOpenBeforeTwoFactorSetup('GET', '/API/Users/Me')).toBe(true);
    expect(isOpenBeforeTwoFactorSetup('HEAD', '/api/users/me')).toBe(true);
  });

  it.each([
    ['PATCH', '/api/users/me'],
    ['GET', '/api/users/me/notification-preferences'],
    ['POST', '/api/users/me/password'],
    ['POST', '/api/auth/two-factor/disable'],
    ['GET', '/api/auth/two-factor'],
    ['GET', '/api/auth/sessions'],
    ['GET', '/api/admin/audit-log'],
    ['GET', '/api/bookings'],
    ['GET', '/api/users/me//'],
    ['GET', '/api/users/me/..'],
  ])('refuses %s %s', (method, path) => {
    expect(isOpenBeforeTwoFactorSetup(method, path)).toBe(false);
  });
});
