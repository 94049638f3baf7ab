import { useTranslation } from 'react-i18next';

import './loading-screen.css';

/** Shown while a page's code or the session loads; announced once, politely. */
export const LoadingScreen = () => {
  const { t } = useTranslation();
  return (
    <div className="loading-screen" role="status" data-testid="loading">
      <span className="loading-screen__spinner" aria-hidden="true" />
      <span className="visually-hidden">{t('app.loading')}</span>
    </div>
  );
};
