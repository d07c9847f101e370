import { createServer } from 'node:net';

/** Fails with a sentence naming the option to change when `port` on 127.0.0.1 is taken. */
export function assertPortFree(port: number, option: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(
        new Error(
          `Port ${port} is already in use (an earlier demo or \`npm run dev\` still running?). Stop it, or pass ${option} <another port>.`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
