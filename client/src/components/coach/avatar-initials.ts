/** How many background colours initials can get (see coach-avatar.css). */
export const AVATAR_TONES = 8;

const firstLetter = (name: string) => [...name.trim()][0]?.toLocaleUpperCase() ?? '';

/** "Sofía Márquez" -> "SM"; characters outside the BMP (e.g. some CJK names) stay whole. */
export const initialsOf = (firstName: string, lastName: string): string =>
  `${firstLetter(firstName)}${firstLetter(lastName)}` || '?';

/**
 * A stable colour per name, so the same person looks the same on every page and every visit
 * (FNV-1a: tiny, and spreads similar names over different tones).
 */
export const avatarTone = (name: string): number => {
  let hash = 0x811c9dc5;
  for (const character of name) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % AVATAR_TONES;
};
