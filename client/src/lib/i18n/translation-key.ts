import type { Translation } from './locales/en';

/** i18next picks `key_one` / `key_other` from `key` and a `count`; code names the base key. */
type PluralBase<Key extends string> =
  Key extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : Key;

type DotPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}` | `${Prefix}${PluralBase<K>}`
    : DotPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Any leaf key of the resources, e.g. `session.expired`: lets code store a message to translate later. */
export type TranslationKey = DotPaths<Translation>;
