// What each connected desk and wall says about itself, so the room knows which screens are seen and
// which can sound the alarm: "desk 3: window hidden", "desk 2: cannot hear". Pure data and rules;
// the core keeps one entry per connection (core/presence/client-state.ts), the pages report.
import { z } from 'zod';
import { soundCheckSchema } from './sound-check';

/** Page Visibility and Page Lifecycle: 'frozen' is said just before the browser freezes the page. */
export const CLIENT_VISIBILITIES = ['visible', 'hidden', 'frozen'] as const;
/**
 * The page's audio path: 'lost' (no output device, the audio context failed or was interrupted),
 * 'blocked' (the browser holds sound until somebody clicks the window), 'unknown' (the browser will
 * not say; not a failure, but not proof of sound either).
 */
export const CLIENT_AUDIO = ['ok', 'lost', 'blocked', 'unknown'] as const;
export type ClientVisibility = (typeof CLIENT_VISIBILITIES)[number];
export type ClientAudio = (typeof CLIENT_AUDIO)[number];

export const clientReportSchema = z
  .object({ visibility: z.enum(CLIENT_VISIBILITIES), audio: z.enum(CLIENT_AUDIO) })
  .strict();
export type ClientReport = z.infer<typeof clientReportSchema>;

export const clientStateSchema = z.object({
  role: z.enum(['desk', 'wall']),
  /** Desk 1, desk 2, …: the lowest number free when the connection first reported. */
  number: z.int().min(1),
  visibility: z.enum(CLIENT_VISIBILITIES),
  audio: z.enum(CLIENT_AUDIO),
  /** Since when this state (visibility and audio) has held. */
  sinceMs: z.number(),
  /** A desk with somebody logged on (the core says, not the page); the wall shows who is on. */
  loggedOn: z.boolean().optional(),
  /** The last "did you hear the test alarm?" answer on this connection (shared/sound-check.ts). */
  soundCheck: soundCheckSchema.nullable().optional(),
});
export type ClientState = z.infer<typeof clientStateSchema>;

export const clientStatesSchema = z.object({ clients: z.array(clientStateSchema) });

/** A client the room cannot count on to be seen and heard (a test nobody heard included). */
export function clientNeedsAttention(
  client: Pick<ClientState, 'visibility' | 'audio' | 'soundCheck'>,
): boolean {
  return (
    client.visibility !== 'visible' ||
    client.audio === 'lost' ||
    client.audio === 'blocked' ||
    client.soundCheck?.heard === false
  );
}
