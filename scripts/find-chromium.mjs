// Finds a Chromium for Playwright: $CHROMIUM_PATH, Debian's, or one Playwright downloaded earlier.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function findChromium(env = process.env) {
  const candidates = [
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const cache = env.PLAYWRIGHT_BROWSERS_PATH || path.join(os.homedir(), '.cache', 'ms-playwright');
  if (fs.existsSync(cache)) {
    for (const dir of fs
      .readdirSync(cache)
      .filter((d) => d.startsWith('chromium-'))
      .sort()
      .reverse()) {
      candidates.push(
        path.join(cache, dir, 'chrome-linux64', 'chrome'),
        path.join(cache, dir, 'chrome-linux', 'chrome'),
      );
    }
  }
  return candidates.find((c) => c && fs.existsSync(c)) ?? null;
}

/** Headless Chromium on a closed network, able to play alarm audio without a click. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

export const HOW_TO_GET_CHROMIUM = `No Chromium found for the browser tests. Any one of these works:
  - Debian/Ubuntu:  sudo apt-get install -y chromium fonts-noto-core poppler-utils
  - with internet:  npx playwright install chromium
  - any Chromium/Chrome binary:  CHROMIUM_PATH=/path/to/chrome npm test`;
