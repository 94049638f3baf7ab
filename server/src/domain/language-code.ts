const TWO_LETTERS = /^[a-z]{2}$/;
// fallback 'none': unknown codes give undefined instead of echoing the code back.
const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** True for an ISO 639-1 code the runtime's ICU data knows, lower case ("en", "de", "tl"). */
export function isLanguageCode(value: string): boolean {
  return TWO_LETTERS.test(value) && names.of(value) !== undefined;
}
