import { describe, expect, it } from 'vitest';
import { readSiteConfig, SiteConfigError } from './readSiteConfig';

describe('readSiteConfig', () => {
  it('defaults to the local dev server on the local chain only', () => {
    expect(readSiteConfig({}, { isLocal: true })).toMatchObject({
      origin: 'http://127.0.0.1:3000',
      domain: '127.0.0.1:3000',
      secureCookies: false,
    });
    expect(() => readSiteConfig({}, { isLocal: false })).toThrow(SiteConfigError);
  });

  it('requires https outside the local chain and marks cookies Secure there', () => {
    expect(() => readSiteConfig({ OWNCHART_ORIGIN: 'http://ownchart.example' }, { isLocal: false })).toThrow(/https/);
    expect(readSiteConfig({ OWNCHART_ORIGIN: 'https://ownchart.example/app' }, { isLocal: false })).toMatchObject({
      origin: 'https://ownchart.example',
      domain: 'ownchart.example',
      secureCookies: true,
    });
  });

  it('lets a TLS-terminating proxy setup ask for Secure cookies explicitly, and refuses non-URLs', () => {
    expect(
      readSiteConfig({ OWNCHART_ORIGIN: 'http://127.0.0.1:3000', OWNCHART_SECURE_COOKIES: '1' }, { isLocal: true })
        .secureCookies,
    ).toBe(true);
    expect(() => readSiteConfig({ OWNCHART_ORIGIN: 'not a url' }, { isLocal: true })).toThrow(SiteConfigError);
  });
});
