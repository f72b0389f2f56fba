// The core's TLS identity: a certificate and key from the state's PKI (--tls-cert/--tls-key), or on
// first start a self-signed one made here and kept in the data directory. Devices do not use a CA to
// trust it: each pins the certificate's SHA-256 fingerprint, read off the core's console and checked
// by a person at enrolment.
//
// Made with @peculiar/x509 over Node's own WebCrypto: the key is generated and the signature made by
// Node's crypto (OpenSSL), and the library only encodes the certificate (typed ASN.1 schemas, no
// hand-written DER). It signs ECDSA P-256, which node-forge cannot, and selfsigned is a wrapper over
// this same library. v2 needs a Reflect metadata polyfill for its dependency injection container;
// reflect-metadata is that polyfill (imported once, here).
import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { ContractError } from '../../../../shared/errors';

export const CORE_CERT_FILE = 'core-tls-cert.pem';
export const CORE_KEY_FILE = 'core-tls-key.pem';
const VALID_DAYS = 825; // the longest any mainstream client still accepts for a leaf certificate

export interface CoreCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate's DER, as colon-separated upper-case hex (what browsers show). */
  fingerprint: string;
  /** SHA-256 of the SubjectPublicKeyInfo, base64: Chromium's --ignore-certificate-errors-spki-list. */
  spkiSha256: string;
  /** Where it came from, for the start-up message. */
  source: 'created' | 'data directory' | 'given';
}

export function fingerprintOf(certPem: string): { fingerprint: string; spkiSha256: string } {
  const cert = new crypto.X509Certificate(certPem);
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  return {
    fingerprint: cert.fingerprint256,
    spkiSha256: crypto.createHash('sha256').update(spki).digest('base64'),
  };
}

/** Normalises a fingerprint as people type or paste it (any case, with or without colons). */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[:\s]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

function checkPair(certPem: string, keyPem: string, where: string): void {
  let cert: crypto.X509Certificate;
  let key: crypto.KeyObject;
  try {
    cert = new crypto.X509Certificate(certPem);
  } catch {
    throw new ContractError(
      'invalid_request',
      `${where}: the certificate is not a PEM X.509 certificate.`,
      'tls-cert',
    );
  }
  try {
    key = crypto.createPrivateKey(keyPem);
  } catch {
    throw new ContractError('invalid_request', `${where}: the key is not a PEM private key.`, 'tls-key');
  }
  if (!cert.checkPrivateKey(key))
    throw new ContractError(
      'invalid_request',
      `${where}: the key does not belong to the certificate.`,
      'tls-key',
    );
  if (Date.parse(cert.validTo) < Date.now())
    throw new ContractError(
      'invalid_request',
      `${where}: the certificate expired on ${cert.validTo}.`,
      'tls-cert',
    );
}

async function createSelfSigned(altNames: string[]): Promise<{ cert: string; key: string }> {
  const { webcrypto } = crypto;
  x509.cryptoProvider.set(webcrypto as never); // its type is the DOM's Crypto, which Node's is
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as crypto.webcrypto.CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: crypto
      .randomBytes(16)
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: 'CN=Lifeline console core',
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + VALID_DAYS * 86_400_000),
    signingAlgorithm: algorithm,
    keys: keys as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        altNames.map((name) =>
          net.isIP(name) ? { type: 'ip' as const, value: name } : { type: 'dns' as const, value: name },
        ),
      ),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  return { cert: cert.toString('pem'), key: key.export({ type: 'pkcs8', format: 'pem' }) as string };
}

export interface CertificateOptions {
  dataDir: string;
  /** From the state's PKI: both or neither. */
  certFile?: string;
  keyFile?: string;
  /** Names and addresses the certificate is for (the listen address, the host name). */
  altNames?: string[];
}

export async function loadOrCreateCoreCertificate(options: CertificateOptions): Promise<CoreCertificate> {
  if ((options.certFile === undefined) !== (options.keyFile === undefined))
    throw new ContractError(
      'invalid_request',
      '--tls-cert and --tls-key go together: give both or neither.',
      'tls-key',
    );
  let pair: { cert: string; key: string };
  let source: CoreCertificate['source'];
  if (options.certFile !== undefined && options.keyFile !== undefined) {
    pair = { cert: fs.readFileSync(options.certFile, 'utf8'), key: fs.readFileSync(options.keyFile, 'utf8') };
    checkPair(pair.cert, pair.key, `--tls-cert ${options.certFile}`);
    source = 'given';
  } else {
    const certFile = path.join(options.dataDir, CORE_CERT_FILE);
    const keyFile = path.join(options.dataDir, CORE_KEY_FILE);
    if (fs.existsSync(certFile) || fs.existsSync(keyFile)) {
      pair = { cert: fs.readFileSync(certFile, 'utf8'), key: fs.readFileSync(keyFile, 'utf8') };
      checkPair(pair.cert, pair.key, certFile);
      // The key is the core's identity: anyone who can read it can pose as the core to every desk.
      if (process.platform !== 'win32' && (fs.statSync(keyFile).mode & 0o077) !== 0)
        throw new ContractError(
          'invalid_request',
          `${keyFile}: readable by others than its owner. chmod 600 it (and consider it exposed).`,
          'tls-key',
        );
      source = 'data directory';
    } else {
      const names = [...new Set(['localhost', '127.0.0.1', os.hostname(), ...(options.altNames ?? [])])];
      pair = await createSelfSigned(names.filter((n) => n !== '0.0.0.0' && n !== '::'));
      // On PostgreSQL nothing else has made the data directory: it holds only the core's identity.
      fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
      // 'wx': two cores started at once on one data directory must not each write their own.
      fs.writeFileSync(keyFile, pair.key, { mode: 0o600, flag: 'wx' });
      fs.writeFileSync(certFile, pair.cert, { mode: 0o644, flag: 'wx' });
      source = 'created';
    }
  }
  return { ...pair, ...fingerprintOf(pair.cert), source };
}
