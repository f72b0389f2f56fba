import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL, resolveAppFile } from '../../../electron/main/shell/app-protocol';

vi.mock('electron', () => ({ net: {}, protocol: {} }));

describe('lifeline:// scheme', () => {
  const root = '/app/out/renderer';
  it('serves files inside the renderer directory only', () => {
    expect(resolveAppFile(root, APP_INDEX_URL)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'lifeline://console/assets/imminent-1a2b.wav')).toBe(
      path.join(root, 'assets/imminent-1a2b.wav'),
    );
    expect(resolveAppFile(root, 'lifeline://console/')).toBe(path.join(root, 'index.html'));
  });
  it.each([
    'lifeline://console/../main/shell.js',
    'lifeline://console/%2e%2e/%2e%2e/etc/passwd',
    'lifeline://console/..%2f..%2fmain/shell.js',
  ])('never leaves the renderer directory: %s', (url) => {
    const file = resolveAppFile(root, url);
    if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
  });
  it.each([
    'lifeline://console/a%00b',
    'lifeline://other/index.html',
    'file:///etc/passwd',
    'lifeline://console/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});
