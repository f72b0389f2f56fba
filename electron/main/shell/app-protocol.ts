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

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (request.method !== 'GET' || file === null) return new Response(null, { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
