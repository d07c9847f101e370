import type { Resource } from '@medplum/fhirtypes';
import { demoAccount } from '../../lib/wallet/demoAccounts';
import { seedAccess } from './seedAccess';
import type { SeedClock } from './chainWriter';
import type { ServerDatabase } from '../../lib/db/openDatabase';
import { seedEmergency } from './seedEmergency';
import { registerEncryptionKey, seedRecords, shareRecordKeys } from './seedRecords';
import { seedResearch } from './seedResearch';

export type DemoWorld = { records: number; keysShared: number };

/**
 * A month of the demo patient's life with OwnChart, on a chain started `clock`'s days ago, all
 * through the app's own code and real signed transactions:
 *  day 0.5  imports his records (sealed in the browser's code, anchored on-chain)
 *  day 1–12 grants Dr. Okafor, widens it to read-and-add; Dr. Nair's grant runs out on day 12;
 *           a grant to Ana is revoked; Ana is appointed caregiver
 *  day 14–25 joins the heart-failure study, his contribution is accepted, the study closes with
 *           his reward unclaimed; a vaccination study opens
 *  day 26–27 opts in to emergency access; a responder breaks glass; he ends it two hours later
 *  now      unlocks: the category keys are sealed to everyone who may read
 */
export async function seedDemoWorld({
  rpcUrl,
  dataDir,
  db,
  clock,
  resources,
}: {
  rpcUrl: string;
  /** Where the blobs go (files); the shared state goes to `db`. */
  dataDir: string;
  db: ServerDatabase;
  clock: SeedClock;
  resources: readonly Resource[];
}): Promise<DemoWorld> {
  const patientKey = demoAccount('Patient').privateKey;

  await clock.setDay(0.5);
  const records = await seedRecords({ rpcUrl, dataDir, db, patientKey, resources });
  for (const account of [demoAccount('Clinician', 0), demoAccount('Clinician', 1), demoAccount('Caregiver')]) {
    await registerEncryptionKey(rpcUrl, account.privateKey);
  }
  await seedAccess(rpcUrl, clock);
  await seedResearch({
    rpcUrl,
    dataDir,
    db,
    researcherKey: demoAccount('Researcher').privateKey,
    patientKey,
    patientResources: resources,
    clock,
    day: 14,
  });
  await seedEmergency({
    rpcUrl,
    db,
    patientKey,
    responderKey: demoAccount('Responder').privateKey,
    clock,
    day: 26,
  });
  await clock.toPresent();
  const { shared } = await shareRecordKeys({ rpcUrl, db, patientKey });
  return { records, keysShared: shared };
}
