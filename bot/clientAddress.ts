// The client's address, for the limits: the socket's, or behind a trusted reverse proxy the one it forwarded.
import type restify from 'restify';

// A reverse proxy runs on this host or on the private network: only such a peer's
// X-Forwarded-For is believed (anyone else could write any address there).
const PROXY_PEER = /^(?:::ffff:)?(?:127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)|^::1$|^f[cd][0-9a-f]{2}:/i;

/**
 * The caller's address. Behind a reverse proxy (trustProxy, and the request comes from a loopback or
 * private address) the last X-Forwarded-For hop, which that proxy wrote; otherwise the socket's.
 */
export function clientIp(req: restify.Request, trustProxy: boolean): string {
  const peer = req.socket?.remoteAddress ?? 'unknown';
  if (!trustProxy || !PROXY_PEER.test(peer)) return peer;
  return String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean).at(-1) ?? peer;
}
