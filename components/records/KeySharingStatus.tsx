'use client';

import type { Address } from 'viem';
import { useKeySync } from '@/components/hooks/useKeySync';
import { Address as AddressText } from '@/components/ui/Address';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';

/**
 * Shares category keys with everyone the patient has granted (again after every grant, revoke or
 * caregiver change) and says where that stands.
 */
export function KeySharingStatus({ patient, keys }: { patient: Address; keys: EncryptionKeyPair }) {
  const sync = useKeySync(patient, keys);
  return (
    <div role="status" aria-live="polite" className="text-sm">
      {sync.isFetching && <p>Sharing record keys with the people you have granted…</p>}
      {!sync.isFetching && sync.isError && (
        <p className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
          <strong>Record keys could not be shared. </strong>
          {toOwnChartError(sync.error).shortMessage}{' '}
          <button type="button" className="btn-secondary" onClick={() => sync.refetch()}>
            Retry sharing keys
          </button>
        </p>
      )}
      {!sync.isFetching && sync.data && (
        <>
          {sync.data.unusableKey.length === 0 && (
            <p>
              <span aria-hidden="true">✓ </span>Record keys are shared with everyone you have granted who has set up
              encryption
              {sync.data.shared > 0 ? ` (${sync.data.shared} new key${sync.data.shared === 1 ? '' : 's'} shared)` : ''}.
            </p>
          )}
          {sync.data.repaired > 0 && (
            <p>
              {sync.data.repaired} stored key{sync.data.repaired === 1 ? ' was' : 's were'} not sealed by you (damaged
              or stored by someone else in your name) and {sync.data.repaired === 1 ? 'has' : 'have'} been replaced.
            </p>
          )}
          {sync.data.unusableKey.map((grantee) => (
            <p key={grantee} className="text-red-900">
              <span aria-hidden="true">⚠ </span>
              <AddressText address={grantee} /> has registered an encryption key that nothing can be sealed to safely,
              so they were given no keys. Everyone else was. Ask them to set up encryption again.
            </p>
          ))}
          {sync.data.awaitingKey.map((grantee) => (
            <p key={grantee}>
              <AddressText address={grantee} /> has not set up encryption yet; they get keys once they have and you open
              OwnChart again.
            </p>
          ))}
        </>
      )}
    </div>
  );
}
