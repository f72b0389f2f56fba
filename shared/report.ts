// Supervisor reports and analytics: aggregates over a date range of live (never training) flags,
// computed in the store (electron/main/core/store/sqlite/report-queries.ts) and drawn by the desk. The
// report holds counts, durations, case numbers and operators' names — never a subject's personal
// field. Silence reasons are operators' free text: shown to supervisors, kept out of the CSV.
import { z } from 'zod';
import { OUTCOMES } from './dispatch';
import { RISKS } from './domain';
import { TIMER_STAGES } from './timers';

const DAY_MS = 24 * 3600_000;
/** A year and a day: the hourly series stays under 9,000 points and the query under a second. */
export const REPORT_MAX_RANGE_MS = 366 * DAY_MS;
/** Breaches listed in full; the total says how many there were. */
export const REPORT_BREACH_CAP = 200;
/** Silences listed in full (each with its reason); the count says how many there were. */
export const REPORT_SILENCE_CAP = 500;

/**
 * ISA-18.2's benchmarks for alarms per 10 minutes per operator: about 1 is very likely acceptable,
 * about 2 is the most an operator can manage (the report draws both lines).
 */
export const ALARM_RATE_ACCEPTABLE = 1;
export const ALARM_RATE_MANAGEABLE = 2;

export const reportRequestSchema = z
  .object({
    fromMs: z.int().min(0),
    toMs: z.int().min(0),
    /** Only flags received during this shift's hours (IST), e.g. "night". */
    shiftKey: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,23}$/, 'shiftKey: a shift of the schedule')
      .optional(),
  })
  .strict()
  .refine((r) => r.toMs > r.fromMs, { message: 'toMs: after fromMs', path: ['toMs'] })
  .refine((r) => r.toMs - r.fromMs <= REPORT_MAX_RANGE_MS, {
    message: 'toMs: at most 366 days after fromMs',
    path: ['toMs'],
  });

const count = z.int().min(0);
const ms = z.number();
const keyed = z.array(z.object({ key: z.string().nullable(), count }));

/** One stage's times over a group: completed samples give the median and p90 (nearest rank). */
const stageStatsSchema = z.object({
  /** Stages done (the samples). */
  count,
  medianMs: ms.nullable(),
  p90Ms: ms.nullable(),
  /** Stages started and not done as of the report's generation. */
  running: count,
  /** Done or running, at or past the target (the alarm escalates at the target too). */
  breached: count,
  /** The target when the group has one risk; null for shift and operator groups (mixed risks). */
  targetMs: ms.nullable(),
});
const stagesSchema = z.object({
  acknowledge: stageStatsSchema,
  dispatch: stageStatsSchema,
  confirm: stageStatsSchema,
  close: stageStatsSchema,
});
export type StagesStats = z.infer<typeof stagesSchema>;

const reportBreachSchema = z.object({
  caseNo: z.string(),
  risk: z.enum(RISKS),
  stage: z.enum(TIMER_STAGES),
  receivedAtMs: ms,
  elapsedMs: ms,
  targetMs: ms,
  /** Not done yet: elapsed runs to the report's generation. */
  running: z.boolean(),
});

const spanSchema = z.object({ startMs: ms, endMs: ms.nullable(), lengthMs: ms });

