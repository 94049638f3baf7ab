import type { Slot } from '@coachhub/shared/scheduling';
import { useTranslation } from 'react-i18next';

import { formatDateTime, formatTime } from '@/lib/format';

import type { DayKey } from '../calendar/zoned-days';

interface SlotTimesProps {
  day: DayKey;
  slots: readonly Slot[];
  timeZone: string;
  coachTimeZone: string | null;
  coachName: string;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
}

/** One day's free times as a radio group: arrow keys move between them, as in any form. */
export const SlotTimes = ({
  day,
  slots,
  timeZone,
  coachTimeZone,
  coachName,
  selected,
  onSelect,
}: SlotTimesProps) => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const first = slots[0];
  const date = first
    ? formatDateTime(first.start, { locale, timeZone }, { dateStyle: 'full' })
    : '';
  // Where the coach's clock differs, each time also says what it is for them.
  const showCoachTime = (slot: Slot) =>
    coachTimeZone !== null &&
    formatTime(slot.start, { locale, timeZone }) !==
      formatTime(slot.start, { locale, timeZone: coachTimeZone });

  return (
    <fieldset className="slot-times" data-testid="slot-times" data-day={day}>
      <legend className="slot-times__legend">{t('booking.time.timesFor', { date })}</legend>
      <div className="slot-times__options">
        {slots.map((slot) => (
          <label key={slot.start} className="slot-times__option">
            <input
              type="radio"
              name="slot"
              value={slot.start}
              checked={selected?.start === slot.start}
              onChange={() => onSelect(slot)}
            />
            <span className="slot-times__time">
              <time dateTime={slot.start}>{formatTime(slot.start, { locale, timeZone })}</time>
              {showCoachTime(slot) && coachTimeZone && ' '}
              {showCoachTime(slot) && coachTimeZone && (
                <span className="slot-times__coach-time">
                  {t('booking.time.coachTime', {
                    time: formatTime(slot.start, { locale, timeZone: coachTimeZone }),
                    name: coachName,
                  })}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
};
