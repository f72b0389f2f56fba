// Secrets never as arguments: `ps` and shell history show every argument to every user of the
// machine. --token / --secret are refused with a message saying how to give them instead
// (--token-file / --secret-file, or the environment), and the database key given in the
// environment is taken out of it once read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveHostConfig } from '../../electron/main/core/config/host-config';
import { envKeyPresent, envKeyProvider } from '../../electron/main/core/key/key-provider';
import { lifeline } from '../helpers/cli';
import { tempDir } from '../helpers/temp-store';

const FEED = 'https://feed.invalid/v1';

function secretFile(content: string, mode = 0o600): string {
  const file = path.join(tempDir('secret-'), 'token');
  fs.writeFileSync(file, content, { mode });
  fs.chmodSync(file, mode);
  return file;
}

describe('feed secrets are not accepted as arguments', () => {
  it('refuses --token and --secret (host and simulator), naming the file flag and the variable', () => {
    const host = lifeline(['host', '--feed-url', FEED, '--token', 'seen-in-ps']);
    expect(host.code).toBe(2);
    expect(host.err).toContain('--token is not accepted');
    expect(host.err).toContain('--token-file FILE, or set LIFELINE_FEED_TOKEN');
    expect(host.err).not.toContain('seen-in-ps');

    const sim = lifeline(['simulator', '--secret', 'a-secret-of-sixteen+']);
    expect(sim.code).toBe(2);
    expect(sim.err).toContain('--secret-file FILE, or set LIFELINE_FEED_SECRET');
  });

  it('reads the token and the secret from owner-only files, dropping one trailing newline', () => {
    const config = resolveHostConfig(
      {
        feedUrl: FEED,
        tokenFile: secretFile('tok-from-file\n'),
        secretFile: secretFile('a-secret-of-sixteen+'),
      },
      {},
    );
    expect(config.token).toBe('tok-from-file');
    expect(config.secret).toBe('a-secret-of-sixteen+');
    // The environment still works, and a missing token names the flag that gives it.
    expect(resolveHostConfig({ feedUrl: FEED }, { LIFELINE_FEED_TOKEN: 'tok-env' }).token).toBe('tok-env');
    expect(() => resolveHostConfig({ feedUrl: FEED }, {})).toThrow(
      /--token-file \/ LIFELINE_FEED_TOKEN: is required when a feed URL is given/,
    );
  });

  it('refuses a token file others can read, and a missing one, naming the flag', () => {
    expect(() => resolveHostConfig({ tokenFile: secretFile('t', 0o644) }, {})).toThrow(
      /--token-file: .* is readable by other users\. Run: chmod 600/,
    );
    expect(() => resolveHostConfig({ secretFile: '/nonexistent/secret' }, {})).toThrow(
      /--secret-file: cannot read \/nonexistent\/secret \(ENOENT\)/,
    );
  });

  it('lists only the file forms in the help', () => {
    const help = lifeline(['host', '--help']).out;
    expect(help).toContain('--token-file FILE');
    expect(help).toContain('--secret-file FILE');
    expect(help).not.toMatch(/--token TOKEN|--secret SECRET/);
    expect(lifeline(['simulator', '--help']).out).toContain('--token-file FILE');
  });
});

describe('LIFELINE_DB_KEY', () => {
  it('is removed from the environment once read, and a second provider still gets the key', async () => {
    const key = 'ab'.repeat(32);
    const env: NodeJS.ProcessEnv = { LIFELINE_DB_KEY: key };
    const first = await envKeyProvider('LIFELINE_DB_KEY', env).obtain({ databaseExists: true });
    expect(first.toString('hex')).toBe(key);
    expect(env.LIFELINE_DB_KEY).toBeUndefined();
    expect('LIFELINE_DB_KEY' in env).toBe(false);
    expect(envKeyPresent('LIFELINE_DB_KEY', env)).toBe(true);
    const again = await envKeyProvider('LIFELINE_DB_KEY', env).obtain({ databaseExists: true });
    expect(again.toString('hex')).toBe(key);
    // The configuration still knows the key came from the environment after it was taken out.
    expect(resolveHostConfig({}, env).keyEnv).toBe(true);
  });
});
