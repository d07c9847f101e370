import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { chainConfig } from '../../../lib/chain/chainConfig';
import { indexedContracts } from '../indexedContracts';
import { db } from 'ponder:api';
import { log } from 'ponder:schema';
import { and, asc, eq, gte, inArray, lte } from 'ponder';
import { MAX_LOGS, parseLogQuery, toRpcLog, type LogQuery } from './logQuery';

const topicColumns = [log.topic0, log.topic1, log.topic2, log.topic3] as const;

type Condition = ReturnType<typeof eq>;

/** The SQL condition for one query: the same filter eth_getLogs applies. */
function whereOf(query: LogQuery) {
  const conditions: Condition[] = [
    inArray(log.address, query.addresses),
    gte(log.blockNumber, query.fromBlock),
    lte(log.blockNumber, query.toBlock),
  ];
  query.topics.forEach((wanted, position) => {
    const column = topicColumns[position]!;
    if (wanted === null) return;
    conditions.push(wanted.length === 1 ? eq(column, wanted[0]!) : inArray(column, wanted));
  });
  return and(...conditions);
}

const app = new Hono();

/**
 * GET /coverage: which chain and contracts this indexer holds, each from which block. A client
 * built for other contracts (a redeploy, a missing address, a later start block) asks the chain
 * for those instead of taking an empty answer here for "no history".
 */
app.get('/coverage', (c) =>
  c.json({
    chainId: chainConfig.chain.id,
    contracts: indexedContracts(chainConfig).map(({ address }) => ({
      address: address.toLowerCase(),
      startBlock: Number(chainConfig.deployBlock),
    })),
  }),
);

/**
 * POST /logs with an eth_getLogs filter ({ address, topics, fromBlock, toBlock }, block numbers as
 * hex): the logs indexed in that range, in the RPC's form and order. The caller bounds toBlock by
 * what GET /status says is indexed, and reads anything later from the chain.
 */
app.post('/logs', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
  const query = parseLogQuery(await c.req.json().catch(() => null));
  if (typeof query === 'string') return c.json({ error: query }, 400);
  // One more than allowed, to know the answer would be too long: the client then reads the chain.
  const rows = await db
    .select()
    .from(log)
    .where(whereOf(query))
    .orderBy(asc(log.blockNumber), asc(log.logIndex))
    .limit(MAX_LOGS + 1);
  if (rows.length > MAX_LOGS) return c.json({ error: `More than ${MAX_LOGS} logs: ask for a narrower range.` }, 413);
  return c.json(rows.map(toRpcLog));
});

export default app;
