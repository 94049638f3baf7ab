import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { weekdayName, firstWeekdayOf } from './week-start';
import {
  addDays,
  addMonths,
  compareMonths,
  daysInMonth,
  firstDayOfMonth,
  monthOf,
  monthWeeks,
  parseDayKey,
  toDayKey,
  weekdayOf,
} from './zoned-days';
import type { DayKey, Month } from './zoned-days';
import './month-calendar.css';

interface MonthCalendarProps {
  month: Month;
  onMonthChange: (month: Month) => void;
  /** The months the user may go to, inclusive. */
  minMonth: Month;
  maxMonth: Month;
  /** How many free times each day has; days not in it are shown but cannot be picked. */
  freeTimes: ReadonlyMap<DayKey, number>;
  selectedDay: DayKey | null;
  onSelectDay: (day: DayKey) => void;
  /** While the month's free times load, days cannot be picked yet. */
  busy?: boolean;
  /** Marked as the current date. */
  today?: DayKey;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const formatDay = (day: DayKey, locale: string, options: Intl.DateTimeFormatOptions) => {
  const key = JSON.stringify([locale, options]);
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormatters.set(key, formatter);
  }
  const { year, month, day: date } = parseDayKey(day);
  return formatter.format(new Date(Date.UTC(year, month - 1, date)));
};

const clampToMonth = (day: DayKey, month: Month): DayKey => {
  const { day: date } = parseDayKey(day);
  return toDayKey(month.year, month.month, Math.min(date, daysInMonth(month)));
};

/**
 * A month of days as an ARIA grid: one Tab stop (the focused day), arrow keys move by day and
 * week, Home/End to the week's ends, Page Up/Down by month. Days without free times stay
 * reachable (so the keyboard can pass them) but are marked unavailable.
 */
export const MonthCalendar = ({
  month,
  onMonthChange,
  minMonth,
  maxMonth,
  freeTimes,
  selectedDay,
  onSelectDay,
  busy = false,
  today,
}: MonthCalendarProps) => {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const titleId = useId();
  const gridRef = useRef<HTMLTableElement>(null);
  const firstWeekday = firstWeekdayOf(locale);
  const weeks = monthWeeks(month, firstWeekday);
  const [focusedDay, setFocusedDay] = useState<DayKey | null>(null);
  // Focus follows the keyboard only after a key press, never on first render or a click elsewhere.
  const focusPending = useRef(false);

  const inMonth = (day: DayKey | null) =>
    day !== null && compareMonths(monthOf(day), month) === 0 ? day : null;
  const firstFree = [...freeTimes.keys()].filter((day) => inMonth(day)).sort()[0];
  const tabStop =
    inMonth(focusedDay) ?? inMonth(selectedDay) ?? firstFree ?? firstDayOfMonth(month);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-day="${tabStop}"]`)?.focus();
  }, [tabStop]);

  const canGoBack = compareMonths(month, minMonth) > 0;
  const canGoForward = compareMonths(month, maxMonth) < 0;

  const goTo = (day: DayKey) => {
    const target = monthOf(day);
    if (compareMonths(target, minMonth) < 0 || compareMonths(target, maxMonth) > 0) return;
    if (compareMonths(target, month) !== 0) onMonthChange(target);
    focusPending.current = true;
    setFocusedDay(day);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, day: DayKey) => {
    const position = (weekdayOf(day) - firstWeekday + 7) % 7;
    const moves: Record<string, () => DayKey> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      Home: () => addDays(day, -position),
      End: () => addDays(day, 6 - position),
      PageUp: () => clampToMonth(day, addMonths(monthOf(day), -1)),
      PageDown: () => clampToMonth(day, addMonths(monthOf(day), 1)),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    goTo(move());
  };

  const changeMonth = (delta: number) => {
    setFocusedDay(null);
    onMonthChange(addMonths(month, delta));
  };

  const weekdays = Array.from({ length: 7 }, (_, index) => (firstWeekday + index) % 7);

  return (
    <div className="month-calendar" data-testid="month-calendar" aria-busy={busy || undefined}>
      <div className="month-calendar__head">
        <button
          type="button"
          className="month-calendar__nav"
          onClick={() => changeMonth(-1)}
          disabled={!canGoBack}
          aria-label={t('booking.calendar.previousMonth')}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <h3 id={titleId} className="month-calendar__title" aria-live="polite">
          {formatDay(firstDayOfMonth(month), locale, { month: 'long', year: 'numeric' })}
        </h3>
        <button
          type="button"
          className="month-calendar__nav"
          onClick={() => changeMonth(1)}
          disabled={!canGoForward}
          aria-label={t('booking.calendar.nextMonth')}
          data-testid="calendar-next-month"
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table ref={gridRef} role="grid" className="month-calendar__grid" aria-labelledby={titleId}>
        <thead>
          <tr>
            {weekdays.map((weekday) => (
              <th key={weekday} scope="col" abbr={weekdayName(weekday, locale)}>
                {weekdayName(weekday, locale, 'short')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, row) => (
            <tr key={row}>
              {week.map((day, column) => {
                if (day === null) return <td key={`empty-${column}`} role="gridcell" />;
                const count = freeTimes.get(day) ?? 0;
                const available = count > 0 && !busy;
                const selected = day === selectedDay;
                const date = formatDay(day, locale, { dateStyle: 'full' });
                return (
                  <td key={day} role="gridcell" aria-selected={selected}>
                    <button
                      type="button"
                      className="month-calendar__day"
                      data-day={day}
                      data-available={available}
                      tabIndex={day === tabStop ? 0 : -1}
                      aria-disabled={!available || undefined}
                      aria-current={day === today ? 'date' : undefined}
                      aria-label={
                        count > 0
                          ? t('booking.calendar.dayLabel', { date, count })
                          : t('booking.calendar.dayUnavailable', { date })
                      }
                      onKeyDown={(event) => onKeyDown(event, day)}
                      onFocus={() => setFocusedDay(day)}
                      onClick={() => available && onSelectDay(day)}
                    >
                      {parseDayKey(day).day}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="visually-hidden">{t('booking.calendar.keyboardHint')}</p>
    </div>
  );
};
