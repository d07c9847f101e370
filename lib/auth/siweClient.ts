import { getAddress, type Address, type Hex } from 'viem';
import { createSiweMessage } from 'viem/siwe';
import { call, json, ServerRequestError } from '../api/serverRequest';

/**
 * The browser side of Sign-In with Ethereum against /api/auth: RainbowKit's authentication adapter
 * and the vault's unlock step both use these.
 */
export async function fetchNonce(): Promise<string> {
  return ((await (await call('/api/auth/nonce')).json()) as { nonce: string }).nonce;
}

/** The EIP-4361 message for this site (or `origin`), chain and nonce, valid for 8 hours. */
export function signInMessage({
  address,
  chainId,
  nonce,
  origin = window.location.origin,
}: {
  address: Address;
  chainId: number;
  nonce: string;
  origin?: string;
}) {
  return createSiweMessage({
    address: getAddress(address),
    chainId,
    domain: new URL(origin).host,
    uri: origin,
    nonce,
    version: '1',
    statement: 'Sign in to OwnChart to store and read encrypted records.',
    expirationTime: new Date(Date.now() + 8 * 3_600_000),
  });
}

export async function verifySignIn(message: string, signature: Hex): Promise<void> {
  await call('/api/auth/verify', json({ message, signature }));
}

export async function signOut(): Promise<void> {
  await call('/api/auth/session', { method: 'DELETE' });
}

/** The address signed in to the storage server in this browser, or null. */
export async function currentSession(): Promise<Address | null> {
  try {
    return ((await (await call('/api/auth/session')).json()) as { address: Address }).address;
  } catch (error) {
    if (error instanceof ServerRequestError && error.status === 401) return null;
    throw error;
  }
}

/** Sign-In with Ethereum: one signed message for a session cookie, bound to this site and chain. */
export async function signIn(
  address: Address,
  chainId: number,
  signMessage: (message: string) => Promise<Hex>,
): Promise<void> {
  const message = signInMessage({ address, chainId, nonce: await fetchNonce() });
  await verifySignIn(message, await signMessage(message));
}
