import { describe, expect, it } from 'vitest';
import { dueReminders } from './reminders.js';

const start = new Date('2026-12-10T15:00:00Z');

describe('dueReminders', () => {
  it('gives a day and an hour ahead, earliest first, when both are still ahead', () => {
    expect(dueReminders(start, new Date('2026-12-01T00:00:00Z'))).toEqual([
      { leadMinutes: 1440, at: new Date('2026-12-09T15:00:00Z') },
      { leadMinutes: 60, at: new Date('2026-12-10T14:00:00Z') },
    ]);
  });

  it('leaves out the reminders whose moment has passed', () => {
    expect(dueReminders(start, new Date('2026-12-10T12:00:00Z'))).toEqual([
      { leadMinutes: 60, at: new Date('2026-12-10T14:00:00Z') },
    ]);
    expect(dueReminders(start, new Date('2026-12-10T14:00:00Z'))).toEqual([]);
  });

  it('follows other lead times', () => {
    expect(dueReminders(start, new Date('2026-12-10T14:00:00Z'), [30, 5])).toEqual([
      { leadMinutes: 30, at: new Date('2026-12-10T14:30:00Z') },
      { leadMinutes: 5, at: new Date('2026-12-10T14:55:00Z') },
    ]);
  });
});
