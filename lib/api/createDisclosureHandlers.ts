import 'server-only';
import { getAddress, isAddress, type Address, type PublicClient } from 'viem';
import { disclosureAnchorsAbi } from '../../contracts-abi';
import type { DisclosureLog } from '../audit/DisclosureLog';
import type { LogAnchorer } from '../audit/logAnchors';
import { errorResponse } from './httpErrors';
import type { Pipeline } from './pipeline';

export type DisclosureDependencies = {
  pipeline: Pipeline;
  log: DisclosureLog;
  client: PublicClient;
  /** DisclosureAnchors, where the log's head is anchored; null if not deployed. */
  anchors: Address | null;
  /** Null when this server has no operator key to anchor with. */
  anchorer: LogAnchorer | null;
  /** Least time between on-demand anchors, whoever asks (each is a transaction the operator pays). */
  minAnchorIntervalMs?: number;
  now?: () => number;
};

/** On demand, the operator sends at most one anchoring transaction per ten minutes. */
export const MIN_ANCHOR_INTERVAL_MS = 10 * 60_000;

/** "Who read my records": a patient's own disclosures, and anchoring the log on demand. */
export function createDisclosureHandlers(deps: DisclosureDependencies) {
  const now = deps.now ?? Date.now;
  const minInterval = deps.minAnchorIntervalMs ?? MIN_ANCHOR_INTERVAL_MS;
  let lastOnDemand = -Infinity;
  async function anchored(): Promise<number> {
    if (!deps.anchors) return 0;
    const [count] = await deps.client.readContract({
      address: deps.anchors,
      abi: disclosureAnchorsAbi,
      functionName: 'latest',
    });
    return Number(count);
  }

  return {
    /** GET /api/disclosures?patient=0x… — only the patient themself. */
    list: deps.pipeline.endpoint(
      { limit: 'read', signIn: 'Sign in to see who read your records.' },
      async ({ request, session }) => {
        const patient = new URL(request.url).searchParams.get('patient') ?? '';
        if (!isAddress(patient)) return errorResponse(400, 'Say whose disclosures you want.');
        if (getAddress(patient) !== session.address)
          return errorResponse(403, 'Only the patient can see who read their records.');
        const [entries, head, anchoredCount] = await Promise.all([
          deps.log.forPatient(session.address),
          deps.log.head(),
          anchored(),
        ]);
        return Response.json(
          // The server's clock, so a browser judges "since" on the clock the entries carry.
          { entries, logCount: head?.count ?? 0, anchoredCount, serverTime: now() },
          { headers: { 'cache-control': 'private, no-store' } },
        );
      },
    ),

    /**
     * POST /api/disclosures/anchor — anchors the log's head on-chain now. Each anchor is a
     * transaction the operator pays for, so only a patient with entries of their own not yet
     * anchored may ask, a few times an hour (the 'anchor' rate limit), and at most one anchor is
     * sent on demand per interval whoever asks (many accounts asking in turn change nothing).
     */
    anchorNow: deps.pipeline.endpoint(
      { limit: 'anchor', signIn: 'Sign in to anchor the log.' },
      async ({ session }) => {
        if (!deps.anchorer) return errorResponse(503, 'This server is not configured to anchor its disclosure log.');
        const [mine, anchoredCount] = await Promise.all([deps.log.forPatient(session.address), anchored()]);
        if (!mine.some((entry) => entry.seq >= anchoredCount)) {
          return errorResponse(409, 'Every record of who read your records is already sealed on the blockchain.');
        }
        const wait = Math.ceil((lastOnDemand + minInterval - now()) / 1000);
        if (wait > 0) {
          return errorResponse(429, `The log was sealed on request moments ago. Try again in ${wait} seconds.`, {
            'retry-after': String(wait),
          });
        }
        const previous = lastOnDemand;
        lastOnDemand = now();
        try {
          return Response.json(await deps.anchorer.anchorNow());
        } catch (error) {
          // Nothing was anchored: the next request may try again at once.
          lastOnDemand = previous;
          throw error;
        }
      },
    ),
  };
}
