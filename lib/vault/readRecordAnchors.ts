import { encodeAbiParameters, getAddress, parseAbiParameters, keccak256, zeroHash, type Address, type Hex } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { recordRootsAbi } from '../../contracts-abi';
import { OwnChartError } from '../errors/OwnChartError';

/** One import (or one added record) as the chain holds it: a root, who anchored it and when. */
export type RecordAnchor = {
  root: Hex;
  author: Address;
  /** Categories the author could write at that moment; leaves outside it are refused. */
  writeScope: number;
  /** Seconds since the epoch (block time). */
  anchoredAt: number;
};

/** What a reader already verified of a patient's chain, to read only what is new next time. */
export type VerifiedAnchors = { head: Hex; block: bigint; anchors: RecordAnchor[] };

const HEAD_INPUTS = parseAbiParameters('bytes32, bytes32, address, uint32, uint40');

/** The head after `anchor`, as RecordRoots computes it. */
export function nextHead(head: Hex, { root, author, writeScope, anchoredAt }: RecordAnchor): Hex {
  return keccak256(encodeAbiParameters(HEAD_INPUTS, [head, root, author, writeScope, anchoredAt]));
}

/**
 * Every root anchored for `patient`, oldest first, proven complete: the `RecordsAnchored` events
 * (one eth_getLogs, filtered by patient) replayed into a hash chain must give the head the
 * contract holds at the same block. A node that drops, reorders or invents an event is caught
 * here (one that lies about the head itself is trusted, as for all chain state). `known` (an
 * earlier result) limits the scan to newer blocks; when the head has not moved it costs two calls
 * (block number and head). A chain that no longer extends what was known is read again whole.
 */
export async function readRecordAnchors(
  client: ChainReader,
  { recordRoots, deployBlock }: { recordRoots: Address; deployBlock: bigint },
  patient: Address,
  known?: VerifiedAnchors,
): Promise<VerifiedAnchors> {
  // Not viem's cached block number: a root anchored a moment ago must count.
  const block = await client.getBlockNumber({ cacheTime: 0 });
  const head = await client.readContract({
    address: recordRoots,
    abi: recordRootsAbi,
    functionName: 'headOf',
    args: [patient],
    blockNumber: block,
  });
  // A chain that went back (a reorganisation, or a test node reverted) invalidates what was known.
  if (known && block < known.block) return readRecordAnchors(client, { recordRoots, deployBlock }, patient);
  if (known && known.head === head) return { ...known, block };
  const from = known ? known.block + 1n : deployBlock;
  const logs =
    (head === zeroHash && !known) || from > block
      ? []
      : await client.getContractEvents({
          address: recordRoots,
          abi: recordRootsAbi,
          eventName: 'RecordsAnchored',
          args: { patient },
          fromBlock: from,
          toBlock: block,
          strict: true,
        });
  let replayed: Hex = known?.head ?? zeroHash;
  const anchors = [...(known?.anchors ?? [])];
  for (const log of logs) {
    const anchor: RecordAnchor = {
      root: log.args.root,
      author: getAddress(log.args.author),
      writeScope: log.args.writeScope,
      anchoredAt: log.args.anchoredAt,
    };
    replayed = nextHead(replayed, anchor);
    anchors.push(anchor);
  }
  if (replayed !== head) {
    // What was known may have been reorganised away: read the whole chain once before refusing.
    if (known) return readRecordAnchors(client, { recordRoots, deployBlock }, patient);
    throw new OwnChartError('The list of this patient’s records read from the chain is incomplete.', {
      details:
        'The blockchain node returned anchors that do not add up to the anchor chain the contract holds, so nothing is shown rather than a partial chart. Try again, or use another RPC node.',
    });
  }
  return { head, block, anchors };
}
