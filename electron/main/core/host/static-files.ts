// Serves the built renderer read-only, with a strict CSP. Any malformed request gets a 400 and never
// an exception: a crashed host would silence every alarm.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
};

export function contentSecurityPolicy(wsOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src 'self' ${wsOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function serveStatic(
  rootDir: string,
  csp: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void {
  let file: string;
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    if (relative.includes('\0')) throw new URIError('NUL in path');
    file = path.resolve(rootDir, '.' + relative);
  } catch {
    res.writeHead(400).end();
    return;
  }
  // HEAD too: the wall asks it before reloading after a lost link (useWallRecovery), and a 404
  // there kept a wall whose host had come back from ever reloading.
  const head = req.method === 'HEAD';
  if (!file.startsWith(path.resolve(rootDir) + path.sep) || (req.method !== 'GET' && !head)) {
    res.writeHead(404).end();
    return;
  }
  fs.readFile(file, (error, data) => {
    if (error) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    res.end(head ? undefined : data);
  });
}
