// The rest of the Electron hardening that can be checked without the binary: the Content Security
// Policy (the renderer's meta, in the source and in the built index.html; the header the lifeline://
// scheme adds; the headless host's header) and the fuses the packaging config flips. webPreferences,
// the IPC wrapper and the navigation / window / permission denial are in shell-hardening.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_CONTENT_SECURITY_POLICY, serveAppScheme } from '../../../electron/main/shell/app-protocol';
import { contentSecurityPolicy } from '../../../electron/main/core/host/static-files';

const electron = vi.hoisted(() => ({
  handle: vi.fn(),
  fetch: vi.fn(
    async (_url: string) =>
      new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }),
  ),
}));
vi.mock('electron', () => ({
  net: { fetch: electron.fetch },
  protocol: { handle: electron.handle, registerSchemesAsPrivileged: vi.fn() },
}));

const root = path.resolve(__dirname, '../../..');

function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `directive ${name} given twice`).toBe(false);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function metaCsp(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  expect(match, 'a CSP meta tag').not.toBeNull();
  return match![1]!;
}

/** The rules every policy of this app keeps; `connect` lists what connect-src may hold. */
function expectStrict(policy: string, connect: RegExp) {
  const csp = parseCsp(policy);
  expect(policy).not.toMatch(/unsafe-/); // no 'unsafe-inline', 'unsafe-eval', 'unsafe-hashes', 'wasm-unsafe-eval'
  expect(csp.get('default-src')).toEqual(["'self'"]);
  const scripts = csp.get('script-src') ?? csp.get('default-src')!;
  expect(scripts).toEqual(["'self'"]);
  expect(csp.get('style-src') ?? csp.get('default-src')).toEqual(["'self'"]);
  for (const [name, sources] of csp) {
    for (const source of sources) {
      expect(source, `${name} ${source}`).not.toMatch(/^(\*|https?:|wss?:|'strict-dynamic')$/);
      expect(source, `${name} ${source}`).not.toMatch(/^https?:\/\//);
    }
  }
  for (const source of csp.get('connect-src')!) expect(source, 'connect-src').toMatch(connect);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('form-action')).toEqual(["'none'"]);
  return csp;
}

const SELF_OR_LOOPBACK_WS = /^('self'|ws:\/\/127\.0\.0\.1:(\*|\d+))$/;

describe('Content Security Policy', () => {
  it('renderer/index.html: strict meta CSP, connect-src only itself and the loopback host', () => {
    const html = fs.readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    expectStrict(metaCsp(html), SELF_OR_LOOPBACK_WS);
  });

  // out/ is built by npm test before vitest, or by tests/global-setup.ts when missing.
  const built = path.join(root, 'out/renderer/index.html');
  it('the built out/renderer/index.html keeps it, with no inline script', () => {
    const html = fs.readFileSync(built, 'utf8');
    expectStrict(metaCsp(html), SELF_OR_LOOPBACK_WS);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body!.trim(), 'inline script body').toBe('');
      expect(attributes).toMatch(/\ssrc="\.\/assets\/[^"]+\.js"/);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    expect(html).not.toMatch(/<style\b/i);
  });

  it('the lifeline:// scheme adds a stricter header: connect-src itself only, no framing', async () => {
    const csp = expectStrict(APP_CONTENT_SECURITY_POLICY, /^'self'$/);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);

    serveAppScheme('/app/out/renderer');
    expect(electron.handle).toHaveBeenCalledWith('lifeline', expect.any(Function));
    const handler = electron.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    const page = await handler(new Request('lifeline://console/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(electron.fetch).toHaveBeenCalledWith('file:///app/out/renderer/index.html');

    electron.fetch.mockClear();
    expect((await handler(new Request('lifeline://other/index.html'))).status).toBe(404);
    expect((await handler(new Request('lifeline://console/x', { method: 'POST', body: 'x' }))).status).toBe(
      404,
    );
    expect(electron.fetch).not.toHaveBeenCalled();
  });

  it("the headless host's header is as strict, its WebSocket on its own loopback port only", () => {
    const csp = expectStrict(contentSecurityPolicy('ws://127.0.0.1:43117'), SELF_OR_LOOPBACK_WS);
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:43117']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('packaging config (electron-builder.json)', () => {
  const config = JSON.parse(fs.readFileSync(path.join(root, 'electron-builder.json'), 'utf8')) as {
    electronFuses: Record<string, boolean>;
    asar: boolean;
    files: string[];
    executableName: string;
  };

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
    // The renderer is served from lifeline://, never file://: file pages need no extra privileges.
    ['grantFileProtocolExtraPrivileges', false],
  ])('sets the fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses[fuse]).toBe(value);
  });

  it('packs the app into an asar (what onlyLoadAppFromAsar and the integrity check need), built output only', () => {
    expect(config.asar).toBe(true);
    expect(config.files.every((f) => f.startsWith('out/') || f === 'package.json')).toBe(true);
    expect(config.executableName).toBe('lifeline-console');
  });

  it('records and re-checks the unpacked native module at packaging (native-integrity.ts)', () => {
    const hooks = config as unknown as { beforePack: string; afterPack: string; asarUnpack: string[] };
    expect(hooks.asarUnpack).toEqual(['**/*.node']);
    for (const hook of [hooks.beforePack, hooks.afterPack])
      expect(fs.existsSync(path.join(root, hook))).toBe(true);
    expect(hooks.beforePack).toMatch(/native-integrity-before-pack/);
    expect(hooks.afterPack).toMatch(/native-integrity-after-pack/);
  });

  it('is what `npm run package` uses', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.package).toMatch(/electron-builder@\d+\.\d+\.\d+ --config electron-builder\.json/);
  });
});
