import { privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { demoAccount } from '../lib/wallet/demoAccounts';
import { E2E_APP_URL } from './support/env';
import { expect, test } from './support/fixtures';

const patient = privateKeyToAccount(demoAccount('Patient').privateKey);
const someHash = `0x${'ab'.repeat(32)}`;

test('the storage API refuses requests without a Sign-In with Ethereum session', async ({ request }) => {
  const response = await request.get(`/api/blobs/${someHash}?patient=${patient.address}`);
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'login' }] });
});

test('signing in with a wallet signature opens a session, once per nonce', async ({ request }) => {
  const { nonce } = (await (await request.get('/api/auth/nonce')).json()) as { nonce: string };
  const message = createSiweMessage({
    address: patient.address,
    chainId: 31337,
    domain: new URL(E2E_APP_URL).host,
    nonce,
    uri: E2E_APP_URL,
    version: '1',
  });
  const signature = await patient.signMessage({ message });
  // A state-changing request must come from our own pages (CSRF): Origin is checked.
  const crossSite = await request.post('/api/auth/verify', {
    data: { message, signature },
    headers: { origin: 'https://evil.example' },
  });
  expect(crossSite.status()).toBe(403);
  const ours = { origin: E2E_APP_URL };
  const verified = await request.post('/api/auth/verify', { data: { message, signature }, headers: ours });
  expect(verified.status()).toBe(200);
  expect(verified.headers()['set-cookie']).toContain('HttpOnly');

  const session = await request.get('/api/auth/session');
  expect(await session.json()).toEqual({ address: patient.address });

  const replay = await request.post('/api/auth/verify', { data: { message, signature }, headers: ours });
  expect(replay.status()).toBe(401);

  // Signed in, but this content was never anchored for the patient.
  expect((await request.get(`/api/blobs/${someHash}?patient=${patient.address}`)).status()).toBe(404);
});
