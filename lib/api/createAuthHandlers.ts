import 'server-only';
import { getAddress, isHex, type PublicClient } from 'viem';
import { parseSiweMessage } from 'viem/siwe';
import type { NonceStore } from '../auth/NonceStore';
import { createSessionToken, newSessionId, type Session } from '../auth/sessionToken';
import { errorResponse } from './httpErrors';
import { SESSION_COOKIE, type Pipeline } from './pipeline';
import { readJsonLimited } from './readJsonLimited';

const SESSION_HOURS = 8;
/** A sign-in message may be this far in the future (clock skew between wallet and server). */
const CLOCK_SKEW_MS = 60_000;

export type AuthDependencies = {
  pipeline: Pipeline;
  client: PublicClient;
  nonces: NonceStore;
  chainId: number;
  now?: () => number;
};

/**
 * Sign-In with Ethereum (EIP-4361): a nonce, a signed message bound to this site (from
 * configuration, never the request's Host), its URI and chain, verified once, exchanged for an
 * HttpOnly session cookie that signing out ends on the server too.
 */
export function createAuthHandlers(deps: AuthDependencies) {
  const now = deps.now ?? Date.now;
  const { site, sessionSecret, revocations } = deps.pipeline.config;

  function sessionCookie(token: string, maxAge: number): string {
    const secure = site.secureCookies ? '; Secure' : '';
    return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
  }

  /** Why a parsed sign-in message is not acceptable here, or null if it is. */
  function refusal(fields: ReturnType<typeof parseSiweMessage>): string | null {
    if (fields.domain !== site.domain) return 'This sign-in message was made for another site.';
    if (fields.uri === undefined || new URL(fields.uri, 'invalid:/').origin !== site.origin) {
      return 'This sign-in message names another site’s address.';
    }
    if (fields.chainId !== deps.chainId) return 'This sign-in message is for another network.';
    const issued = fields.issuedAt?.getTime();
    if (issued === undefined || Number.isNaN(issued)) return 'This sign-in message has no time of issue.';
    if (issued > now() + CLOCK_SKEW_MS)
      return 'This sign-in message is dated in the future. Check your device’s clock.';
    if (issued < now() - deps.nonces.lifetimeMs) return 'This sign-in message is too old. Sign in again.';
    if (fields.expirationTime && fields.expirationTime.getTime() <= now()) return 'This sign-in message has expired.';
    return null;
  }

  return {
    /** GET /api/auth/nonce */
    nonce: deps.pipeline.endpoint({ limit: 'auth' }, () =>
      Response.json({ nonce: deps.nonces.issue(now()) }, { headers: { 'cache-control': 'no-store' } }),
    ),

    /** POST /api/auth/verify with { message, signature } */
    verify: deps.pipeline.endpoint({ limit: 'auth', json: true }, async ({ request }) => {
      const body = await readJsonLimited<{ message?: unknown; signature?: unknown }>(request, 16 * 1024);
      if (!body.ok) return errorResponse(400, 'Send the signed sign-in message as JSON.');
      const { message, signature } = body.value;
      if (typeof message !== 'string' || typeof signature !== 'string' || !isHex(signature)) {
        return errorResponse(400, 'Send the sign-in message and its signature.');
      }
      const fields = parseSiweMessage(message);
      if (!fields.address || !fields.nonce) return errorResponse(400, 'That is not a sign-in message.');
      const refused = refusal(fields);
      if (refused) return errorResponse(401, refused);
      // Consumed before the signature check: a nonce is spent whatever the outcome.
      if (!(await deps.nonces.consume(fields.nonce, now()))) {
        return errorResponse(401, 'This sign-in request has expired or was already used. Sign in again.');
      }
      const valid = await deps.client.verifySiweMessage({
        message,
        signature,
        domain: site.domain,
        nonce: fields.nonce,
        time: new Date(now()),
      });
      if (!valid) return errorResponse(401, 'The signature does not match the sign-in message.');

      const expiresAt = Math.min(now() + SESSION_HOURS * 3_600_000, fields.expirationTime?.getTime() ?? Infinity);
      const session: Session = {
        id: newSessionId(),
        address: getAddress(fields.address),
        chainId: deps.chainId,
        expiresAt,
      };
      const token = createSessionToken(session, sessionSecret);
      return Response.json(
        { address: session.address },
        { headers: { 'set-cookie': sessionCookie(token, Math.floor((expiresAt - now()) / 1000)) } },
      );
    }),

    /** GET /api/auth/session */
    session: deps.pipeline.endpoint({ limit: 'read' }, ({ session }) =>
      session ? Response.json({ address: session.address }) : errorResponse(401, 'Not signed in.'),
    ),

    /** DELETE /api/auth/session — ends this session on the server, not only in this browser. */
    signOut: deps.pipeline.endpoint({ limit: 'auth' }, async ({ session }) => {
      if (session) await revocations.revoke(session.id, session.expiresAt, now());
      return new Response(null, { status: 204, headers: { 'set-cookie': sessionCookie('', 0) } });
    }),
  };
}
