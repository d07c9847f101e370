import { describe, expect, it } from 'vitest';
import { readSiteConfig } from './readSiteConfig';
import { contentSecurityPolicy, securityHeaders } from './securityHeaders';

const local = {
  site: readSiteConfig({}, { isLocal: true }),
  rpcUrl: 'http://127.0.0.1:8545',
  walletConnect: false,
  development: false,
};

describe('security headers', () => {
  it('allow scripts only by this response’s nonce, and connections only to the site and its RPC', () => {
    const csp = contentSecurityPolicy('abc123', local);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:8545;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('allow the history indexer’s origin only where one is configured', () => {
    expect(contentSecurityPolicy('n', { ...local, indexerUrl: 'https://history.example.org/v1' })).toContain(
      "connect-src 'self' http://127.0.0.1:8545 https://history.example.org;",
    );
  });

  it('add WalletConnect only where configured, and eval only for next dev', () => {
    expect(contentSecurityPolicy('n', { ...local, walletConnect: true })).toContain('wss://relay.walletconnect.com');
    expect(contentSecurityPolicy('n', { ...local, development: true })).toContain("'unsafe-eval'");
  });

  it('send HSTS for a TLS site and never for localhost', () => {
    expect(securityHeaders('n', local)['strict-transport-security']).toBeUndefined();
    const live = {
      ...local,
      site: readSiteConfig({ OWNCHART_ORIGIN: 'https://ownchart.example' }, { isLocal: false }),
    };
    expect(securityHeaders('n', live)['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(securityHeaders('n', live)).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    expect(securityHeaders('n', live)['permissions-policy']).toContain('camera=()');
  });
});
