// The desktop app's enrolment screen and main: a small typed contract of its own, apart from the
// console's (there is no core yet to answer that one). Main answers it only in a window it opened
// for enrolment (`lifeline-console --enrol`); the preload exposes it as window.lifelineEnrol.
// Two steps, so that a person checks the core before anything is sent to it: `probe` connects
// over TLS 1.3, sends nothing, and returns the SHA-256 fingerprint of the certificate the core
// presented, to be compared with the one printed at the core; `enrol` then presents the code over
// a connection pinned to exactly that fingerprint, and main keeps the credential in the keychain;
// `start` restarts the app as the enrolled device.
import { z } from 'zod';

export const ENROL_CHANNEL = 'lifeline:enrol';

/** SHA-256 as `lifeline serve` prints it: 32 bytes in hex, colons between them. */
export const FINGERPRINT_PATTERN = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** https://, a host name, IPv4 or [IPv6] address, an optional port, nothing after it. */
const ADDRESS = /^https:\/\/([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(:\d{1,5})?\/?$/;

const address = z
  .string()
  .trim()
  .max(200, 'address: at most 200 characters')
  .regex(ADDRESS, 'address: https://HOST:PORT, as printed at the core')
  .transform((text) => text.replace(/\/$/, ''));

export const enrolRequestSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('probe'), address }).strict(),
  z
    .object({
      step: z.literal('enrol'),
      address,
      fingerprint: z.string().regex(FINGERPRINT_PATTERN, 'fingerprint: SHA-256 as printed at the core'),
      code: z.string().trim().min(12, 'code: XXXX-XXXX-XXXX').max(20, 'code: XXXX-XXXX-XXXX'),
    })
    .strict(),
  // Enrolled: the app starts again as this device (only after a successful enrol step).
  z.object({ step: z.literal('start') }).strict(),
]);
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

/** Why a step failed; the screen words each in English and Hindi (enrol.errors.*). */
export const ENROL_ERRORS = [
  'invalid_address', // not https://HOST:PORT
  'invalid_code', // not the shape of an enrolment code
  'unreachable', // nothing answered, or not TLS 1.3
  'fingerprint_changed', // the core presented another certificate than the one checked: nothing sent
  'code_refused', // unknown, used, expired or withdrawn code (the core does not say which)
  'rate_limited', // too many attempts from this address: wait a minute
  'keychain_unavailable', // the OS keychain cannot keep the credential (checked before the code is spent)
  'failed', // anything else
] as const;
export type EnrolError = (typeof ENROL_ERRORS)[number];

export type EnrolResult =
  | { ok: true; step: 'probe'; fingerprint: string }
  // units: a district control room's desk, enrolled for these police units (ids) only.
  | { ok: true; step: 'enrol'; device: { name: string; kind: 'desk' | 'wall'; units?: string[] } }
  | { ok: true; step: 'start' }
  | { ok: false; error: EnrolError };

/** What the preload exposes to the enrolment window. */
export interface EnrolBridge {
  enrol(request: EnrolRequest): Promise<EnrolResult>;
}
