import { DEVICE_HELP } from './device';
import { IMPORT_HELP } from './import';
import { MIGRATE_HELP } from './migrate';
import { UNITS_HELP } from './units';
import { DATABASE_OPTIONS_HELP } from './open-for-command';
import { DEFAULT_SIMULATOR_SEED } from '../core/simulator/simulator-server';

const CONFIG = `  --feed-url URL          feed base URL (https://, or http:// on loopback)   [LIFELINE_FEED_URL]
                          without it: the built-in simulator feed, marked TRAINING
  --token-file FILE       file holding the feed's bearer token (chmod 600)   [LIFELINE_FEED_TOKEN]
  --secret-file FILE      file holding the shared secret: require X-Signature
                          on every page (chmod 600)                          [LIFELINE_FEED_SECRET]
                          never --token / --secret: arguments show in ps
  --data-dir DIR          where the encrypted database lives                 [LIFELINE_DATA_DIR]
                          default: $XDG_DATA_HOME/lifeline-console
  --key-file FILE         database key (64 hex chars; created on first run)  [LIFELINE_KEY_FILE]
                          default: $XDG_CONFIG_HOME/lifeline-console/db.key
                          or put the key itself in LIFELINE_DB_KEY
  --poll-interval-ms MS   poll interval, 250–60000 (default 2000)            [LIFELINE_POLL_INTERVAL_MS]
  --shifts SCHEDULE       e.g. morning=06:00-14:00,evening=14:00-22:00,night=22:00-06:00 (IST;
                          no gaps, no overlaps, 24 h; this is the default)   [LIFELINE_SHIFTS]
  --follow-ups LIST       welfare check-ins after a closed intervention, from
                          the close (s, m, h, d; default 24h,72h,7d)         [LIFELINE_FOLLOW_UPS]
  --idle-lock-minutes N   an idle desk locks after N minutes, 1–30 (default 15)
                                                                             [LIFELINE_IDLE_LOCK_MINUTES]
  --retention-days N      erase closed flags' personal fields N days after close,
                          1–3650 (default 90; checked hourly)                [LIFELINE_RETENTION_DAYS]
  --hold-grace-seconds N  a flag held at a desk that went away goes back to the
                          room after N s, 5–900 (default 60)                 [LIFELINE_HOLD_GRACE_SECONDS]
  --re-alarm-seconds N    a dispatch the unit has not received alarms again, at the
                          unit and the command centre, after N s, 5–3600 (default 900)
                                                                             [LIFELINE_RE_ALARM_SECONDS]
  --core-name NAME        this core's name on the room's screens when several
                          share one PostgreSQL (default: the host's name)    [LIFELINE_CORE_NAME]`;

export const HELP = {
  main: `lifeline — Lifeline Console without Electron

Usage: lifeline <command> [options]

Commands:
  host        run the console core and serve the desk to a browser on 127.0.0.1
  import      import flags from a FILE.ndjson (when the feed is down; --by NAME)
  status      counts by state, quarantined records, cursor, feed health (no personal data)
  simulator   run the synthetic feed on its own
  verify      check the database file, its encryption and the audit trail's hash chain
  purge       retention: erase personal fields of flags closed over 90 days ago (--by NAME)
  migrate     bring a shared PostgreSQL's schema up to date (--init: a new one; --rotate-key)
  export      the audit entries of a time range as JSON lines, for an inquiry (--by NAME)
  key-escrow  export / restore the database key, encrypted with a passphrase (administrator)
  account     add an account, list accounts, release a lockout (--by NAME)
  units       export / import the police unit registry as a file (--by ADMIN)
  serve       run the room's core: desks and walls enrolled on the LAN, over TLS 1.3
  device      enrol a desk or wall (one-time code), list devices, revoke one (--by ADMIN)

lifeline <command> --help for its options.`,
  host: `Usage: lifeline host [options]

${CONFIG}
  --port PORT             loopback port for the console (default: any free)  [LIFELINE_PORT]
  --sim-rate N            simulator flags per minute (default 6)             [LIFELINE_SIM_RATE]
  --training              mark this feed's flags TRAINING (drills)
  --init                  create the database although a key exists already (new installation)`,
  serve: `Usage: lifeline serve [--listen ADDRESS] [options]

The room's core: one queue for every enrolled desk and wall, over TLS 1.3 only. On first start it
makes its certificate and key (owner-only) in the data directory, or takes them from the state's
PKI; it prints the certificate's SHA-256 fingerprint for the devices to check when they enrol.

  --listen ADDRESS        the LAN address to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --tls-cert FILE         certificate (PEM) from the state's PKI, with --tls-key
  --tls-key FILE          its private key (PEM)
${CONFIG}
  --port PORT             TCP port (default: any free)                       [LIFELINE_PORT]
  --sim-rate N            simulator flags per minute (default 6)             [LIFELINE_SIM_RATE]
  --training              mark this feed's flags TRAINING (drills)
  --init                  create the database although a key exists already (new installation)`,
  device: DEVICE_HELP,
  migrate: MIGRATE_HELP,
  import: IMPORT_HELP,
  units: UNITS_HELP,
  status: `Usage: lifeline status [--json] [--training] [options]

Reads an existing database; creates nothing (no database: exit 1, "No database in DIR").
On a shared PostgreSQL it lists the cores connected and which one polls the feed.

${DATABASE_OPTIONS_HELP}
  --database-url URL      a shared PostgreSQL instead (the console key checked first)
                                                                             [LIFELINE_DATABASE_URL]
  --json                  machine-readable output
  --training              alarm figures of training (simulator) flags instead of live ones`,
  simulator: `Usage: lifeline simulator [options]

Serves feed protocol v1 with synthetic flags (invented people) on 127.0.0.1.

  --port PORT             loopback port, 0–65535 (default 0: any free; printed)
  --token-file FILE       file holding the bearer token (chmod 600)          [LIFELINE_FEED_TOKEN]
                          default: training-token
  --secret-file FILE      file holding the shared secret: sign every page
                          with X-Signature (chmod 600)                       [LIFELINE_FEED_SECRET]
                          default: none, pages unsigned
  --rate N                flags per minute, 0–6000 (default 6)
  --seed N                seed of the invented flags (default ${DEFAULT_SIMULATOR_SEED}: the same run every time)
Never --token / --secret: arguments show in ps.`,
  verify: `Usage: lifeline verify [--anchor HASH]... [options]

Runs SQLite's integrity_check and cipher_integrity_check, then walks the audit trail's hash chain
and checks its append-only triggers are in place. Prints no personal data: the last entry's seq,
time and hash (note them: an entry cut from the end can only be noticed against such a note), or
the first broken entry's seq and time.
Then checks the trail still passes through every anchor: the audit hash printed on each signed
handover (stored with it, checked always) and each --anchor given. Whoever holds the key can
rewrite the chain so that it verifies; it can no longer pass through a hash noted before that.
Exit code 0 when all is well, 4 when a check fails.

  --anchor HASH           an audit hash noted earlier (a handover's printed anchor, or the hash
                          from an earlier verify); repeat for several
  --database-url URL      a shared PostgreSQL instead (its audit trail, its append-only
                          triggers and given anchors; the console key checked first)
                                                                             [LIFELINE_DATABASE_URL]
${DATABASE_OPTIONS_HELP}`,
};
