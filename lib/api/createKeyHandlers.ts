import 'server-only';
import { base64 } from '@scure/base';
import { getAddress, isAddress, type Address, type PublicClient } from 'viem';
import { emergencyAccessAbi } from '../../contracts-abi';
import type { ChainAuthorizationConfig } from '../auth/chainAuthorization';
import { canReadCategory, readReaderAccess } from '../auth/readerAccess';
import type { DisclosureRecorder } from '../audit/DisclosureRecorder';
import type { KeyEnvelopeStore } from '../storage/KeyEnvelopeStore';
import { ENVELOPE_BOX_BYTES, type KeyEnvelope } from '../vault/keyEnvelope';
import { errorResponse } from './httpErrors';
import type { Pipeline } from './pipeline';
import { readJsonLimited } from './readJsonLimited';

/** 9 categories × a few versions × dozens of grantees fits many times over. */
export const MAX_ENVELOPE_REQUEST_BYTES = 256 * 1024;
const MAX_ENVELOPES_PER_REQUEST = 1_000;

export type KeyDependencies = {
  pipeline: Pipeline;
  store: KeyEnvelopeStore;
  /** Where every key handed to someone other than the patient is recorded before it is served. */
  disclosures: DisclosureRecorder;
  client: PublicClient;
  chain: ChainAuthorizationConfig;
  now?: () => number;
};

function isEnvelope(value: unknown): value is KeyEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const { recipient, category, version, box } = value as Record<string, unknown>;
  if (typeof recipient !== 'string' || !isAddress(recipient)) return false;
  if (!Number.isInteger(category) || (category as number) < 0 || (category as number) > 31) return false;
  // Versions count key rotations; the store keeps them as 32-bit integers.
  if (!Number.isInteger(version) || (version as number) < 0 || (version as number) > 2 ** 31 - 1) return false;
  if (typeof box !== 'string') return false;
  try {
    return base64.decode(box).length === ENVELOPE_BOX_BYTES;
  } catch {
    return false;
  }
}

/**
 * Key envelopes: category keys sealed by a patient to each grantee. Only the patient stores them,
 * and only for someone who can read that category now; a grantee gets back only envelopes for
 * categories their grant covers at the moment of asking, so a revoke or expiry ends it at once.
 */
export function createKeyHandlers(deps: KeyDependencies) {
  const now = deps.now ?? Date.now;

  /**
   * Categories a patient may seal ahead of time to an emergency responder: those in the patient's
   * emergency policy, if the recipient is a registered responder. They are released only while a
   * break-glass window is open (see `list`).
   */
  async function emergencyCategories(recipient: Address, patient: Address): Promise<number> {
    if (!deps.chain.emergencyAccess) return 0;
    const [institution, policy] = await deps.client.multicall({
      allowFailure: false,
      contracts: [
        {
          address: deps.chain.emergencyAccess,
          abi: emergencyAccessAbi,
          functionName: 'institutionOf',
          args: [recipient],
        },
        { address: deps.chain.emergencyAccess, abi: emergencyAccessAbi, functionName: 'policyOf', args: [patient] },
      ],
    });
    return institution === '0x0000000000000000000000000000000000000000' ? 0 : policy.categories;
  }

  return {
    /** POST /api/keys with { patient, envelopes: KeyEnvelope[] } */
    store: deps.pipeline.endpoint(
      { limit: 'write', json: true, signIn: 'Sign in to share keys.' },
      async ({ request, session }) => {
        const body = await readJsonLimited<{ patient?: unknown; envelopes?: unknown }>(
          request,
          MAX_ENVELOPE_REQUEST_BYTES,
        );
        if (!body.ok) {
          return body.status === 413
            ? errorResponse(413, 'Too many keys in one request.')
            : errorResponse(400, 'Send the keys as JSON.');
        }
        const { patient, envelopes } = body.value;
        if (typeof patient !== 'string' || !isAddress(patient)) return errorResponse(400, 'Say whose keys these are.');
        if (
          !Array.isArray(envelopes) ||
          envelopes.length === 0 ||
          envelopes.length > MAX_ENVELOPES_PER_REQUEST ||
          !envelopes.every(isEnvelope)
        ) {
          return errorResponse(400, 'The keys are not in the expected form.');
        }
        if (session.address !== getAddress(patient))
          return errorResponse(403, 'Only the patient can share their keys.');

        // Each recipient must be able to read that category right now.
        const byRecipient = new Map<Address, KeyEnvelope[]>();
        for (const envelope of envelopes) {
          const recipient = getAddress(envelope.recipient);
          byRecipient.set(recipient, [...(byRecipient.get(recipient) ?? []), envelope]);
        }
        for (const [recipient, theirs] of byRecipient) {
          const access = await readReaderAccess(deps.client, deps.chain, {
            reader: recipient,
            patient: session.address,
          });
          const preShared = await emergencyCategories(recipient, session.address);
          if (theirs.some((e) => !canReadCategory(access, e.category) && (preShared & (1 << e.category)) === 0)) {
            return errorResponse(403, `${recipient} has no access to every category these keys are for.`);
          }
        }
        await deps.store.add(
          session.address,
          envelopes.map((e) => ({ ...e, recipient: getAddress(e.recipient) })),
        );
        return new Response(null, { status: 204 });
      },
    ),

    /** GET /api/keys?patient=0x… — the patient sees every envelope; a grantee their own, within their grant. */
    list: deps.pipeline.endpoint({ limit: 'read', signIn: 'Sign in to read keys.' }, async ({ request, session }) => {
      const patient = new URL(request.url).searchParams.get('patient') ?? '';
      if (!isAddress(patient)) return errorResponse(400, 'Say whose keys you want.');
      const owner: Address = getAddress(patient);
      if (session.address === owner) return Response.json({ envelopes: await deps.store.list(owner) }, noStore);

      const theirs = await deps.store.list(owner, session.address);
      const { bases } = await readReaderAccess(deps.client, deps.chain, { reader: session.address, patient: owner });
      const live = theirs.filter((e) => bases.has(e.category));
      if (theirs.length > 0 && live.length === 0) {
        return errorResponse(403, 'Your access to these records has ended.');
      }
      await deps.disclosures.record(
        live.map((e) => ({
          patient: owner,
          reader: session.address,
          kind: 'key' as const,
          category: e.category,
          contentHash: null,
          basis: bases.get(e.category)!,
          at: now(),
        })),
      );
      return Response.json({ envelopes: live }, noStore);
    }),
  };
}

const noStore = { headers: { 'cache-control': 'private, no-store' } };
