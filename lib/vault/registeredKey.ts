import { hexToBytes, zeroHash, type Address, type Hex } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { keyDirectoryAbi } from '../../contracts-abi';
import type { ChainConfig } from '../chain/readChainConfig';
import { OwnChartError } from '../errors/OwnChartError';
import { vaultContracts } from './vaultContracts';

/** The account's encryption public key as KeyDirectory holds it: 32 bytes, zero when none. */
export function readRegisteredKey(client: ChainReader, config: ChainConfig, account: Address): Promise<Hex> {
  return client.readContract({
    address: vaultContracts(config).keyDirectory,
    abi: keyDirectoryAbi,
    functionName: 'keyOf',
    args: [account],
  });
}

/** The account's registered encryption public key, or a clear error when it has none. */
export async function registeredPublicKey(client: ChainReader, config: ChainConfig, account: Address) {
  const key = await readRegisteredKey(client, config, account);
  if (key === zeroHash) {
    throw new OwnChartError('This account has not set up encryption, so nothing can be sealed to it.');
  }
  return hexToBytes(key);
}
