import type { Role } from '@coachhub/shared/roles';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { paths } from '@/config/paths';
import type { TranslationKey } from '@/lib/i18n/translation-key';

interface RoleCard {
  href: string;
  titleKey: TranslationKey;
  textKey: TranslationKey;
}

/** What each role starts from; later features replace these placeholders with live data. */
const CARDS_BY_ROLE: Record<Role, readonly RoleCard[]> = {
  client: [
    {
      href: paths.app.coaches.getHref(),
      titleKey: 'dashboard.client.findTitle',
      textKey: 'dashboard.client.findText',
    },
    {
      href: paths.app.bookings.getHref(),
      titleKey: 'dashboard.client.bookingsTitle',
      textKey: 'dashboard.client.bookingsText',
    },
    {
      href: paths.app.messages.getHref(),
      titleKey: 'dashboard.client.messagesTitle',
      textKey: 'dashboard.client.messagesText',
    },
  ],
  coach: [
    {
      href: paths.app.practice.getHref(),
      titleKey: 'dashboard.coach.practiceTitle',
      textKey: 'dashboard.coach.practiceText',
    },
    {
      href: paths.app.bookings.getHref(),
      titleKey: 'dashboard.coach.bookingsTitle',
      textKey: 'dashboard.coach.bookingsText',
    },
    {
      href: paths.app.messages.getHref(),
      titleKey: 'dashboard.coach.messagesTitle',
      textKey: 'dashboard.coach.messagesText',
    },
  ],
  admin: [
    {
      href: paths.app.admin.getHref(),
      titleKey: 'dashboard.admin.moderationTitle',
      textKey: 'dashboard.admin.moderationText',
    },
    {
      href: paths.app.coaches.getHref(),
      titleKey: 'dashboard.admin.directoryTitle',
      textKey: 'dashboard.admin.directoryText',
    },
  ],
};

export const RoleCards = ({ role }: { role: Role }) => {
  const { t } = useTranslation();
  return (
    <ul className="card-grid" data-testid={`dashboard-cards-${role}`}>
      {CARDS_BY_ROLE[role].map(({ href, titleKey, textKey }) => (
        <li key={titleKey} className="card">
          <h2 className="card__title">
            {/* The whole card is clickable through this link (see .card__link::after). */}
            <Link className="card__link" to={href}>
              {t(titleKey)}
            </Link>
          </h2>
          <p className="card__text">{t(textKey)}</p>
        </li>
      ))}
    </ul>
  );
};
