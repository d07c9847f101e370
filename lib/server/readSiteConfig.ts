/** Which site this server is, from configuration: never from a request's Host or Origin header. */
export type SiteConfig = {
  /** The origin browsers load the app from, e.g. "https://ownchart.example". */
  origin: string;
  /** Its RFC 3986 authority, which Sign-In with Ethereum messages must name. */
  domain: string;
  /** Mark the session cookie `Secure`: the site is served over TLS (possibly by a proxy in front). */
  secureCookies: boolean;
  /** Trust the last X-Forwarded-For hop as the client address (a proxy we run sets it). */
  trustProxy: boolean;
};

export type SiteEnv = {
  OWNCHART_ORIGIN?: string;
  OWNCHART_SECURE_COOKIES?: string;
  OWNCHART_TRUST_PROXY?: string;
};

export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** The local chain's default: where `npm run dev` serves the app. */
export const LOCAL_ORIGIN = 'http://127.0.0.1:3000';

/**
 * Reads the site's identity. OWNCHART_ORIGIN is required outside the local chain: a server that
 * took its name from the Host header would accept sign-ins a phishing site collected for itself.
 */
export function readSiteConfig(env: SiteEnv, { isLocal }: { isLocal: boolean }): SiteConfig {
  const configured = env.OWNCHART_ORIGIN ?? (isLocal ? LOCAL_ORIGIN : undefined);
  if (!configured)
    throw new SiteConfigError('OWNCHART_ORIGIN is required outside the local chain (e.g. https://ownchart.example)');
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new SiteConfigError(`OWNCHART_ORIGIN is not a URL: "${configured}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SiteConfigError(`OWNCHART_ORIGIN must be http or https, got "${configured}"`);
  }
  if (!isLocal && url.protocol !== 'https:') {
    throw new SiteConfigError(`OWNCHART_ORIGIN must be https outside the local chain, got "${configured}"`);
  }
  return {
    origin: url.origin,
    domain: url.host,
    secureCookies: env.OWNCHART_SECURE_COOKIES ? env.OWNCHART_SECURE_COOKIES === '1' : url.protocol === 'https:',
    trustProxy: env.OWNCHART_TRUST_PROXY === '1',
  };
}

/** The site configuration from this process's environment (server and middleware alike). */
export function siteConfigFromEnv({ isLocal }: { isLocal: boolean }): SiteConfig {
  return readSiteConfig(
    {
      OWNCHART_ORIGIN: process.env.OWNCHART_ORIGIN,
      OWNCHART_SECURE_COOKIES: process.env.OWNCHART_SECURE_COOKIES,
      OWNCHART_TRUST_PROXY: process.env.OWNCHART_TRUST_PROXY,
    },
    { isLocal },
  );
}
