import type { Slot } from '@coachhub/shared/scheduling';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useCurrentMinute } from '@/lib/use-current-minute';

import { useSlots } from '../../api/get-slots';
import { MonthCalendar } from '../calendar/month-calendar';
import {
  addDays,
  addMonths,
  compareMonths,
  dayKeyIn,
  groupByDayIn,
  monthOf,
  monthRangeIn,
} from '../calendar/zoned-days';
import type { DayKey, Month } from '../calendar/zoned-days';
import { SlotTimes } from './slot-times';
import './slot-picker.css';

/** Without the coach's horizon, a year ahead is as far as anyone books. */
const DEFAULT_MONTHS_AHEAD = 12;

interface SlotPickerProps {
  coachId: string;
  coachName: string;
  sessionTypeId: string;
  /** The viewer's zone: days and times are shown in it. */
  timeZone: string;
  /** The coach's `maxDaysAhead`, when known: months beyond it are not offered. */
  maxDaysAhead?: number | undefined;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
}

/** A month calendar of days with free times, then the chosen day's times, in the viewer's zone. */
export const SlotPicker = ({
  coachId,
  coachName,
  sessionTypeId,
  timeZone,
  maxDaysAhead,
  selected,
  onSelect,
}: SlotPickerProps) => {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const now = useCurrentMinute();
  const today = dayKeyIn(now, timeZone);
  const minMonth = monthOf(today);
  const maxMonth =
    maxDaysAhead === undefined
      ? addMonths(minMonth, DEFAULT_MONTHS_AHEAD)
      : monthOf(addDays(today, maxDaysAhead));
  const [month, setMonth] = useState<Month>(minMonth);
  const [chosenDay, setChosenDay] = useState<DayKey | null>(
    selected ? dayKeyIn(selected.start, timeZone) : null,
  );

  const range = useMemo(() => monthRangeIn(month, timeZone), [month, timeZone]);
  const slots = useSlots({ coachId, sessionTypeId, timeZone, ...range });
  const byDay = useMemo(
    () => groupByDayIn(slots.data?.slots ?? [], timeZone),
    [slots.data, timeZone],
  );
  const freeTimes = useMemo(
    () => new Map([...byDay].map(([day, daySlots]) => [day, daySlots.length])),
    [byDay],
  );
  const showingMonth = !slots.isPlaceholderData;
  const daySlots = chosenDay && showingMonth ? (byDay.get(chosenDay) ?? []) : [];
  const coachTimeZone = slots.data?.coachTimeZone ?? null;
  const monthName = formatDateTime(
    range.from,
    { locale: i18n.language, timeZone },
    { month: 'long', year: 'numeric' },
  );
  const noneThisMonth = slots.isSuccess && showingMonth && freeTimes.size === 0;

  return (
    <div className="slot-picker" data-testid="slot-picker">
      <div className="slot-picker__zones">
        <p data-testid="viewer-time-zone">{t('booking.time.yourZone', { timeZone })}</p>
        {coachTimeZone && coachTimeZone !== timeZone && (
          <p data-testid="coach-time-zone">
            {t('booking.time.coachZone', {
              name: coachName,
              timeZone: coachTimeZone,
              time: formatDateTime(
                now,
                { locale: i18n.language, timeZone: coachTimeZone },
                { weekday: 'short', hour: '2-digit', minute: '2-digit' },
              ),
            })}
          </p>
        )}
      </div>
      <div className="slot-picker__body">
        <MonthCalendar
          month={month}
          onMonthChange={setMonth}
          minMonth={minMonth}
          maxMonth={maxMonth}
          freeTimes={showingMonth ? freeTimes : new Map()}
          selectedDay={chosenDay}
          onSelectDay={setChosenDay}
          busy={slots.isFetching && !showingMonth}
          today={today}
        />
        <div className="slot-picker__times" aria-live="polite">
          {slots.isPending && <p role="status">{t('booking.time.loading')}</p>}
          {slots.isError && (
            <div role="alert" className="slot-picker__problem">
              <p>
                {t('booking.time.loadFailed')} {errorMessage(slots.error)}
              </p>
              <Button variant="secondary" onClick={() => void slots.refetch()}>
                {t('booking.retry')}
              </Button>
            </div>
          )}
          {noneThisMonth && (
            <div className="slot-picker__empty" data-testid="no-slots">
              <p>{t('booking.time.noSlotsMonth', { month: monthName })}</p>
              {compareMonths(month, maxMonth) < 0 && (
                <Button variant="secondary" onClick={() => setMonth(addMonths(month, 1))}>
                  {t('booking.time.tryNextMonth')}
                </Button>
              )}
            </div>
          )}
          {slots.isSuccess && !noneThisMonth && daySlots.length === 0 && (
            <p className="slot-picker__hint">{t('booking.time.pickDay')}</p>
          )}
          {chosenDay && daySlots.length > 0 && (
            <SlotTimes
              day={chosenDay}
              slots={daySlots}
              timeZone={timeZone}
              coachTimeZone={coachTimeZone}
              coachName={coachName}
              selected={selected}
              onSelect={onSelect}
            />
          )}
        </div>
      </div>
    </div>
  );
};
