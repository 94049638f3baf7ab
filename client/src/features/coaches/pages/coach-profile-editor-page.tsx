import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { Button } from '@/components/ui/button';
import { LoadingScreen } from '@/components/ui/loading-screen';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth/session';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useCoach } from '../api/get-coach';
import { CoachPictureUpload } from '../components/coach-picture-upload';
import { CoachProfileForm } from '../components/coach-profile-form';
import { VerificationNotice } from '../components/verification-notice';
import './coaches.css';

/** `/practice/profile`: the signed-in coach edits what clients see. */
export const CoachProfileEditorPage = () => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // The route guard renders this page only for a coach; null is the instant of a logout.
  const coach = useCoach(user?._id ?? '');
  const errorMessage = useErrorMessage();
  if (!user) return null;

  return (
    <div className="editor-page">
      <PageTitle title={t('coaches.editor.title')} />
      <header className="page-header">
        <h1>{t('coaches.editor.title')}</h1>
        <p className="page-header__lead">{t('coaches.editor.lead')}</p>
        <p>
          <Link to={paths.app.coach.getHref(user._id)} data-testid="public-profile-link">
            {t('coaches.editor.viewPublic')}
          </Link>
        </p>
      </header>
      {coach.isPending && <LoadingScreen />}
      {coach.isError && (
        <div className="message-page" role="alert">
          <p>
            {t('coaches.editor.loadFailed')} {errorMessage(coach.error)}
          </p>
          <Button variant="secondary" onClick={() => void coach.refetch()}>
            {t('coaches.directory.retry')}
          </Button>
        </div>
      )}
      {coach.data && (
        <>
          <VerificationNotice coach={coach.data} />
          <section className="panel" aria-labelledby="coach-picture-heading">
            <h2 id="coach-picture-heading">{t('coaches.editor.pictureHeading')}</h2>
            <CoachPictureUpload coach={coach.data} />
          </section>
          <section className="panel" aria-labelledby="coach-details-heading">
            <h2 id="coach-details-heading">{t('coaches.editor.detailsHeading')}</h2>
            <CoachProfileForm key={coach.data._id} coach={coach.data} />
          </section>
        </>
      )}
    </div>
  );
};
