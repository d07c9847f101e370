import { index, onchainTable } from 'ponder';

/**
 * Every event of OwnChart's contracts as the raw log: the app's history reads filter these by
 * contract and topics exactly as eth_getLogs would, so both ways give the same history.
 */
export const log = onchainTable(
  'log',
  (t) => ({
    id: t.text().primaryKey(),
    address: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    blockHash: t.hex().notNull(),
    blockTimestamp: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    transactionHash: t.hex().notNull(),
    transactionIndex: t.integer().notNull(),
    topic0: t.hex().notNull(),
    topic1: t.hex(),
    topic2: t.hex(),
    topic3: t.hex(),
    data: t.hex().notNull(),
  }),
  (table) => ({
    // History is read by contract and event, then by patient (topic 1) or the other party (topic 2).
    byTopic1: index().on(table.address, table.topic0, table.topic1),
    byTopic2: index().on(table.address, table.topic0, table.topic2),
    byBlock: index().on(table.blockNumber, table.logIndex),
  }),
);
