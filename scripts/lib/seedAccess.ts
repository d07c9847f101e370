import type { Address } from 'viem';
import { accessRegistryAbi } from '../../contracts-abi';
import { categoriesToMask, type CategoryKey } from '../../lib/categories';
import { demoAccount } from '../../lib/wallet/demoAccounts';
import { chainWriter, type SeedClock } from './chainWriter';

const READ = 1;
const READ_AND_ADD = 2;

/**
 * The demo patient's access history, made with her real signed transactions on the days the
 * clock gives: Dr. Okafor's grant (which he accepts) widened to read-and-add (his notes go into Documents),
 * Dr. Nair's grant expired, Ana's first grant revoked, then Ana appointed caregiver.
 */
export async function seedAccess(rpcUrl: string, clock: SeedClock): Promise<void> {
  const { config, account: patient, wallet, confirm } = chainWriter(rpcUrl, demoAccount('Patient').privateKey);
  const address = config.accessRegistry;
  const okafor = demoAccount('Clinician', 0).address;
  const nair = demoAccount('Clinician', 1).address;
  const ana = demoAccount('Caregiver').address;

  async function grant(day: number, grantee: Address, categories: CategoryKey[], permission: number, expiresAt = 0) {
    await clock.setDay(day);
    await confirm(
      wallet.writeContract({
        address,
        abi: accessRegistryAbi,
        functionName: 'grant',
        args: [patient.address, grantee, categoriesToMask(categories), permission, expiresAt],
      }),
      `grant to ${grantee}`,
    );
  }

  await grant(1, okafor, ['conditions', 'medications'], READ);
  // Dr. Okafor knows his patient: he accepts, so Lucien is listed under his patients.
  const doctor = chainWriter(rpcUrl, demoAccount('Clinician', 0).privateKey);
  await doctor.confirm(
    doctor.wallet.writeContract({ address, abi: accessRegistryAbi, functionName: 'accept', args: [patient.address] }),
    'Dr. Okafor accepts',
  );
  await grant(
    3,
    okafor,
    ['conditions', 'medications', 'allergies', 'immunizations', 'labs', 'documents'],
    READ_AND_ADD,
  );
  await grant(5, nair, ['labs', 'procedures'], READ, clock.time(12));
  await grant(8, ana, ['medications'], READ);
  await clock.setDay(10);
  await confirm(
    wallet.writeContract({ address, abi: accessRegistryAbi, functionName: 'revoke', args: [patient.address, ana] }),
    'revoke Ana',
  );
  // Ana becomes her father's caregiver for three months (she manages his care).
  await clock.setDay(12);
  await confirm(
    wallet.writeContract({
      address,
      abi: accessRegistryAbi,
      functionName: 'appointCaregiver',
      args: [ana, clock.time(102)],
    }),
    'appoint Ana caregiver',
  );
}
