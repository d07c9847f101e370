import type { KeyProvider } from './createKeyProvider';

type Listener = (...args: unknown[]) => void;

/**
 * An EIP-1193 provider whose implementation is loaded on its first real request, so a page that
 * only lists wallets never downloads what signs. Listeners added before then are attached when it
 * loads. `eth_accounts` before the site was allowed is answered without loading: it is what
 * wagmi asks every wallet on every page load.
 */
export function lazyProvider(load: () => Promise<KeyProvider>, isGranted: () => boolean): KeyProvider {
  const listeners: [string, Listener][] = [];
  let real: KeyProvider | undefined;
  let loading: Promise<KeyProvider> | undefined;
  const provider = async (): Promise<KeyProvider> => {
    if (real) return real;
    loading ??= load().finally(() => (loading = undefined));
    const loaded = await loading;
    if (!real) {
      real = loaded;
      for (const [event, listener] of listeners) real.on(event, listener);
    }
    return real;
  };

  return {
    request: async (args) => {
      if (args.method === 'eth_accounts' && !isGranted()) return [];
      return (await provider()).request(args);
    },
    on: (event, listener) => {
      listeners.push([event, listener]);
      real?.on(event, listener);
    },
    removeListener: (event, listener) => {
      const index = listeners.findIndex(([e, l]) => e === event && l === listener);
      if (index >= 0) listeners.splice(index, 1);
      real?.removeListener(event, listener);
    },
    changeNetworkInWallet: (chainId) => void provider().then((loaded) => loaded.changeNetworkInWallet(chainId)),
  };
}
