import 'server-only';
import { isRpcUnavailable } from '../errors/isRpcUnavailable';
import type { SessionRevocations } from '../db/sqlServerState';
import { isDatabaseUnavailable } from '../db/isDatabaseUnavailable';
import { readSessionToken, type Session } from '../auth/sessionToken';
import type { SiteConfig } from '../server/readSiteConfig';
import { errorResponse } from './httpErrors';
import type { RateLimitName, RateLimiter } from './rateLimits';

export const SESSION_COOKIE = 'ownchart_session';

export type PipelineConfig = {
  site: SiteConfig;
  sessionSecret: string;
  revocations: SessionRevocations;
  limiter: RateLimiter;
  /** Resolves once the shared database is migrated and reachable; awaited before every request. */
  ready?: () => Promise<void>;
  now?: () => number;
};

export type EndpointOptions = {
  /** Which rate-limit bucket the request counts against. */
  limit: RateLimitName;
  /** When set, a request without a session is refused with this sentence (401). */
  signIn?: string;
  /** The body must be JSON (`content-type: application/json`). */
  json?: boolean;
};

export type RequestContext = {
  request: Request;
  /** The signed-in session, or null where the endpoint allows none. */
  session: Session | null;
  /** What the rate limits count per client: the connecting address, as far as we can know it. */
  client: string;
};

export type SignedInContext = RequestContext & { session: Session };

export type Pipeline = {
  endpoint<A extends unknown[]>(
    options: EndpointOptions & { signIn: string },
    handler: (context: SignedInContext, ...args: A) => Promise<Response> | Response,
  ): (request: Request, ...args: A) => Promise<Response>;
  endpoint<A extends unknown[]>(
    options: EndpointOptions,
    handler: (context: RequestContext, ...args: A) => Promise<Response> | Response,
  ): (request: Request, ...args: A) => Promise<Response>;
  /** The session a request carries, if valid, unexpired and not signed out. */
  sessionOf(request: Request): Promise<Session | null>;
  config: PipelineConfig;
};

function cookieValue(request: Request, name: string): string | undefined {
  const cookies = request.headers.get('cookie') ?? '';
  for (const part of cookies.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function clientAddress(request: Request, site: SiteConfig): string {
  const forwarded = (request.headers.get('x-forwarded-for') ?? '').split(',').map((part) => part.trim());
  // Behind our own proxy, the hop it appended is the client; without one, Next fills the header
  // from the socket only when the client sent none, so this is a best effort, and the per-account
  // limits are what cannot be dodged.
  const address = site.trustProxy ? forwarded.at(-1) : forwarded[0];
  return address || 'unknown';
}

/**
 * One path for every route handler: session → origin check → content type → rate limit →
 * handler → errors as FHIR OperationOutcome (an unreachable node is 503, anything else 500 with a
 * sentence, never an empty body). A route cannot skip a step because there is no other way to
 * build one.
 */
export function createPipeline(config: PipelineConfig): Pipeline {
  const now = config.now ?? Date.now;

  async function sessionOf(request: Request): Promise<Session | null> {
    const session = readSessionToken(cookieValue(request, SESSION_COOKIE), config.sessionSecret, now());
    return session && !(await config.revocations.isRevoked(session.id)) ? session : null;
  }

  function endpoint<A extends unknown[]>(
    options: EndpointOptions,
    handler: (context: RequestContext, ...args: A) => Promise<Response> | Response,
  ) {
    return async (request: Request, ...args: A): Promise<Response> => {
      try {
        return await handle(request, ...args);
      } catch (error) {
        if (isRpcUnavailable(error)) {
          return errorResponse(
            503,
            'The blockchain node cannot be reached, so access cannot be checked. Try again shortly.',
            { 'retry-after': '5' },
          );
        }
        if (isDatabaseUnavailable(error)) {
          console.error(`${request.method} ${new URL(request.url).pathname}: database unavailable:`, error);
          return errorResponse(
            503,
            'OwnChart’s storage cannot be reached just now. Try again shortly: what was already saved is kept.',
            { 'retry-after': '5' },
          );
        }
        console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error);
        return errorResponse(
          500,
          'The server could not complete this request. Try again: what was already saved is kept.',
        );
      }
    };

    async function handle(request: Request, ...args: A): Promise<Response> {
      await config.ready?.();
      const session = await sessionOf(request);
      if (options.signIn && !session) return errorResponse(401, options.signIn);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        // CSRF: a state-changing request must come from our own pages. Browsers always send
        // Origin on these; a missing one is refused too.
        if (request.headers.get('origin') !== config.site.origin) {
          return errorResponse(403, 'This request did not come from the OwnChart site.');
        }
        if (options.json && !(request.headers.get('content-type') ?? '').startsWith('application/json')) {
          return errorResponse(415, 'Send this request as JSON (content-type: application/json).');
        }
      }
      const client = clientAddress(request, config.site);
      const wait = await config.limiter.consume(options.limit, { account: session?.address ?? null, client });
      if (wait !== null) {
        return errorResponse(429, `Too many requests. Try again in ${wait} seconds.`, { 'retry-after': String(wait) });
      }
      return handler({ request, session, client }, ...args);
    }
  }

  return { endpoint: endpoint as Pipeline['endpoint'], sessionOf, config };
}
