// Which account roles may run a `lifeline` command that changes what the room sees, beside
// CHANNEL_ACCESS (shared/accounts.ts) for the desk's calls. One place, so the CLI, its help and the
// documentation cannot disagree.
import type { AccountRole } from './accounts';

export const COMMAND_ACCESS = {
  /**
   * A file import is a second way in beside the feed: a line with a higher revision can replace a
   * flag's subject or withdraw it (silencing its alarm). It is the shift supervisor's decision when
   * the feed is down (or the administrator's); operators act on flags, auditors only read.
   */
  import: ['supervisor', 'administrator'],
  /** The police unit registry decides where every flag goes: police headquarters' word, entered by the administrator. */
  units: ['administrator'],
} as const satisfies Record<string, readonly AccountRole[]>;
