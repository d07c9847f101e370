import type { SiteConfig } from './readSiteConfig';

export type SecurityHeaderOptions = {
  site: SiteConfig;
  /** The chain's JSON-RPC endpoint: the browser reads the chain directly. */
  rpcUrl: string;
  /** The history indexer, where one is configured: the browser reads history from it. */
  indexerUrl?: string | null;
  /** WalletConnect's relay and APIs, when a WalletConnect project is configured (real networks). */
  walletConnect: boolean;
  /** `next dev` needs eval for React's debugging aids; production never does. */
  development: boolean;
};

const WALLETCONNECT_SOURCES = [
  'wss://relay.walletconnect.com',
  'wss://relay.walletconnect.org',
  'https://*.walletconnect.com',
  'https://*.walletconnect.org',
  'https://api.web3modal.org',
];

const isLocalHost = (host: string) => /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);

/**
 * The Content-Security-Policy for one response: scripts only with this response's nonce (and
 * what they load, 'strict-dynamic'), never inline by attribute; connections only to this site,
 * the configured RPC and, where configured, the history indexer and WalletConnect; no framing at all. Styles allow inline
 * because RainbowKit styles its modal with style attributes; styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string, options: SecurityHeaderOptions): string {
  const rpc = new URL(options.rpcUrl).origin;
  const connect = [
    "'self'",
    rpc,
    ...(options.indexerUrl ? [new URL(options.indexerUrl).origin] : []),
    ...(options.walletConnect ? WALLETCONNECT_SOURCES : []),
  ];
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
  ];
  if (options.site.origin.startsWith('https:')) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Every security header for a response carrying `nonce`. */
export function securityHeaders(nonce: string, options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(nonce, options),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    // Passkeys (publickey-credentials-get/create) stay allowed for this site; nothing else is.
    'permissions-policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()',
  };
  // HSTS only where the site is really served over TLS, never on localhost.
  if (options.site.origin.startsWith('https:') && !isLocalHost(options.site.domain)) {
    headers['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
  }
  return headers;
}
