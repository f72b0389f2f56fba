// Whether an address given to listen on stays inside this machine. Only those may carry plain text.
import net from 'node:net';

export function isLoopbackAddress(host: string): boolean {
  if (host === 'localhost') return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  if (net.isIPv6(host)) {
    const lower = host.toLowerCase();
    return lower === '::1' || /^::ffff:127\./.test(lower);
  }
  return false;
}
