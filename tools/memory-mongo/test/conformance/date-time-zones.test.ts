import { beforeAll, describe, expect, test } from 'vitest';
import { useConformance } from './harness.js';

const h = useConformance('date_time_zones');

// 2026-01-15 12:30 UTC is winter in both hemispheres' northern half; 2026-07-15 is summer.
const WINTER = new Date('2026-01-15T12:30:00.000Z');
const SUMMER = new Date('2026-07-15T12:30:00.000Z');
// Just before midnight UTC on the last day of a month: a day later in Asia, the same in America.
const MONTH_END = new Date('2026-03-31T23:30:00.000Z');

beforeAll(async () => {
  await h.collection('events').insertMany([
    { _id: 'winter', at: WINTER },
    { _id: 'summer', at: SUMMER },
    { _id: 'month-end', at: MONTH_END },
  ]);
});

const formatted = async (timezone: string, format = '%Y-%m-%d %H:%M') =>
  Object.fromEntries(
    (
      await h
        .collection('events')
        .aggregate<{ _id: string; text: string }>([
          { $project: { text: { $dateToString: { date: '$at', format, timezone } } } },
          { $sort: { _id: 1 } },
        ])
        .toArray()
    ).map(({ _id, text }) => [_id, text]),
  );

describe('time zones in date expressions', () => {
  test('UTC and GMT by name', async () => {
    expect(await formatted('UTC')).toEqual({
      'month-end': '2026-03-31 23:30',
      summer: '2026-07-15 12:30',
      winter: '2026-01-15 12:30',
    });
    expect(await formatted('GMT')).toEqual(await formatted('UTC'));
  });

  test('Olson names follow summer time, including three-part names and Etc/ zones', async () => {
    expect(await formatted('Europe/Berlin')).toEqual({
      'month-end': '2026-04-01 01:30',
      summer: '2026-07-15 14:30',
      winter: '2026-01-15 13:30',
    });
    expect(await formatted('America/Argentina/Buenos_Aires')).toEqual({
      'month-end': '2026-03-31 20:30',
      summer: '2026-07-15 09:30',
      winter: '2026-01-15 09:30',
    });
    // POSIX sign: Etc/GMT+5 is five hours behind UTC.
    expect(await formatted('Etc/GMT+5')).toEqual({
      'month-end': '2026-03-31 18:30',
      summer: '2026-07-15 07:30',
      winter: '2026-01-15 07:30',
    });
    expect(await formatted('America/Port-au-Prince', '%H:%M')).toEqual({
      'month-end': '19:30',
      summer: '08:30',
      winter: '07:30',
    });
  });

  test('UTC offsets in their three spellings', async () => {
    const expected = { 'month-end': '05:00', summer: '18:00', winter: '18:00' };
    expect(await formatted('+05:30', '%H:%M')).toEqual(expected);
    expect(await formatted('+0530', '%H:%M')).toEqual(expected);
    expect(await formatted('-08', '%H:%M')).toEqual({
      'month-end': '15:30',
      summer: '04:30',
      winter: '04:30',
    });
  });

  test('grouping by month in a zone, as reports per calendar month do', async () => {
    const months = await h
      .collection('events')
      .aggregate([
        {
          $group: {
            _id: { $dateToString: { date: '$at', format: '%Y-%m', timezone: 'Asia/Tokyo' } },
            n: { $sum: 1 },
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(months).toEqual([
      { _id: '2026-01', n: 1 },
      { _id: '2026-04', n: 1 },
      { _id: '2026-07', n: 1 },
    ]);
  });

  test('date parts, truncation and dates built from parts in a zone', async () => {
    const [summer] = await h
      .collection('events')
      .aggregate([
        { $match: { _id: 'summer' } },
        {
          $project: {
            hour: { $hour: { date: '$at', timezone: 'America/New_York' } },
            day: { $dayOfMonth: { date: '$at', timezone: 'Pacific/Kiritimati' } },
            parts: { $dateToParts: { date: '$at', timezone: 'UTC' } },
            dayStart: { $dateTrunc: { date: '$at', unit: 'day', timezone: 'Europe/Berlin' } },
            built: {
              $dateFromParts: { year: 2026, month: 7, day: 15, hour: 9, timezone: 'Europe/Berlin' },
            },
            builtInWinter: {
              $dateFromParts: { year: 2026, month: 1, day: 15, hour: 9, timezone: 'Europe/Berlin' },
            },
          },
        },
      ])
      .toArray();
    expect(summer).toMatchObject({
      hour: 8,
      day: 16,
      parts: { year: 2026, month: 7, day: 15, hour: 12, minute: 30, second: 0, millisecond: 0 },
      dayStart: new Date('2026-07-14T22:00:00.000Z'),
      built: new Date('2026-07-15T07:00:00.000Z'),
      builtInWinter: new Date('2026-01-15T08:00:00.000Z'),
    });
  });

  test('an unknown zone is refused with MongoDB’s code', async () => {
    await expect(formatted('Mars/Olympus_Mons')).rejects.toMatchObject({ code: 40485 });
  });
});
