import { describe, expect, it, vi } from 'vitest';
import type { KeyProvider } from './createKeyProvider';
import { lazyProvider } from './lazyProvider';

function fakeProvider() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const provider: KeyProvider = {
    request: vi.fn(async ({ method }) => (method === 'eth_accounts' ? ['0xabc'] : 'answer')),
    on: (event, listener) => void (listeners.get(event) ?? listeners.set(event, new Set()).get(event)!).add(listener),
    removeListener: (event, listener) => void listeners.get(event)?.delete(listener),
    changeNetworkInWallet: vi.fn(),
  };
  const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((l) => l(...args));
  return { provider, emit };
}

describe('lazyProvider', () => {
  it('answers eth_accounts for a site not yet allowed without loading the wallet', async () => {
    const load = vi.fn(async () => fakeProvider().provider);
    const lazy = lazyProvider(load, () => false);
    expect(await lazy.request({ method: 'eth_accounts' })).toEqual([]);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads once on the first real request, however many arrive together', async () => {
    const { provider } = fakeProvider();
    const load = vi.fn(async () => provider);
    const lazy = lazyProvider(load, () => true);
    const answers = await Promise.all([
      lazy.request({ method: 'eth_chainId' }),
      lazy.request({ method: 'eth_accounts' }),
    ]);
    expect(answers).toEqual(['answer', ['0xabc']]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('delivers events to listeners added before it loaded, and not to removed ones', async () => {
    const { provider, emit } = fakeProvider();
    const lazy = lazyProvider(
      async () => provider,
      () => false,
    );
    const kept = vi.fn();
    const removed = vi.fn();
    lazy.on('accountsChanged', kept);
    lazy.on('accountsChanged', removed);
    lazy.removeListener('accountsChanged', removed);
    await lazy.request({ method: 'eth_requestAccounts' });
    emit('accountsChanged', ['0xabc']);
    expect(kept).toHaveBeenCalledOnce();
    expect(removed).not.toHaveBeenCalled();
    lazy.removeListener('accountsChanged', kept);
    emit('accountsChanged', []);
    expect(kept).toHaveBeenCalledOnce();
  });

  it('tries to load again after a failed load', async () => {
    const { provider } = fakeProvider();
    const load = vi.fn().mockRejectedValueOnce(new Error('chunk failed')).mockResolvedValue(provider);
    const lazy = lazyProvider(load, () => true);
    await expect(lazy.request({ method: 'eth_chainId' })).rejects.toThrow('chunk failed');
    expect(await lazy.request({ method: 'eth_chainId' })).toBe('answer');
  });
});
