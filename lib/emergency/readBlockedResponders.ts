import { parseEventLogs, type Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { emergencyAccessAbi } from '../../contracts-abi';
import type { ChainConfig } from '../chain/readChainConfig';

/**
 * The responders `patient` has stopped from breaking glass (by ending their access, or by
 * blocking them), each once: candidates from the ResponderBlocked events (one eth_getLogs), the
 * answer from the contract itself (one multicall), so a node that drops a log cannot hide a block.
 */
export async function readBlockedResponders(
  client: ChainReader,
  config: ChainConfig,
  patient: Address,
): Promise<Address[]> {
  const address = config.emergencyAccess;
  if (!address) return [];
  const logs = await client.getLogs({
    address,
    event: emergencyAccessAbi.find((e) => e.type === 'event' && e.name === 'ResponderBlocked')!,
    args: { patient },
    fromBlock: config.deployBlock,
  });
  const candidates = [
    ...new Set(
      parseEventLogs({ abi: emergencyAccessAbi, eventName: 'ResponderBlocked', logs }).map((l) => l.args.responder),
    ),
  ];
  if (candidates.length === 0) return [];
  const blocked = await client.multicall({
    allowFailure: false,
    contracts: candidates.map(
      (responder) =>
        ({ address, abi: emergencyAccessAbi, functionName: 'isBlocked', args: [patient, responder] }) as const,
    ),
  });
  return candidates.filter((_, i) => blocked[i]);
}
