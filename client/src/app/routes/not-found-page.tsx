import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { buttonClassName } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';

export const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <div className="message-page" data-testid="not-found">
      <PageTitle title={t('notFound.title')} />
      <p className="message-page__code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link className={buttonClassName('primary')} to={paths.home.getHref()}>
        {t('notFound.home')}
      </Link>
    </div>
  );
};
