import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getAddress, isAddress, type Address } from 'viem';

/** A signed-in session; `id` lets signing out end this one session on the server. */
export type Session = { id: string; address: Address; chainId: number; expiresAt: number };

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** A fresh, unguessable session id. */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

/** A tamper-evident session token: base64url(JSON) + "." + HMAC-SHA256. */
export function createSessionToken(session: Session, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The session in `token` if its MAC is valid and it has not expired (`now` in ms), else null. */
export function readSessionToken(token: string | undefined, secret: string, now = Date.now()): Session | null {
  if (!token) return null;
  const [payload, mac] = token.split('.');
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session;
    if (typeof session.id !== 'string' || !isAddress(session.address)) return null;
    if (typeof session.expiresAt !== 'number' || now >= session.expiresAt) return null;
    return { ...session, address: getAddress(session.address) };
  } catch {
    return null;
  }
}
