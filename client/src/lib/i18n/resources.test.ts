import { ERROR_CODES } from '@coachhub/shared/errors';
import { describe, expect, it } from 'vitest';

import { CLIENT_ERROR_CODES } from '@/lib/api-error';

import { de } from './locales/de';
import { en } from './locales/en';

/** Every leaf as `path -> text`, e.g. `auth.login.title -> "Log in"`. */
const flatten = (tree: object, prefix = ''): Map<string, unknown> => {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'object' && value !== null) {
      flatten(value, `${path}.`).forEach((leaf, leafPath) => leaves.set(leafPath, leaf));
    } else {
      leaves.set(path, value);
    }
  }
  return leaves;
};

const placeholders = (text: unknown) =>
  [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

const english = flatten(en);
const german = flatten(de);

describe('translations', () => {
  it('German has exactly the keys English has', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('every text is a non-empty string in both languages', () => {
    for (const [path, text] of [...english, ...german]) {
      expect(typeof text, path).toBe('string');
      expect(String(text).trim(), path).not.toBe('');
    }
  });

  it('uses the same interpolation placeholders in both languages', () => {
    for (const [path, text] of english) {
      expect(placeholders(german.get(path)), path).toEqual(placeholders(text));
    }
  });

  it('translates every error code the API and the client can produce', () => {
    for (const code of [...ERROR_CODES, ...CLIENT_ERROR_CODES]) {
      expect(english.get(`errors.${code}`), code).toEqual(expect.any(String));
      expect(german.get(`errors.${code}`), code).toEqual(expect.any(String));
    }
  });

  it('is actually translated: most German texts differ from English', () => {
    const same = [...english].filter(([path, text]) => german.get(path) === text);
    // Brand names, language names and words like "Online" legitimately stay the same.
    expect(same.length).toBeLessThan(english.size * 0.1);
  });
});
