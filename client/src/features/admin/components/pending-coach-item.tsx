import type { CoachDTO } from '@coachhub/shared/coach';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { CoachAvatar } from '@/components/coach/coach-avatar';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { languageName } from '@/lib/languages';

import { RejectCoachForm } from './reject-coach-form';

interface PendingCoachItemProps {
  coach: CoachDTO;
  onApprove: () => void;
  onReject: (reason: string) => void;
}

export const PendingCoachItem = ({ coach, onApprove, onReject }: PendingCoachItemProps) => {
  const { t, i18n } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const name = `${coach.firstName} ${coach.lastName}`;
  const list = new Intl.ListFormat(i18n.language, { style: 'narrow', type: 'conjunction' });

  return (
    <li className="panel pending-coach" data-testid="pending-coach">
      <div className="pending-coach__summary">
        <CoachAvatar coach={coach} size="lg" decorative />
        <div className="pending-coach__text">
          <h2 className="pending-coach__name">{name}</h2>
          <p>{coach.headline}</p>
          <p className="pending-coach__meta">
            {list.format(coach.specialties.map((specialty) => t(`specialties.${specialty}`)))}
            {' · '}
            {list.format(coach.languages.map((code) => languageName(code, i18n.language)))}
          </p>
          <Link to={paths.app.coach.getHref(coach._id)}>{t('admin.coaches.viewProfile')}</Link>
        </div>
        {!rejecting && (
          <div className="pending-coach__actions">
            <Button onClick={onApprove} aria-label={`${t('admin.coaches.approve')}: ${name}`}>
              {t('admin.coaches.approve')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => setRejecting(true)}
              aria-label={`${t('admin.coaches.reject')}: ${name}`}
            >
              {t('admin.coaches.reject')}
            </Button>
          </div>
        )}
      </div>
      {rejecting && (
        <RejectCoachForm name={name} onReject={onReject} onCancel={() => setRejecting(false)} />
      )}
    </li>
  );
};
