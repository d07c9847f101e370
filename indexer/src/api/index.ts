import { Hono } from 'hono';
import { db } from 'ponder:api';
import { log } from 'ponder:schema';
import { and, asc, eq, gte, inArray, lte } from 'ponder';
import { parseLogQuery, toRpcLog, type LogQuery } from './logQuery';

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
 * POST /logs with an eth_getLogs filter ({ address, topics, fromBlock, toBlock }, block numbers as
 * hex): the logs indexed in that range, in the RPC's form and order. The caller bounds toBlock by
 * what GET /status says is indexed, and reads anything later from the chain.
 */
app.post('/logs', async (c) => {
  const query = parseLogQuery(await c.req.json().catch(() => null));
  if (typeof query === 'string') return c.json({ error: query }, 400);
  const rows = await db.select().from(log).where(whereOf(query)).orderBy(asc(log.blockNumber), asc(log.logIndex));
  return c.json(rows.map(toRpcLog));
});

export default app;
