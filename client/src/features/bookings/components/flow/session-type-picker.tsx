import type { SessionTypeDTO } from '@coachhub/shared/booking';
import { useTranslation } from 'react-i18next';

import { formatMoney } from '@/lib/money';

interface SessionTypePickerProps {
  sessionTypes: readonly SessionTypeDTO[];
  selectedId: string | null;
  onSelect: (sessionType: SessionTypeDTO) => void;
}

/** The coach's active session types as a radio group of cards. */
export const SessionTypePicker = ({
  sessionTypes,
  selectedId,
  onSelect,
}: SessionTypePickerProps) => {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="choice-cards" data-testid="session-type-picker">
      <legend className="visually-hidden">{t('booking.sessionType.legend')}</legend>
      {sessionTypes.map((type) => (
        <label key={type._id} className="choice-card">
          <input
            type="radio"
            name="sessionType"
            value={type._id}
            checked={selectedId === type._id}
            onChange={() => onSelect(type)}
          />
          <span className="choice-card__body">
            <span className="choice-card__title">{type.title}</span>
            <span className="choice-card__meta">
              {t('booking.minutes', { count: type.durationMinutes })} ·{' '}
              {t(`booking.modes.${type.mode}`)} ·{' '}
              {type.price ? formatMoney(type.price, i18n.language) : t('booking.priceOnRequest')}
            </span>
            {type.description && (
              <span className="choice-card__description">{type.description}</span>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
};
