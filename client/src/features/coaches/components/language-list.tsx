import { useTranslation } from 'react-i18next';

import { languageName } from '@/lib/languages';

/** "English, German" (or "Englisch, Deutsch"): language names and list punctuation in the reader's language. */
export const LanguageList = ({ languages }: { languages: readonly string[] }) => {
  const { i18n } = useTranslation();
  const names = languages.map((code) => languageName(code, i18n.language));
  const formatter = new Intl.ListFormat(i18n.language, { style: 'narrow', type: 'conjunction' });
  return <span className="language-list">{formatter.format(names)}</span>;
};
