/** What a wallet announces about itself under EIP-6963 (multi injected provider discovery). */
export type Eip6963Info = { uuid: string; name: string; icon: `data:image/${string}`; rdns: string };

/**
 * Announces `provider` the way a browser wallet extension does (EIP-6963): now, and again
 * whenever a page asks. wagmi discovers it and RainbowKit lists it with the browser's wallets,
 * so an in-page wallet needs no connector code of its own.
 */
export function announceProvider(target: Window, info: Eip6963Info, provider: unknown): void {
  const detail = Object.freeze({ info: Object.freeze({ ...info }), provider });
  const announce = () => target.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
  target.addEventListener('eip6963:requestProvider', announce);
  announce();
}

/** A square icon with one letter on `colour`, as an SVG data URL (a wallet list needs one). */
export function letterIcon(letter: string, colour: string): `data:image/svg+xml;base64,${string}` {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28"><rect width="28" height="28" rx="6" fill="${colour}"/><text x="14" y="19" font-family="sans-serif" font-size="14" font-weight="700" text-anchor="middle" fill="#fff">${letter}</text></svg>`;
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}
