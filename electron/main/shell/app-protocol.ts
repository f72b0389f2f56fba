// The renderer is served from a privileged custom scheme, lifeline://console/, instead of file://:
// a standard, secure origin where fetch works (the alarm's WAV files), 'self' in the CSP means
// exactly our files, and nothing outside the built renderer directory can be read.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';

export const APP_SCHEME = 'lifeline';
export const APP_HOST = 'console';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The file a lifeline:// URL names inside the renderer directory, or null (wrong host, traversal, NUL). */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  try {
    const url = new URL(requestUrl);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    if (relative.includes('\0')) return null;
    const root = path.resolve(rendererDir);
    const file = path.resolve(root, '.' + relative);
    return file.startsWith(root + path.sep) ? file : null;
  } catch {
    return null;
  }
}

/**
 * Sent as a header with every lifeline:// response, on top of the meta CSP in renderer/index.html
 * (both are enforced). Stricter than the meta, which also serves the headless host: the desktop
 * renderer talks to main only through the preload's IPC, so it may connect nowhere but its own
 * origin (no WebSocket), and no page may frame it.
 */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (request.method !== 'GET' || file === null) return new Response(null, { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', APP_CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
