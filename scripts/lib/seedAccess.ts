import { createPublicClient, createTestClient, createWalletClient, http, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { accessRegistryAbi, deployments } from '../../contracts-abi';
import { categoriesToMask } from '../../lib/categories';
import { demoAccount } from '../../lib/wallet/demoAccounts';

const DAY = 86_400;

/**
 * Seeds a realistic access history for the demo patient with real signed transactions, spread
 * over the past weeks: an active grant, one that changed, one that expired, one revoked. The
 * chain must have been started `startedDaysAgo` days in the past; it ends at the present.
 */
export async function seedAccess(rpcUrl: string, startedDaysAgo: number): Promise<void> {
  const chain = { ...foundry, rpcUrls: { default: { http: [rpcUrl] } } };
  const client = createPublicClient({ chain, transport: http(rpcUrl) });
  const testClient = createTestClient({ mode: 'anvil', chain, transport: http(rpcUrl) });
  const patient = privateKeyToAccount(demoAccount('Patient').privateKey);
  const wallet = createWalletClient({ account: patient, chain, transport: http(rpcUrl) });
  const address = deployments['31337']!.AccessRegistry;
  const okafor = demoAccount('Clinician', 0).address;
  const nair = demoAccount('Clinician', 1).address;
  const start = Math.floor(Date.now() / 1000) - startedDaysAgo * DAY;

  async function at(daysIn: number, send: () => Promise<Hex>) {
    await testClient.setNextBlockTimestamp({ timestamp: BigInt(start + daysIn * DAY) });
    const receipt = await client.waitForTransactionReceipt({ hash: await send(), pollingInterval: 50 });
    if (receipt.status !== 'success') throw new Error('seed transaction reverted');
  }
  const grant = (grantee: `0x${string}`, categories: number, permission: 1 | 2, expiresAt: number) => () =>
    wallet.writeContract({
      address,
      abi: accessRegistryAbi,
      functionName: 'grant',
      args: [patient.address, grantee, categories, permission, expiresAt],
    });

  const primaryCare = categoriesToMask(['conditions', 'medications', 'allergies', 'immunizations', 'labs']);
  await at(1, grant(okafor, categoriesToMask(['conditions', 'medications']), 1, 0));
  await at(3, grant(okafor, primaryCare, 2, 0));
  await at(5, grant(nair, categoriesToMask(['labs', 'procedures']), 1, start + 12 * DAY));
  await at(8, grant(demoAccount('Caregiver').address, categoriesToMask(['medications']), 1, 0));
  await at(10, () =>
    wallet.writeContract({
      address,
      abi: accessRegistryAbi,
      functionName: 'revoke',
      args: [patient.address, demoAccount('Caregiver').address],
    }),
  );
  // Ana becomes Maria's caregiver for three months (she manages her mother's care).
  await at(12, () =>
    wallet.writeContract({
      address,
      abi: accessRegistryAbi,
      functionName: 'appointCaregiver',
      args: [demoAccount('Caregiver').address, start + 102 * DAY],
    }),
  );
  // Bring the chain clock back to the present so new expiries read naturally.
  await testClient.setNextBlockTimestamp({ timestamp: BigInt(Math.floor(Date.now() / 1000)) });
  await testClient.mine({ blocks: 1 });
}
