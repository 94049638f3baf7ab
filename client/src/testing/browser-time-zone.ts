import { vi } from 'vitest';

/**
 * Makes the browser report `timeZone` as its own (`Intl.DateTimeFormat().resolvedOptions()`, what
 * `deviceTimeZone` reads) for the rest of the test; vitest's `restoreMocks` undoes it.
 */
// Read once, before any test replaces it: a second call in one test must not wrap the first.
const realResolvedOptions = Intl.DateTimeFormat.prototype.resolvedOptions;

export const pretendBrowserTimeZone = (timeZone: string) =>
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
    this: Intl.DateTimeFormat,
  ) {
    return { ...realResolvedOptions.call(this), timeZone };
  });
