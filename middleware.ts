import { NextResponse, type NextRequest } from 'next/server';
import { chainConfig } from '@/lib/chain/chainConfig';
import { siteConfigFromEnv } from '@/lib/server/readSiteConfig';
import { securityHeaders } from '@/lib/server/securityHeaders';

const options = {
  site: siteConfigFromEnv({ isLocal: chainConfig.isLocal }),
  rpcUrl: chainConfig.rpcUrl,
  indexerUrl: chainConfig.indexerUrl,
  walletConnect: !chainConfig.isLocal && Boolean(process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID),
  development: process.env.NODE_ENV === 'development',
};

/**
 * A fresh nonce per response, and the security headers on every page and route. Next reads the
 * nonce from the request's Content-Security-Policy header and puts it on its own scripts.
 */
export function middleware(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const headers = securityHeaders(nonce, options);
  const forwarded = new Headers(request.headers);
  forwarded.set('x-nonce', nonce);
  forwarded.set('content-security-policy', headers['content-security-policy']!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build assets carry no page; everything else (pages and API routes) gets the headers.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
