/**
 * Whether this site was allowed to see a wallet's account, like a wallet's per-site permission:
 * until then `eth_accounts` is empty, so nothing connects without a click.
 */
export type SitePermission = { isGranted: () => boolean; set: (granted: boolean) => void };

/** A SitePermission kept in memory for the life of the page. */
export function memoryPermission(): SitePermission {
  let granted = false;
  return { isGranted: () => granted, set: (value) => (granted = value) };
}

/** A SitePermission kept in `storage` (e.g. localStorage) so a reload reconnects. */
export function storedPermission(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  key: string,
): SitePermission {
  return {
    isGranted: () => storage.getItem(key) === 'granted',
    set: (granted) => (granted ? storage.setItem(key, 'granted') : storage.removeItem(key)),
  };
}
