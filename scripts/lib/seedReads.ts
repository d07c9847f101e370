import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { signInMessage } from '../../lib/auth/siweClient';
import { loadVaultRecords } from '../../lib/vault/loadVaultRecords';
import { listEnvelopes, readBlobs, readLeaves } from '../../lib/vault/vaultApi';
import { chainWriter } from './chainWriter';
import { registerEncryptionKey } from './seedRecords';

/**
 * Signs `privateKey`'s account in to the running app (Sign-In with Ethereum, as the wallet modal
 * does) and returns a fetch that, like the browser, resolves the app's relative URLs and carries
 * the session cookie.
 */
async function signedInFetch(appUrl: string, chainId: number, privateKey: Hex): Promise<typeof fetch> {
  const account = privateKeyToAccount(privateKey);
  const nodeFetch = globalThis.fetch;
  const url = (path: string | URL | Request) => new URL(String(path), appUrl);
  const { nonce } = (await (await nodeFetch(url('/api/auth/nonce'))).json()) as { nonce: string };
  const message = signInMessage({ address: account.address, chainId, nonce, origin: new URL(appUrl).origin });
  const verified = await nodeFetch(url('/api/auth/verify'), {
    method: 'POST',
    // A browser sends Origin on every POST; the server refuses state-changing requests without ours.
    headers: { 'content-type': 'application/json', origin: new URL(appUrl).origin },
    body: JSON.stringify({ message, signature: await account.signMessage({ message }) }),
  });
  if (!verified.ok) throw new Error(`sign-in as ${account.address} refused: HTTP ${verified.status}`);
  const cookie = verified.headers.get('set-cookie')!.split(';')[0]!;
  return (input, init) => {
    // Only the app's own relative URLs are the browser's; RPC calls pass through untouched.
    if (typeof input !== 'string' || !input.startsWith('/')) return nodeFetch(input, init);
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookie);
    headers.set('origin', new URL(appUrl).origin);
    return nodeFetch(url(input), { ...init, headers });
  };
}

/**
 * `reader` opens `patient`'s chart through the running app exactly as the browser does (chain
 * index, key envelopes, batch blob reads, decryption), so the server logs the reads in its
 * accounting of disclosures. Throws if any record they may read fails to open: the seeded world
 * checks itself.
 */
export async function readChartAs({
  appUrl,
  rpcUrl,
  readerKey,
  patient,
}: {
  appUrl: string;
  rpcUrl: string;
  readerKey: Hex;
  patient: Address;
}): Promise<number> {
  const { client, config, account } = chainWriter(rpcUrl, readerKey);
  const keys = await registerEncryptionKey(rpcUrl, readerKey);
  const browserFetch = await signedInFetch(appUrl, config.chain.id, readerKey);
  const nodeFetch = globalThis.fetch;
  // vaultApi speaks to the app with relative URLs, as in the browser; lend it this session.
  globalThis.fetch = browserFetch;
  try {
    const { records } = await loadVaultRecords(client, config, {
      patient,
      reader: account.address,
      keys,
      storage: { readLeaves, readBlobs, listEnvelopes },
    });
    const failed = records.filter((r) => r.problem);
    if (failed.length > 0) {
      throw new Error(
        `${failed.length} of ${records.length} records failed to open for ${account.address}: ${failed[0]!.problem}`,
      );
    }
    return records.length;
  } finally {
    globalThis.fetch = nodeFetch;
  }
}
