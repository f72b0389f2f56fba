// POST /enrol: a device presents its one-time code and receives its own credential. Everything a
// stranger on the LAN can reach without a credential is here, so it is small and bounded: a body of
// at most 1 KiB, a fixed number of attempts per minute from one address and from all together, and
// one answer for every refusal (whether a code was unknown, used or expired is for the audit trail,
// not for whoever is guessing). Written here rather than with a rate-limit library: a fixed window
// per address is a dozen lines, and the window map is cleared each minute so it cannot grow.
import type http from 'node:http';
import type { Store } from '../store/store';
import type { DeviceSummary } from '../store/store';
import { hashEnrolmentCode, hashSecret, newDeviceCredential, normaliseEnrolmentCode } from './device-secrets';

export const DEVICE_COOKIE = 'lifeline_device';
const MAX_BODY_BYTES = 1024;

export interface EnrolLimits {
  perAddressPerMinute: number;
  totalPerMinute: number;
}
export const DEFAULT_ENROL_LIMITS: EnrolLimits = { perAddressPerMinute: 5, totalPerMinute: 30 };

export type EnrolStore = Pick<Store, 'redeemEnrolment' | 'recordAudit'>;

export interface EnrolEndpoint {
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
  stop(): void;
}

const json = (
  res: http.ServerResponse,
  status: number,
  body: object,
  headers: http.OutgoingHttpHeaders = {},
) => {
  if (res.headersSent) return;
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(JSON.stringify(body));
};

export function createEnrolEndpoint(
  store: EnrolStore,
  options: { limits?: Partial<EnrolLimits>; now?: () => number; log: (line: string) => void },
): EnrolEndpoint {
  const limits = { ...DEFAULT_ENROL_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  let perAddress = new Map<string, number>();
  let total = 0;
  const window = setInterval(() => {
    perAddress = new Map();
    total = 0;
  }, 60_000);
  window.unref();

  const audit = (action: string, target: string | null, detail: object) =>
    store.recordAudit({ atMs: now(), actor: 'device enrolment', action, target, detail }).catch(() => {
      options.log('could not record an enrolment in the audit trail');
    });

  async function redeem(body: string, address: string, res: http.ServerResponse, browser: boolean) {
    let code: string | null = null;
    try {
      const parsed = JSON.parse(body) as { code?: unknown };
      if (typeof parsed?.code === 'string' && parsed.code.length <= 32)
        code = normaliseEnrolmentCode(parsed.code);
    } catch {
      code = null;
    }
    if (code === null) {
      json(res, 400, { error: 'code: twelve letters and digits, as printed by lifeline device enrol.' });
      return;
    }
    const credential = newDeviceCredential();
    const result = await store.redeemEnrolment(hashEnrolmentCode(code), hashSecret(credential), now());
    if (!result.ok) {
      await audit('device.enrolment_refused', result.name, { refusal: result.reason, peer: address });
      options.log(`refused an enrolment (${result.reason})`);
      json(res, 403, {
        error: 'This enrolment code is not valid: it is unknown, used or expired. Ask for a new one.',
      });
      return;
    }
    const device: DeviceSummary = result.device;
    options.log(`enrolled device ${device.id} (${device.kind}${device.units ? ', district' : ''})`);
    // A browser keeps the credential where no script can read it and no other site can send it.
    const cookie = browser
      ? {
          'Set-Cookie': `${DEVICE_COOKIE}=${credential}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${400 * 86_400}`,
        }
      : {};
    json(
      res,
      200,
      {
        // A district control room's desk is told its units, so whoever enrols it sees which room it is.
        device: {
          id: device.id,
          name: device.name,
          kind: device.kind,
          ...(device.units ? { units: device.units } : {}),
        },
        ...(browser ? {} : { credential }),
      },
      cookie,
    );
  }

  return {
    handle(req, res) {
      const address = req.socket.remoteAddress ?? 'unknown';
      if (req.method !== 'POST') {
        json(res, 405, { error: 'POST a JSON body {"code": "..."}.' }, { Allow: 'POST' });
        return;
      }
      const seen = (perAddress.get(address) ?? 0) + 1;
      perAddress.set(address, seen);
      total++;
      if (seen > limits.perAddressPerMinute || total > limits.totalPerMinute) {
        options.log('refused an enrolment (rate limit)');
        void audit('device.enrolment_refused', null, { refusal: 'rate_limit', peer: address });
        json(res, 429, { error: 'Too many enrolment attempts. Wait a minute.' }, { 'Retry-After': '60' });
        req.resume();
        return;
      }
      // A browser's fetch carries an Origin; it must be this core's own page (no other site enrols).
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `https://${req.headers.host}`) {
        json(res, 403, { error: 'Enrol from the core’s own page.' });
        req.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          json(res, 413, { error: 'The request body is larger than 1 KiB.' });
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on('error', () => {}); // a peer that resets mid-body ends its request only
      req.on('end', () => {
        if (size > MAX_BODY_BYTES) return;
        redeem(Buffer.concat(chunks).toString('utf8'), address, res, origin !== undefined).catch(() => {
          options.log('an enrolment failed inside the core');
          json(res, 500, { error: 'The enrolment could not be recorded. Try again.' });
        });
      });
    },
    stop: () => clearInterval(window),
  };
}
