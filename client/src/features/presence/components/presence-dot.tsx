import { useTranslation } from 'react-i18next';

import './presence-dot.css';

export type PresenceState = 'online' | 'offline' | 'connecting';

/** A coloured dot whose meaning is also given in words, for people who cannot see colour. */
export const PresenceDot = ({ state }: { state: PresenceState }) => {
  const { t } = useTranslation();
  const label = t(`presence.${state}`);
  return (
    <span
      className={`presence-dot presence-dot--${state}`}
      role="img"
      aria-label={label}
      title={label}
      data-testid="presence-indicator"
      data-state={state}
    />
  );
};
