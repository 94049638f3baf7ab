import { describe, expect, it } from 'vitest';

import { greetingKey } from './greeting';

const now = new Date('2026-03-10T12:00:00Z');

describe('greetingKey', () => {
  it('welcomes an account made within the last day', () => {
    expect(greetingKey('2026-03-10T11:59:00Z', now)).toBe('dashboard.greetingNew');
    expect(greetingKey('2026-03-09T12:00:01Z', now)).toBe('dashboard.greetingNew');
  });

  it('welcomes back an older account', () => {
    expect(greetingKey('2026-03-09T12:00:00Z', now)).toBe('dashboard.greeting');
    expect(greetingKey('2025-01-01T00:00:00Z', now)).toBe('dashboard.greeting');
  });

  it('falls back to "welcome back" for an unreadable date', () => {
    expect(greetingKey('not a date', now)).toBe('dashboard.greeting');
  });
});
