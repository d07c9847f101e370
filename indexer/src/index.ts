import { ponder, type Context } from 'ponder:registry';
import { log } from 'ponder:schema';
import type { AbiEvent, Hex } from 'viem';
import { chainConfig } from '../../lib/chain/chainConfig';
import { indexedContracts } from './indexedContracts';

/** What of an event the indexer keeps (the contracts are listed at run time, so not typed by name). */
type KeptEvent = {
  id: string;
  log: { address: Hex; logIndex: number; topics: readonly Hex[]; data: Hex };
  block: { number: bigint; hash: Hex; timestamp: bigint };
  transaction: { hash: Hex; transactionIndex: number };
};

/** Keeps one event's log as the chain holds it. */
async function keep({ event, context }: { event: KeptEvent; context: Context }) {
  const [topic0, topic1 = null, topic2 = null, topic3 = null] = event.log.topics;
  await context.db.insert(log).values({
    id: event.id,
    address: event.log.address.toLowerCase() as Hex,
    blockNumber: event.block.number,
    blockHash: event.block.hash,
    blockTimestamp: event.block.timestamp,
    logIndex: event.log.logIndex,
    transactionHash: event.transaction.hash,
    transactionIndex: event.transaction.transactionIndex,
    topic0: topic0!,
    topic1,
    topic2,
    topic3,
    data: event.log.data,
  });
}

for (const { name, abi } of indexedContracts(chainConfig)) {
  for (const item of abi) {
    if (item.type !== 'event') continue;
    const event = item as AbiEvent;
    // The registry is typed by the config's names; these come from the same list at run time.
    ponder.on(`${name}:${event.name}` as never, keep as never);
  }
}
