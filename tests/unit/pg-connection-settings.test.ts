// The PostgreSQL store's connection rule: off this machine only sslmode=verify-full; a clear error
// naming the setting otherwise.
import { describe, expect, it } from 'vitest';
import {
  clientConfig,
  isLocalHost,
  resolveConnectionSettings,
  settingsFromEnv,
  settingsFromUrl,
} from '../../electron/main/core/store/postgres/connection-settings';

describe('PostgreSQL connection settings', () => {
  it('takes loopback and sockets without TLS', () => {
    expect(settingsFromUrl('postgres://root@127.0.0.1:5432/lifeline')).toMatchObject({
      host: '127.0.0.1',
      port: 5432,
      user: 'root',
      database: 'lifeline',
      sslMode: 'disable',
    });
    expect(settingsFromUrl('postgres://root@localhost/lifeline?host=/var/run/postgresql').host).toBe(
      '/var/run/postgresql',
    );
    expect(isLocalHost('::1')).toBe(true);
    expect(isLocalHost('[::1]')).toBe(true);
    expect(isLocalHost('10.0.0.5')).toBe(false);
    expect(clientConfig(settingsFromUrl('postgres://127.0.0.1/x')).ssl).toBe(false);
  });

  it('refuses a remote host without verify-full, naming the setting', () => {
    expect(() => settingsFromUrl('postgres://u@db.example.in/lifeline?sslmode=require')).toThrow(
      /--database-url \/ LIFELINE_DATABASE_URL: sslmode=require is refused for host db\.example\.in.*verify-full/,
    );
    expect(() => settingsFromEnv({ PGHOST: '10.1.2.3', PGSSLMODE: 'prefer' })).toThrow(
      /PG\* variables.*sslmode=prefer/,
    );
    expect(() => settingsFromUrl('postgres://u@db.example.in/x?sslmode=fancy')).toThrow(
      /sslmode must be one of/,
    );
    expect(() => settingsFromUrl('mysql://u@h/x')).toThrow(/scheme must be postgres/);
    expect(() => settingsFromUrl('postgres://u@h/x?sslmod=disable')).toThrow(/unknown parameter "sslmod"/);
  });

  it('defaults a remote host to verify-full and checks the certificate and name', () => {
    const s = settingsFromEnv({ PGHOST: 'db.example.in', PGUSER: 'lifeline', PGDATABASE: 'lifeline' });
    expect(s.sslMode).toBe('verify-full');
    const config = clientConfig(s);
    expect(config.ssl).toMatchObject({ rejectUnauthorized: true, servername: 'db.example.in' });
    expect((config.ssl as { checkServerIdentity?: unknown }).checkServerIdentity).toBeUndefined();
  });

  it('prefers the URL over the PG* variables', () => {
    expect(resolveConnectionSettings('postgres://a@127.0.0.1/one', { PGHOST: 'elsewhere' }).database).toBe(
      'one',
    );
    expect(resolveConnectionSettings(undefined, { PGHOST: '127.0.0.1', PGDATABASE: 'two' }).database).toBe(
      'two',
    );
    expect(() =>
      settingsFromUrl('postgres://u@h/x?sslmode=verify-full&sslrootcert=/nonexistent.pem'),
    ).not.toThrow();
    expect(() => clientConfig(settingsFromUrl('postgres://u@h/x?sslrootcert=/nonexistent.pem'))).toThrow(
      /cannot read sslrootcert \/nonexistent\.pem/,
    );
  });
});
