import { getAddress, isAddress, type Address, type PublicClient } from 'viem';
import { disclosureAnchorsAbi } from '../../contracts-abi';
import type { DisclosureLog } from '../audit/DisclosureLog';
import type { LogAnchorer } from '../audit/logAnchors';
import { sessionOf } from './createAuthHandlers';
import { errorResponse } from './httpErrors';

export type DisclosureDependencies = {
  log: DisclosureLog;
  client: PublicClient;
  /** DisclosureAnchors, where the log's head is anchored; null if not deployed. */
  anchors: Address | null;
  /** Null when this server has no operator key to anchor with. */
  anchorer: LogAnchorer | null;
  sessionSecret: string;
  now?: () => number;
};

/** "Who read my records": a patient's own disclosures, and anchoring the log on demand. */
export function createDisclosureHandlers(deps: DisclosureDependencies) {
  const now = deps.now ?? Date.now;

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
    async list(request: Request): Promise<Response> {
      const session = sessionOf(request, deps.sessionSecret, now());
      if (!session) return errorResponse(401, 'Sign in to see who read your records.');
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
        { entries, logCount: head?.count ?? 0, anchoredCount },
        { headers: { 'cache-control': 'private, no-store' } },
      );
    },

    /** POST /api/disclosures/anchor — anchors the log's head on-chain now. */
    async anchorNow(request: Request): Promise<Response> {
      if (!sessionOf(request, deps.sessionSecret, now())) return errorResponse(401, 'Sign in to anchor the log.');
      if (!deps.anchorer) return errorResponse(503, 'This server is not configured to anchor its disclosure log.');
      return Response.json(await deps.anchorer.anchorNow());
    },
  };
}
