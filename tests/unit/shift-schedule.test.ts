// Shift arithmetic under fixed clocks: boundaries, midnight, IST whatever the machine's zone.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE,
  instanceOf,
  parseInstanceId,
  parseScheduleText,
  rosterSchema,
  previousShift,
  scheduleSchema,
  shiftAt,
  shiftClock,
} from '../../shared/shifts/schedule';

const ist = (s: string) => Date.parse(`${s}+05:30`);

describe('schedule as configuration text', () => {
  it('parses the default and names the broken rule otherwise', () => {
    expect(parseScheduleText('morning=06:00-14:00, evening=14:00-22:00, night=22:00-06:00')).toEqual({
      ok: true,
      schedule: DEFAULT_SCHEDULE,
    });
    expect(parseScheduleText('day=06:00-18:00,night=18:30-06:00')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/a gap/),
    });
    expect(parseScheduleText('day 06:00-18:00')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/key=HH:MM-HH:MM/),
    });
  });
});

describe('roster', () => {
  it('has one supervisor and no desk twice', () => {
    const ok = [
      { desk: 'D1', operator: 'SI Asha Testwal', supervisor: true },
      { desk: 'D2', operator: 'HC Ravi Demoria', supervisor: false },
    ];
    expect(rosterSchema.safeParse(ok).success).toBe(true);
    expect(rosterSchema.safeParse([{ ...ok[0], supervisor: false }, ok[1]]).error?.issues[0]?.message).toBe(
      'exactly one shift supervisor',
    );
    expect(rosterSchema.safeParse([ok[0], { ...ok[1], desk: 'D1' }]).error?.issues[0]?.message).toBe(
      'each desk appears once',
    );
  });
});

describe('shift schedule', () => {
  it('accepts the default three 8-hour shifts', () => {
    expect(scheduleSchema.safeParse(DEFAULT_SCHEDULE).success).toBe(true);
  });

  it.each([
    [
      [
        { key: 'a', start: '06:00', end: '14:00' },
        { key: 'b', start: '14:30', end: '06:00' },
      ],
      /a gap between "a"/,
    ],
    [
      [
        { key: 'a', start: '06:00', end: '15:00' },
        { key: 'b', start: '14:00', end: '06:00' },
      ],
      /an overlap between "a"/,
    ],
    [
      [
        { key: 'a', start: '06:00', end: '14:00' },
        { key: 'a', start: '14:00', end: '06:00' },
      ],
      /unique/,
    ],
    [[{ key: 'a', start: '6:00', end: '14:00' }], /HH:MM/],
    [[], /at least one shift/],
  ])('rejects %j with the rule named', (schedule, message) => {
    const result = scheduleSchema.safeParse(schedule);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(' | ')).toMatch(message);
  });

  it('finds the shift at each boundary, in IST', () => {
    expect(shiftAt(DEFAULT_SCHEDULE, ist('2026-11-25T05:59:59.999')).id).toBe('2026-11-24:night');
    expect(shiftAt(DEFAULT_SCHEDULE, ist('2026-11-25T06:00:00')).id).toBe('2026-11-25:morning');
    expect(shiftAt(DEFAULT_SCHEDULE, ist('2026-11-25T13:59:59')).id).toBe('2026-11-25:morning');
    expect(shiftAt(DEFAULT_SCHEDULE, ist('2026-11-25T14:00:00')).id).toBe('2026-11-25:evening');
    expect(shiftAt(DEFAULT_SCHEDULE, ist('2026-11-25T22:00:00')).id).toBe('2026-11-25:night');
    expect(shiftAt(DEFAULT_SCHEDULE, ist('2026-11-26T00:00:00')).id).toBe('2026-11-25:night'); // past midnight
  });

  it('is IST regardless of UTC: 00:30 UTC is 06:00 IST, the morning change', () => {
    expect(shiftAt(DEFAULT_SCHEDULE, Date.parse('2026-11-25T00:30:00Z')).id).toBe('2026-11-25:morning');
    expect(shiftAt(DEFAULT_SCHEDULE, Date.parse('2026-11-25T00:29:59Z')).id).toBe('2026-11-24:night');
  });

  it('gives the same answers on a machine set to another time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        expect(shiftAt(DEFAULT_SCHEDULE, Date.parse('2026-11-25T00:30:00Z')).id, zone).toBe(
          '2026-11-25:morning',
        );
        expect(shiftClock(DEFAULT_SCHEDULE, ist('2026-11-25T21:45:00')).msToHandover, zone).toBe(15 * 60_000);
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it('counts down to handover and warns from 30 minutes before', () => {
    const clock = shiftClock(DEFAULT_SCHEDULE, ist('2026-11-25T21:30:00'));
    expect(clock).toMatchObject({
      msToHandover: 30 * 60_000,
      handoverWarning: true,
      next: { id: '2026-11-25:night' },
    });
    expect(shiftClock(DEFAULT_SCHEDULE, ist('2026-11-25T21:29:59')).handoverWarning).toBe(false);
    expect(shiftClock(DEFAULT_SCHEDULE, ist('2026-11-26T05:00:00')).next.id).toBe('2026-11-26:morning');
  });

  it('names instances by the IST date they start on, and round-trips them', () => {
    const night = instanceOf(DEFAULT_SCHEDULE, '2026-11-25', 'night');
    expect(night.endMs - night.startMs).toBe(8 * 3600_000);
    expect(new Date(night.endMs).toISOString()).toBe('2026-11-26T00:30:00.000Z');
    expect(parseInstanceId(DEFAULT_SCHEDULE, '2026-11-25:night')).toEqual(night);
    expect(parseInstanceId(DEFAULT_SCHEDULE, '2026-11-25:lunch')).toBeNull();
    expect(previousShift(DEFAULT_SCHEDULE, night).id).toBe('2026-11-25:evening');
  });
});
