// The host's tokens file: created owner-only on first start, read back after, and a damaged one is
// refused with the field and the rule named — never with the token's value.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateHostTokens } from '../../electron/main/core/host/host-tokens';
import { tempDir } from '../helpers/temp-store';

describe('host tokens file', () => {
  it('is created owner-only with two different tokens, then read back unchanged', () => {
    const file = path.join(tempDir(), 'host-tokens.json');
    const first = loadOrCreateHostTokens(file);
    expect(first.desk).not.toBe(first.wall);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(loadOrCreateHostTokens(file)).toEqual(first);
  });

  it.each([
    ['not JSON', '{"desk":', /not JSON/, undefined],
    [
      'a short token',
      JSON.stringify({ desk: 'short-but-secret', wall: 'w'.repeat(32) }),
      /desk: a URL-safe token/,
      'desk',
    ],
    [
      'the same token twice',
      JSON.stringify({ desk: 'd'.repeat(32), wall: 'd'.repeat(32) }),
      /wall: the desk and the wall/,
      'wall',
    ],
    [
      'an unknown field',
      JSON.stringify({ desk: 'd'.repeat(32), wall: 'w'.repeat(32), extra: 1 }),
      /Unrecognized key/i,
      undefined,
    ],
  ])('refuses %s, naming the field', (_case, text, message, field) => {
    const file = path.join(tempDir(), 'host-tokens.json');
    fs.writeFileSync(file, text);
    let thrown: any;
    try {
      loadOrCreateHostTokens(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown?.kind).toBe('invalid_request');
    expect(thrown.message).toMatch(message);
    expect(thrown.message).not.toContain('short-but-secret');
    if (field) expect(thrown.field).toBe(field);
  });
});
