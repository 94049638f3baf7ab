import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { Button, buttonClassName } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { toApiError } from '@/lib/api-error';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

interface CoachLoadErrorProps {
  /** The failed coach query: a 404 means there is no such public coach, so no retry. */
  query: { error: unknown; refetch: () => Promise<unknown> };
  /** The heading when loading failed for another reason, e.g. "This profile could not be loaded." */
  failedHeading: string;
  /** The browser tab's title; "Coach not found" unless the page has its own. */
  pageTitle?: string;
}

/** What a page about one coach shows when the coach cannot be loaded; the way out is the directory. */
export const CoachLoadError = ({ query, failedHeading, pageTitle }: CoachLoadErrorProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const notFound = toApiError(query.error).status === 404;
  return (
    <div className="message-page" data-testid={notFound ? 'coach-not-found' : 'coach-error'}>
      <PageTitle title={pageTitle ?? t('coachLoadError.notFoundTitle')} />
      <h1>{notFound ? t('coachLoadError.notFoundTitle') : failedHeading}</h1>
      <p role={notFound ? undefined : 'alert'}>
        {notFound ? t('coachLoadError.notFoundText') : errorMessage(query.error)}
      </p>
      {!notFound && (
        <Button variant="secondary" onClick={() => void query.refetch()}>
          {t('coachLoadError.retry')}
        </Button>
      )}
      <Link className={buttonClassName('primary')} to={paths.app.coaches.getHref()}>
        {t('coachLoadError.backToDirectory')}
      </Link>
    </div>
  );
};
