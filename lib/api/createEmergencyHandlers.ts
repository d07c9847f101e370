import 'server-only';
import { getAddress, isAddress, isHex, type Address, type PublicClient } from 'viem';
import { emergencyAccessAbi } from '../../contracts-abi';
import { isReasonCode, reasonCommitment } from '../emergency/reasonCommitment';
import type { EmergencyReasonStore } from '../storage/EmergencyReasonStore';
import { errorResponse } from './httpErrors';
import type { Pipeline } from './pipeline';
import { readJsonLimited } from './readJsonLimited';

export type EmergencyDependencies = {
  pipeline: Pipeline;
  /** Revealed reasons, per patient. */
  reasons: EmergencyReasonStore;
  client: PublicClient;
  emergencyAccess: Address;
};

/**
 * Break-glass reasons, kept off-chain: the responder reveals the code and salt behind the
 * commitment their window carries; only the patient reads them back.
 */
export function createEmergencyHandlers(deps: EmergencyDependencies) {
  return {
    /** POST /api/emergency/reasons with { patient, code, salt } — by the responder of an open window. */
    reveal: deps.pipeline.endpoint(
      { limit: 'write', json: true, signIn: 'Sign in to record the reason for emergency access.' },
      async ({ request, session }) => {
        const body = await readJsonLimited<{ patient?: unknown; code?: unknown; salt?: unknown }>(request, 1024);
        if (!body.ok) return errorResponse(400, 'Send the reason as JSON.');
        const { patient, code, salt } = body.value;
        if (typeof patient !== 'string' || !isAddress(patient) || !isReasonCode(code)) {
          return errorResponse(400, 'Say which patient and which reason.');
        }
        if (typeof salt !== 'string' || !isHex(salt) || salt.length !== 66) {
          return errorResponse(400, 'Send the 32-byte salt the reason was committed with.');
        }
        const window = await deps.client.readContract({
          address: deps.emergencyAccess,
          abi: emergencyAccessAbi,
          functionName: 'windowOf',
          args: [getAddress(patient), session.address],
        });
        const commitment = reasonCommitment({ patient: getAddress(patient), responder: session.address, code, salt });
        if (window.reasonCommitment !== commitment) {
          return errorResponse(422, 'This reason does not match the one your emergency access committed to.');
        }
        const stored = await deps.reasons.list(patient.toLowerCase());
        // Revealing again adds nothing: one line per window, whoever retries.
        if (!stored.some((r) => r.commitment === commitment && r.responder === session.address)) {
          await deps.reasons.add(patient.toLowerCase(), [{ commitment, responder: session.address, code }]);
        }
        return new Response(null, { status: 204 });
      },
    ),

    /** GET /api/emergency/reasons?patient=0x… — the patient only. */
    list: deps.pipeline.endpoint(
      { limit: 'read', signIn: 'Sign in to see why your records were opened.' },
      async ({ request, session }) => {
        const patient = new URL(request.url).searchParams.get('patient') ?? '';
        if (!isAddress(patient)) return errorResponse(400, 'Say whose emergency reasons you want.');
        if (getAddress(patient) !== session.address) {
          return errorResponse(403, 'Only the patient can see why emergency access was opened.');
        }
        return Response.json(
          { reasons: await deps.reasons.list(patient.toLowerCase()) },
          { headers: { 'cache-control': 'private, no-store' } },
        );
      },
    ),
  };
}
