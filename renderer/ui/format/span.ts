import { followUpSpan } from '../../../shared/follow-ups';

type T = (key: string, values: Record<string, string>) => string;

const KEYS = {
  days: ['time.daysOnly', 'd'],
  hours: ['time.hoursOnly', 'h'],
  minutes: ['time.minutesOnly', 'm'],
  seconds: ['time.seconds', 's'],
} as const;

/** A span in its largest whole unit, in the language's words ("3 d" / "3 दिन", "24 h" / "24 घंटे"). */
export function formatSpan(t: T, ms: number): string {
  const { unit, n } = followUpSpan(ms);
  const [key, name] = KEYS[unit];
  return t(key, { [name]: String(n) });
}
