import type { Role } from '@coachhub/shared/roles';
import type { BookingParty } from '@coachhub/shared/scheduling';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { paths } from '@/config/paths';
import type { TranslationKey } from '@/lib/i18n/translation-key';

interface RoleCard {
  href: string;
  titleKey: TranslationKey;
  textKey: TranslationKey;
  /** The card of the viewer's sessions on this side: it lists them when the page can. */
  sessionsAs?: BookingParty;
}

/** What each role starts from; the sessions cards show the real upcoming sessions. */
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
      sessionsAs: 'client',
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
      sessionsAs: 'coach',
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

interface RoleCardsProps {
  role: Role;
  /** The viewer's upcoming sessions on one side (composed by the route: bookings is a feature). */
  renderSessions?: (as: BookingParty) => ReactNode;
}

export const RoleCards = ({ role, renderSessions }: RoleCardsProps) => {
  const { t } = useTranslation();
  return (
    <ul className="card-grid" data-testid={`dashboard-cards-${role}`}>
      {CARDS_BY_ROLE[role].map(({ href, titleKey, textKey, sessionsAs }) => (
        <li key={titleKey} className="card">
          <h2 className="card__title">
            {/* The whole card is clickable through this link (see .card__link::after). */}
            <Link className="card__link" to={href}>
              {t(titleKey)}
            </Link>
          </h2>
          {sessionsAs && renderSessions ? (
            <div className="card__text">{renderSessions(sessionsAs)}</div>
          ) : (
            <p className="card__text">{t(textKey)}</p>
          )}
        </li>
      ))}
    </ul>
  );
};
