import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { buttonClassName } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import type { TranslationKey } from '@/lib/i18n/translation-key';

/** Holds a navigation target until its feature lands, so no link in the menu is dead. */
export const ComingSoonPage = ({ titleKey }: { titleKey: TranslationKey }) => {
  const { t } = useTranslation();
  return (
    <div className="message-page" data-testid="coming-soon">
      <PageTitle title={t(titleKey)} />
      <h1>{t(titleKey)}</h1>
      <p className="message-page__badge">{t('comingSoon.title')}</p>
      <p>{t('comingSoon.text')}</p>
      <Link className={buttonClassName('secondary')} to={paths.app.dashboard.getHref()}>
        {t('comingSoon.back')}
      </Link>
    </div>
  );
};
