import {
  createWalletClient,
  hexToBigInt,
  http,
  numberToHex,
  type Chain,
  type Hex,
  type TypedDataDefinition,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { memoryPermission, type SitePermission } from './sitePermission';

export type KeyProviderParameters = {
  privateKey: Hex;
  chain: Chain;
  rpcUrl: string;
  /** The chain the wallet starts on; a different id lets tests exercise "wrong network". */
  initialChainId?: number;
  /**
   * Asked before each signature or transaction; returning false rejects it as a user would
   * (EIP-1193 code 4001). Lets tests decline without a human.
   */
  approve?: (method: string) => boolean;
  /**
   * Remembers whether this site was allowed to see the account, like a wallet's per-site
   * permission: until then `eth_accounts` is empty, so nothing connects without a click.
   */
  permission?: SitePermission;
};

type Listener = (...args: unknown[]) => void;

export type KeyProvider = {
  request: (args: { method: string; params?: unknown }) => Promise<unknown>;
  on: (event: string, listener: Listener) => void;
  removeListener: (event: string, listener: Listener) => void;
  /** What a user does in their wallet's own UI: move it to another network. */
  changeNetworkInWallet: (chainId: number) => void;
};

class ProviderRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

type TxParams = { to?: Hex; data?: Hex; value?: Hex; gas?: Hex };

/**
 * An EIP-1193 provider that holds one private key and signs locally: transactions go out as
 * eth_sendRawTransaction, so the node sees exactly what a real wallet would send. Used for the
 * local demo accounts and injected into end-to-end tests.
 */
export function createKeyProvider(parameters: KeyProviderParameters): KeyProvider {
  const account = privateKeyToAccount(parameters.privateKey);
  const listeners = new Map<string, Set<Listener>>();
  const permission = parameters.permission ?? memoryPermission();
  let chainId = parameters.initialChainId ?? parameters.chain.id;
  let nextId = 1;

  const wallet = createWalletClient({ account, chain: parameters.chain, transport: http(parameters.rpcUrl) });

  function emit(event: string, ...args: unknown[]): void {
    listeners.get(event)?.forEach((listener) => listener(...args));
  }

  function requireApproval(method: string): void {
    if (parameters.approve && !parameters.approve(method)) {
      throw new ProviderRpcError(4001, 'User rejected the request.');
    }
  }

  async function forward(method: string, params: unknown): Promise<unknown> {
    const response = await fetch(parameters.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params: params ?? [] }),
    });
    const body = (await response.json()) as {
      result?: unknown;
      error?: { code: number; message: string; data?: unknown };
    };
    if (body.error)
      throw Object.assign(new ProviderRpcError(body.error.code, body.error.message), { data: body.error.data });
    return body.result;
  }

  async function request({ method, params }: { method: string; params?: unknown }): Promise<unknown> {
    const list = (params ?? []) as unknown[];
    switch (method) {
      case 'eth_accounts':
        return permission.isGranted() ? [account.address] : [];
      case 'eth_requestAccounts':
        permission.set(true);
        emit('accountsChanged', [account.address]);
        return [account.address];
      case 'eth_chainId':
        return numberToHex(chainId);
      case 'net_version':
        return String(chainId);
      case 'wallet_requestPermissions':
        permission.set(true);
        return [{ parentCapability: 'eth_accounts' }];
      case 'wallet_getPermissions':
        return permission.isGranted() ? [{ parentCapability: 'eth_accounts' }] : [];
      case 'wallet_revokePermissions':
        permission.set(false);
        return null;
      case 'wallet_switchEthereumChain': {
        const requested = Number((list[0] as { chainId: Hex }).chainId);
        if (requested !== parameters.chain.id) {
          throw new ProviderRpcError(4902, `This wallet only knows chain ${parameters.chain.id}.`);
        }
        chainId = requested;
        emit('chainChanged', numberToHex(chainId));
        return null;
      }
      case 'personal_sign':
        requireApproval(method);
        return account.signMessage({ message: { raw: list[0] as Hex } });
      case 'eth_signTypedData_v4': {
        requireApproval(method);
        const typed = JSON.parse(list[1] as string) as TypedDataDefinition;
        return account.signTypedData(typed);
      }
      case 'eth_sendTransaction': {
        requireApproval(method);
        if (chainId !== parameters.chain.id) {
          throw new ProviderRpcError(4901, 'The wallet is on a different network.');
        }
        const tx = list[0] as TxParams;
        return wallet.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value ? hexToBigInt(tx.value) : undefined,
          gas: tx.gas ? hexToBigInt(tx.gas) : undefined,
        });
      }
      default:
        return forward(method, params);
    }
  }

  return {
    request: request as KeyProvider['request'],
    on: (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
    },
    removeListener: (event, listener) => {
      listeners.get(event)?.delete(listener);
    },
    changeNetworkInWallet: (id) => {
      chainId = id;
      emit('chainChanged', numberToHex(id));
    },
  };
}
