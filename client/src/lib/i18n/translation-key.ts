import type { Translation } from './locales/en';

type DotPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : DotPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Any leaf key of the resources, e.g. `session.expired`: lets code store a message to translate later. */
export type TranslationKey = DotPaths<Translation>;
