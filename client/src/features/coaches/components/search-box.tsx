import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { Icon } from '@/components/ui/icon';

import { useUrlDraft } from './use-url-draft';

interface SearchBoxProps {
  value: string;
  onCommit: (q: string) => void;
}

const identity = (text: string) => text;
// Only blanks is no search at all: no request, no history entry.
const meaningOf = (text: string) => (text.trim() === '' ? '' : text);

/** Full-text search, sent once the user pauses typing (or presses Enter). */
export const SearchBox = ({ value, onCommit }: SearchBoxProps) => {
  const { t } = useTranslation();
  const id = useId();
  const { draft, setDraft, flush } = useUrlDraft({
    committed: value,
    toDraft: identity,
    fromDraft: meaningOf,
    commit: onCommit,
  });

  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        flush();
      }}
    >
      <label className="field__label" htmlFor={id}>
        {t('coaches.directory.search')}
      </label>
      <div className="search-box__control">
        <Icon name="search" className="search-box__icon" />
        <input
          id={id}
          type="search"
          className="field__control search-box__input"
          placeholder={t('coaches.directory.searchPlaceholder')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          enterKeyHint="search"
          data-testid={id}
        />
      </div>
    </form>
  );
};
