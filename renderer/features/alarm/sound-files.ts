// The alarm's sound files as Vite assets: each import is the URL of the emitted file.
import elevatedEscalatedUrl from '../../../resources/sounds/elevated-escalated.wav?url';
import elevatedUrl from '../../../resources/sounds/elevated.wav?url';
import feedUrl from '../../../resources/sounds/feed.wav?url';
import floodUrl from '../../../resources/sounds/flood.wav?url';
import highEscalatedUrl from '../../../resources/sounds/high-escalated.wav?url';
import highUrl from '../../../resources/sounds/high.wav?url';
import imminentEscalatedUrl from '../../../resources/sounds/imminent-escalated.wav?url';
import imminentUrl from '../../../resources/sounds/imminent.wav?url';
import type { SoundName } from './alarm-patterns';

export const SOUND_URLS: Readonly<Record<SoundName, string>> = {
  imminent: imminentUrl,
  high: highUrl,
  elevated: elevatedUrl,
  flood: floodUrl,
  feed: feedUrl,
  'imminent-escalated': imminentEscalatedUrl,
  'high-escalated': highEscalatedUrl,
  'elevated-escalated': elevatedEscalatedUrl,
};
