import crypto from 'node:crypto';

export type SignatureCheck = 'ok' | 'missing' | 'bad';

/** X-Signature: sha256=<hex>, an HMAC-SHA256 of the exact body bytes with the shared secret. */
export function checkSignature(body: Buffer, header: string | null, secret: string): SignatureCheck {
  if (!header) return 'missing';
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return 'bad';
  const expected = crypto.createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(match[1]!, 'hex');
  return crypto.timingSafeEqual(expected, given) ? 'ok' : 'bad';
}

export function signBody(body: Buffer | string, secret: string): string {
  return 'sha256=' + crypto.createHmac('sha256', secret).update(body).digest('hex');
}
