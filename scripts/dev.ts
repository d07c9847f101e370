/** Development: Anvil on :8545 with the contracts deployed, and `next dev`. Ctrl-C stops both. */
import { startAnvil } from './lib/anvil';
import { NEXT_BIN, startChild, stopAllOnSignal } from './lib/processes';
import { setupChain } from './lib/setupChain';

const anvil = await startAnvil({ port: 8545 });
const { accessRegistry } = await setupChain(anvil.rpcUrl);
console.log(`Anvil ${anvil.rpcUrl} · AccessRegistry ${accessRegistry}`);
startChild(process.execPath, [NEXT_BIN, 'dev', '-H', '127.0.0.1', '-p', process.env.PORT ?? '3000'], {
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    OWNCHART_ORIGIN: process.env.OWNCHART_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`,
  },
});
stopAllOnSignal(anvil.stop);
