import { describe, expect, it } from 'vitest';
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Intro call', 'intro-call'],
    ['Erstgespräch (30 Min.)', 'erstgesprach-30-min'],
    ['  --Deep   Work--  ', 'deep-work'],
    ['日本語', 'session'],
    ['', 'session'],
  ])('%j -> %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slugify(title)).toMatch(SLUG_PATTERN);
  });

  it('stays within the length limit without a trailing dash', () => {
    const slug = slugify(`${'a'.repeat(59)} b`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});
