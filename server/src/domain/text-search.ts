/** Characters with a meaning in a regular expression. */
const SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

/**
 * A case-insensitive pattern that matches `text` literally: what a person types into a search
 * box is never read as a regular expression (`.*` finds ".*", not everything).
 */
export function literalPattern(text: string): RegExp {
  return new RegExp(text.replace(SPECIAL, '\\$&'), 'i');
}
