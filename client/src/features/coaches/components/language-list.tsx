import { useTranslation } from 'react-i18next';

import { formatLanguageList } from '@/lib/languages';

/** "English, German" (or "Englisch, Deutsch"): language names and list punctuation in the reader's language. */
export const LanguageList = ({ languages }: { languages: readonly string[] }) => {
  const { i18n } = useTranslation();
  return <span className="language-list">{formatLanguageList(languages, i18n.language)}</span>;
};
