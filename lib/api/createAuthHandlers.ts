import { getAddress, type PublicClient } from 'viem';
import { parseSiweMessage } from 'viem/siwe';
import type { NonceStore } from '../auth/NonceStore';
import { createSessionToken, readSessionToken, type Session } from '../auth/sessionToken';
import { errorResponse } from './httpErrors';

export const SESSION_COOKIE = 'ownchart_session';
const SESSION_HOURS = 8;

export type AuthDependencies = {
  client: PublicClient;
  nonces: NonceStore;
  sessionSecret: string;
  /** The host (RFC 3986 authority) messages must name, e.g. "127.0.0.1:3000". */
  domain: string;
  chainId: number;
  now?: () => number;
};

function cookieValue(request: Request, name: string): string | undefined {
  const cookies = request.headers.get('cookie') ?? '';
  for (const part of cookies.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** The signed-in session of a request, or null. */
export function sessionOf(request: Request, secret: string, now = Date.now()): Session | null {
  return readSessionToken(cookieValue(request, SESSION_COOKIE), secret, now);
}

function sessionCookie(request: Request, token: string, maxAge: number): string {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
}

/**
 * Sign-In with Ethereum (EIP-4361): a nonce, a signed message bound to this domain and chain,
 * verified once, exchanged for an HttpOnly session cookie.
 */
export function createAuthHandlers(deps: AuthDependencies) {
  const now = deps.now ?? Date.now;

  return {
    /** GET /api/auth/nonce */
    nonce(): Response {
      return Response.json({ nonce: deps.nonces.issue(now()) }, { headers: { 'cache-control': 'no-store' } });
    },

    /** POST /api/auth/verify with { message, signature } */
    async verify(request: Request): Promise<Response> {
      let body: { message?: unknown; signature?: unknown };
      try {
        body = (await request.json()) as typeof body;
      } catch {
        return errorResponse(400, 'Send the signed sign-in message as JSON.');
      }
      if (typeof body.message !== 'string' || typeof body.signature !== 'string' || !body.signature.startsWith('0x')) {
        return errorResponse(400, 'Send the sign-in message and its signature.');
      }
      const fields = parseSiweMessage(body.message);
      if (!fields.address || !fields.nonce) return errorResponse(400, 'That is not a sign-in message.');
      if (fields.domain !== deps.domain) return errorResponse(401, 'This sign-in message was made for another site.');
      if (fields.chainId !== deps.chainId) return errorResponse(401, 'This sign-in message is for another network.');
      // Consumed before the signature check: a nonce is spent whatever the outcome.
      if (!deps.nonces.consume(fields.nonce, now())) {
        return errorResponse(401, 'This sign-in request has expired or was already used. Sign in again.');
      }
      const valid = await deps.client.verifySiweMessage({
        message: body.message,
        signature: body.signature as `0x${string}`,
        domain: deps.domain,
        nonce: fields.nonce,
        time: new Date(now()),
      });
      if (!valid) return errorResponse(401, 'The signature does not match the sign-in message.');

      const expiresAt = Math.min(now() + SESSION_HOURS * 3_600_000, fields.expirationTime?.getTime() ?? Infinity);
      const session: Session = { address: getAddress(fields.address), chainId: deps.chainId, expiresAt };
      const token = createSessionToken(session, deps.sessionSecret);
      return Response.json(
        { address: session.address },
        { headers: { 'set-cookie': sessionCookie(request, token, Math.floor((expiresAt - now()) / 1000)) } },
      );
    },

    /** GET /api/auth/session */
    session(request: Request): Response {
      const session = sessionOf(request, deps.sessionSecret, now());
      return session ? Response.json({ address: session.address }) : errorResponse(401, 'Not signed in.');
    },

    /** DELETE /api/auth/session */
    signOut(request: Request): Response {
      return new Response(null, { status: 204, headers: { 'set-cookie': sessionCookie(request, '', 0) } });
    },
  };
}
