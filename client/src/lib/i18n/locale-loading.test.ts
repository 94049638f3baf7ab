import { describe, expect, it } from 'vitest';

import { loadLocale } from './locale-loading';

describe('loadLocale', () => {
  it('downloads a language once: main.tsx and i18next share the same download', async () => {
    const early = loadLocale('de');

    expect(loadLocale('de')).toBe(early);
    expect((await early).app.tagline).toBe('Coaching, das zu deinem Leben passt');
  });
});
