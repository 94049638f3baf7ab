import type { ChangeEvent } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { notify } from '@/components/notifications/notifications-store';
import { Icon } from '@/components/ui/icon';
import { useCurrentUser } from '@/lib/auth/session';
import { isLocale, saveAnonymousLocale } from '@/lib/i18n/locale-preference';

import { useUpdateMe } from '../api/update-me';
import { localeOptions } from './locale-options';
import './language-switch.css';

/**
 * Switches the UI language at once. A signed-in user's choice is saved on their account
 * (so it follows them to other devices); a visitor's is remembered in this browser.
 */
export const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  const id = useId();
  const user = useCurrentUser();
  const updateMe = useUpdateMe();

  const change = (event: ChangeEvent<HTMLSelectElement>) => {
    const locale = event.target.value;
    if (!isLocale(locale)) return;
    void i18n.changeLanguage(locale);
    if (!user) return saveAnonymousLocale(locale);
    const previous = user.locale;
    updateMe.mutate(
      { locale },
      {
        onError: () => {
          void i18n.changeLanguage(previous);
          notify('error', 'language.saveFailed');
        },
      },
    );
  };

  return (
    <div className="language-switch">
      <label className="visually-hidden" htmlFor={id}>
        {t('language.label')}
      </label>
      <Icon name="globe" className="language-switch__icon" />
      <select
        id={id}
        className="language-switch__select"
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={change}
        data-testid="language-switch"
      >
        {localeOptions(t).map(({ value, label }) => (
          <option key={value} value={value} lang={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
};
