// The retention policy, in one place: how long a closed flag keeps its personal fields. The core's
// schedule (retention-schedule.ts), `lifeline purge` and the console's status all read it here; what
// erasing means in SQL stays in each engine (store/sqlite/retention-queries.ts).
export const DAY_MS = 24 * 3600_000;
/** The default retention period: 90 days after the flag was closed. */
export const DEFAULT_RETENTION_MS = 90 * DAY_MS;
