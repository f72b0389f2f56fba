// The enrolment page a browser device (a wall PC in kiosk mode, a desk without the app) opens on
// the core's own origin: a code field and a button, in English and Hindi side by side (the screen
// is set up once, by whoever installs it). Its script posts the code with fetch; the core answers a
// same-origin browser with the credential only as an HttpOnly cookie (enrol-endpoint.ts), so no
// script, this one included, ever holds it. No inline script or style: the CSP allows 'self' only.
import type http from 'node:http';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/enrol.css">
<title>Lifeline — enrol this screen</title>
</head>
<body>
<h1>Enrol this screen <span lang="hi">/ इस स्क्रीन को जोड़ें</span></h1>
<p>Type the code printed at the core by <code>lifeline device enrol</code>.
<span lang="hi">कोर पर छपा नामांकन कोड लिखें।</span></p>
<label for="code">Enrolment code <span lang="hi">/ नामांकन कोड</span></label>
<input id="code" name="code" autocomplete="off" spellcheck="false" maxlength="20">
<button id="enrol" type="button">Enrol <span lang="hi">/ जोड़ें</span></button>
<p id="result" role="status"></p>
<p><a id="open" hidden href="/">Open <span lang="hi">/ खोलें</span></a></p>
<script src="/enrol.js"></script>
</body>
</html>
`;

const SCRIPT = `'use strict';
const result = document.getElementById('result');
const open = document.getElementById('open');
document.getElementById('enrol').addEventListener('click', async () => {
  result.textContent = '';
  let answer;
  try {
    const response = await fetch('/enrol', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: document.getElementById('code').value }),
      credentials: 'same-origin',
    });
    answer = await response.json();
    if (!response.ok) throw new Error(answer.error || 'HTTP ' + response.status);
  } catch (error) {
    result.textContent = 'Not enrolled: ' + error.message + ' / नामांकन नहीं हुआ: नया कोड माँगें।';
    return;
  }
  const kind = answer.device.kind;
  // A district control room's desk: the units the administrator enrolled it for (ids, no names).
  const units = Array.isArray(answer.device.units) ? answer.device.units.join(', ') : '';
  result.textContent = 'Enrolled as ' + answer.device.name + ' (' + kind
    + (units ? ', district control room: ' + units : '') + '). / '
    + answer.device.name + ' के रूप में जुड़ गया (' + (kind === 'wall' ? 'वॉल' : 'डेस्क')
    + (units ? ', ज़िले का कंट्रोल रूम: ' + units : '') + ')।';
  open.href = '/#view=' + (kind === 'wall' ? 'wall' : 'desk');
  open.hidden = false;
});
`;

// Large and dark like the wall itself: it is read from a few steps away, on the wall's own screen.
const STYLE = `body { background: #111318; color: #e8eaf0; font: 24px/1.5 system-ui, sans-serif; margin: 3rem; }
h1 { font-size: 2.2rem; }
input, button { font: inherit; padding: 0.4rem 0.8rem; margin: 0.5rem 0.5rem 0.5rem 0; }
input { letter-spacing: 0.15em; text-transform: uppercase; width: 18ch; }
a { color: #8ab4ff; font-size: 1.4rem; }
`;

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Answers GET/HEAD of /enrol (the page), /enrol.js and /enrol.css; false for any other request. */
export function serveEnrolPage(req: http.IncomingMessage, res: http.ServerResponse, path: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const served: Record<string, [string, string]> = {
    '/enrol': [PAGE, 'text/html; charset=utf-8'],
    '/enrol.js': [SCRIPT, 'text/javascript; charset=utf-8'],
    '/enrol.css': [STYLE, 'text/css; charset=utf-8'],
  };
  const found = served[path];
  if (!found) return false;
  const [body, type] = found;
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
