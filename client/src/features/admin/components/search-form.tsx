import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

interface SearchFormProps {
  label: string;
  value: string;
  onSearch: (value: string) => void;
}

/** A search box that asks the server when submitted (Enter or the button), not on every key. */
export const SearchForm = ({ label, value, onSearch }: SearchFormProps) => {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  // The URL may change under the field (back button, a link): follow it, while rendering.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };

  return (
    <form className="field admin-search" onSubmit={submit}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="admin-search__row">
        <input
          id={id}
          type="search"
          className="field__control"
          value={text}
          maxLength={200}
          onChange={(event) => setText(event.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('admin.area.search')}
        </Button>
      </div>
    </form>
  );
};
