'use client';

import { useMemo } from 'react';
import type { Address, TypedDataDefinition } from 'viem';
import { useConfig } from 'wagmi';
import { signMessage, signTypedData } from 'wagmi/actions';

/** The connected wallet's two signing prompts, for `account`: a plain message and EIP-712 data. */
export function useAccountSigner(account: Address) {
  const config = useConfig();
  return useMemo(
    () => ({
      signMessage: (message: string) => signMessage(config, { account, message }),
      signTypedData: (data: TypedDataDefinition) => signTypedData(config, { account, ...data } as never),
    }),
    [config, account],
  );
}
