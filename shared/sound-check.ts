// Has anyone at this desk heard its alarm? The browser can say that an output device exists, never
// that a person hears it (a muted speaker, a headset on the desk). So after "Test alarm" the
// operator says "I heard it" or "I did not hear it"; the core keeps that per connection and the
// room sees it. The rule of what that answer is worth, and for how long, lives here once.
import { z } from 'zod';
import type { ClientAudio } from './presence';

/** A heard test counts for one shift's length: the next shift tests its own ears and speakers. */
export const SOUND_CHECK_VALID_MS = 8 * 3600_000;

export const soundCheckSchema = z
  .object({
    heard: z.boolean(),
    atMs: z.number(),
    /** The logged-on user who answered (the room's own staff, never a subject). */
    by: z.string(),
  })
  .strict();
export type SoundCheck = z.infer<typeof soundCheckSchema>;

/**
 * - `verified`: heard within SOUND_CHECK_VALID_MS and the audio path has not failed since;
 * - `not_heard`: the last answer was "I did not hear it" — an alarm until a test is heard;
 * - `unverified`: never tested, too long ago, or the output failed or was blocked after the test
 *   (a calm notice: not proof of sound, not a fault either).
 */
export type SoundVerification = 'verified' | 'not_heard' | 'unverified';

export function soundVerification(
  check: SoundCheck | null | undefined,
  audio: ClientAudio,
  nowMs: number,
): SoundVerification {
  if (!check) return 'unverified';
  // "Not heard" stays until someone hears a test: time alone does not make a silent desk audible.
  if (!check.heard) return 'not_heard';
  // A device that went away or a context the browser holds since the test voids the test.
  if (audio === 'lost' || audio === 'blocked') return 'unverified';
  const age = nowMs - check.atMs;
  return age >= 0 && age < SOUND_CHECK_VALID_MS ? 'verified' : 'unverified';
}
