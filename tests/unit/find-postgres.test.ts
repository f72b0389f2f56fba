// Finding the PostgreSQL server for the tests never ends in a silent skip: a URL that does not answer
// is a failure naming the one command that gets a server, and a test without a server fails with it.
import { describe, expect, it } from 'vitest';
import { findPostgres, redact } from '../../scripts/find-postgres.mjs';
import { serverUrl } from '../helpers/test-pg';

describe('finding PostgreSQL for the tests', () => {
  it('a LIFELINE_TEST_PG_URL that does not answer is an error with the command that gets a server', async () => {
    const found = await findPostgres(
      { LIFELINE_TEST_PG_URL: 'postgres://nobody:pw@127.0.0.1:1/none' },
      () => {},
    );
    expect(found.url).toBeNull();
    expect(found.error).toMatch(/does not answer/);
    expect(found.error).toMatch(/apt-get install -y postgresql/);
    expect(found.error).not.toContain(':pw@');
    expect(redact('postgres://u:secret@h/x')).toBe('postgres://u:***@h/x');
  });

  it('a PostgreSQL test without a server fails with that message', () => {
    const saved = { url: process.env.LIFELINE_TEST_PG_URL, error: process.env.LIFELINE_TEST_PG_ERROR };
    delete process.env.LIFELINE_TEST_PG_URL;
    process.env.LIFELINE_TEST_PG_ERROR = 'No PostgreSQL server for the tests. Get one with: …';
    try {
      expect(() => serverUrl()).toThrow(/No PostgreSQL server for the tests/);
    } finally {
      if (saved.url !== undefined) process.env.LIFELINE_TEST_PG_URL = saved.url;
      if (saved.error === undefined) delete process.env.LIFELINE_TEST_PG_ERROR;
      else process.env.LIFELINE_TEST_PG_ERROR = saved.error;
    }
  });
});
