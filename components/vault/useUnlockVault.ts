'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Address } from 'viem';
import { useAccountSigner } from '@/components/hooks/useAccountSigner';
import { useAction } from '@/components/hooks/useAction';
import { useChainClient } from '@/components/hooks/useChainClient';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import type { OwnChartError } from '@/lib/errors/OwnChartError';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { markPhase } from '@/lib/perf/markPhase';
import { checkEncryptionKey, isUnregistered } from '@/lib/vault/checkEncryptionKey';
import { authKeys } from '@/lib/auth/queryKeys';
import { currentSession, signIn } from '@/lib/auth/siweClient';
import { registerEncryptionKey } from '@/lib/vault/actions';
import { readRegisteredKey } from '@/lib/vault/registeredKey';
import { useVault } from './VaultProvider';

export type UnlockState =
  | { status: 'locked' }
  | { status: 'working'; step: string }
  | { status: 'needs-registration'; keys: EncryptionKeyPair }
  | { status: 'failed'; error: OwnChartError };

/** Key derivation (X25519, HKDF): loaded when the person unlocks, not with every page that can. */
export const loadKeyDerivation = () =>
  Promise.all([import('@/lib/crypto/deriveEncryptionKey'), import('@/lib/crypto/encryptionKeyFromSignature')]);

/**
 * Unlocking: sign in to the storage server (SIWE), derive the encryption key from a signature over
 * the fixed EIP-712 message, and check it against the KeyDirectory. An account with no key yet
 * registers its public key in one transaction.
 */

export function useUnlockVault(account: Address) {
  const signer = useAccountSigner(account);
  const client = useChainClient();
  const { remember } = useVault();
  const queryClient = useQueryClient();
  const registration = useAction();
  const [state, setState] = useState<UnlockState>({ status: 'locked' });
  const chainId = chainConfig.chain.id;

  const unlock = useCallback(async () => {
    markPhase('unlock:start');
    try {
      if (!client) throw new Error('No connection to the chain');
      setState({ status: 'working', step: 'Signing in to the storage server…' });
      // Normally signed in on connecting (RainbowKit's adapter); not if that was dismissed or expired.
      if ((await currentSession()) !== account) {
        await signIn(account, chainId, signer.signMessage);
        await queryClient.invalidateQueries({ queryKey: authKeys.session });
      }
      setState({ status: 'working', step: 'Unlocking your encryption key…' });
      const registered = await readRegisteredKey(client, chainConfig, account);
      const settingUp = isUnregistered(registered);
      if (settingUp) {
        setState({
          status: 'working',
          step: 'Setting up your encryption key: your wallet asks you to sign the same message twice, to check it always gives the same key…',
        });
      }
      const [{ deriveEncryptionKey }, { keyDerivationTypedData }] = await loadKeyDerivation();
      const keys = await deriveEncryptionKey(() => signer.signTypedData(keyDerivationTypedData(chainId)), {
        settingUp,
      });
      if (checkEncryptionKey(keys, registered) === 'unregistered') {
        setState({ status: 'needs-registration', keys });
        return;
      }
      markPhase('unlock:keys');
      remember(account, keys);
    } catch (error) {
      setState({ status: 'failed', error: toOwnChartError(error) });
    }
  }, [account, chainId, client, signer, queryClient, remember]);

  const register = useCallback(
    async (keys: EncryptionKeyPair) => {
      const ok = await registration.send(registerEncryptionKey(chainConfig, { account, publicKey: keys.publicKey }));
      if (ok) remember(account, keys);
    },
    [account, registration, remember],
  );

  return { state, unlock, register, registration: registration.stage, registering: registration.busy };
}