export const reportSchema = z.object({
  fromMs: ms,
  toMs: ms,
  shiftKey: z.string().nullable(),
  generatedAtMs: ms,
  /** Flags received in the range (and the shift's hours): every figure below is of these. */
  totals: z.object({
    flags: count,
    withdrawn: count,
    /** withdrawn / flags; null without flags. */
    withdrawnRate: z.number().nullable(),
    closed: count,
    falsePositives: count,
    /** false positives / closed; null without closed flags. */
    falsePositiveRate: z.number().nullable(),
  }),
  timeline: z.object({
    /**
     * Every IST hour that meets the range, oldest first, zeros included: counts[i] is the hour from
     * startMs + i hours. As one array, not an object per hour: a year's 8,761 objects were half the
     * answer's bytes and its time to pass between threads and to check.
     */
    hourly: z.object({ startMs: ms, counts: z.array(count) }),
    /** Every IST day that meets the range. */
    daily: z.array(z.object({ date: z.string(), startMs: ms, count })),
    /** [weekday][hour] in IST, Monday = 0, hour 0–23. */
    hourByWeekday: z.array(z.array(count).length(24)).length(7),
  }),
  byRisk: z.object({ imminent: count, high: count, elevated: count }),
  /** District keys (shared/geo), null = could not be placed; most first. */
  byDistrict: keyed,
  byPlatform: keyed,
  /** The desk map's areas (renderer/window-state/queue/areas.ts): Kota City apart, 'unplaced' for the rest. */
  byArea: keyed,
  /**
   * Unit ids, as dispatched (or routed, when no unit was sent); null = neither. A unit renamed or
   * retired since keeps its flags here; unit-history.ts regroups them by the units in force today.
   */
  byUnit: keyed,
  /** Accounts flagged at least twice in the range, and how many flags those were. */
  repeats: z.object({ subjects: count, flags: count }),
  response: z.object({
    byRisk: z.object({ imminent: stagesSchema, high: stagesSchema, elevated: stagesSchema }),
    byShift: z.array(z.object({ shiftKey: z.string(), stages: stagesSchema })),
    /** By who acknowledged the flag; flags nobody acknowledged are absent. */
    byOperator: z.array(z.object({ operator: z.string(), stages: stagesSchema })),
    /** Worst overshoot first, at most REPORT_BREACH_CAP. */
    breaches: z.object({ total: count, items: z.array(reportBreachSchema) }),
  }),
  /** Closed flags by outcome (every outcome present, zeros included). */
  outcomes: z.record(z.enum(OUTCOMES), count),
  alarmLoad: z.object({
    /** The time the figures cover: the range, or the shift's hours within it. */
    windowMs: ms,
    /** Flag arrivals plus feed alarms, as in the alarm KPIs. */
    alarms: count,
    feedAlarms: count,
    per10Min: z.number(),
    /** The busiest fixed 10-minute slot of flag arrivals. */
    peak10Min: z.object({ startMs: ms, count }).nullable(),
    floodMs: ms,
    floodShare: z.number(),
    silences: z.object({
      count,
      items: z.array(
        z.object({ atMs: ms, by: z.string().nullable(), reason: z.string(), minutes: z.number() }),
      ),
    }),
    /**
     * ISA-18.2's load per person: each shift that met the window divides its alarms by the operators
     * on its roster (desks other than the shift supervisor's). Time whose shift has no operator on
     * the roster cannot be divided and is left out of per10Min (rosteredMs says how much was in).
     */
    perOperator: z.object({
      /** Alarms per 10 minutes per operator over the rostered time; null when none was rostered. */
      per10Min: z.number().nullable(),
      rosteredMs: ms,
      /** Each shift that met the window, oldest first: its part of the window and its figures. */
      shifts: z.array(
        z.object({
          shiftId: z.string(),
          shiftKey: z.string(),
          startMs: ms,
          /** Where its part of the window starts (the range may cut the shift's start). */
          fromMs: ms,
          windowMs: ms,
          /** Operators on the roster; 0 when none was entered. */
          operators: count,
          alarms: count,
          per10Min: z.number().nullable(),
        }),
      ),
    }),
    /**
     * The shift (its part within the window) with the most alarms, with its own rate and share of
     * time in flood: the mean over a month hides a flood (core/store/report/alarm-load-peaks.ts).
     */
    worstShift: z
      .object({
        shiftId: z.string(),
        startMs: ms,
        windowMs: ms,
        alarms: count,
        per10Min: z.number(),
        floodMs: ms,
        floodShare: z.number(),
      })
      .nullable(),
    feed: z.object({
      /** Share of the window without a feed alarm. */
      uptimeShare: z.number(),
      outageMs: ms,
      /** Each outage that met the window; lengthMs is its whole length (to generation if still on). */
      outages: z.array(spanSchema.extend({ state: z.string() })),
    }),
  }),
});
export type Report = z.infer<typeof reportSchema>;
