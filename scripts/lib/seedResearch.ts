import type { Resource } from '@medplum/fhirtypes';
import type { Hex } from 'viem';
import { demoStableTokenAbi, researchStudiesAbi } from '../../contracts-abi';
import { categoriesToMask, type CategoryKey } from '../../lib/categories';
import { sealContribution } from '../../lib/research/contribution';
import { deidentify } from '../../lib/research/deidentify';
import { registeredPublicKey } from '../../lib/vault/registeredKey';
import { researchContracts } from '../../lib/research/readStudies';
import type { ConsentDocument, StudyDescription } from '../../lib/research/studyApi';
import { contributionScope, DOCUMENT_SCOPE } from '../../lib/storage/BlobStore';
import type { ServerDatabase } from '../../lib/db/openDatabase';
import { BoundBlobStore } from '../../lib/storage/BoundBlobStore';
import { objectStoreFromEnv } from '../../lib/storage/objectStoreFromEnv';
import { chainWriter, type SeedClock } from './chainWriter';
import { registerEncryptionKey } from './seedRecords';

type SeedStudy = {
  description: StudyDescription;
  consent: ConsentDocument;
  categories: CategoryKey[];
  /** Reward per accepted contribution and deposited budget, in whole demo dollars. */
  reward: bigint;
  budget: bigint;
};

const consentText = (what: string, topic: string) =>
  [
    `I agree that a de-identified extract of my ${what} is shared with the Northbridge Health Study team for`,
    `research on ${topic}. My name, contact details, exact dates and identifiers are removed in my browser before`,
    'anything is shared. I can withdraw at any time; data already shared cannot be recalled, and rewards already',
    'earned stay mine.',
  ].join(' ');

const HEART_FAILURE: SeedStudy = {
  description: {
    kind: 'study-description',
    title: 'Heart failure and everyday activity',
    purpose:
      'How diagnoses, medications and routine measurements relate to hospital visits in people living with heart failure.',
    eligibility: 'Adults with a heart condition in their records',
  },
  consent: { kind: 'consent', text: consentText('conditions, medications and lab results', 'heart failure') },
  categories: ['conditions', 'medications', 'labs'],
  reward: 25n,
  budget: 1_000n,
};

const VACCINES: SeedStudy = {
  description: {
    kind: 'study-description',
    title: 'Vaccination and seasonal illness',
    purpose: 'Whether routine vaccinations change how often adults are diagnosed with seasonal respiratory illness.',
    eligibility: 'Adults of any age with vaccination records',
  },
  consent: { kind: 'consent', text: consentText('immunizations and conditions', 'vaccination and seasonal illness') },
  categories: ['immunizations', 'conditions'],
  reward: 15n,
  budget: 5_000n,
};

const DOLLAR = 10n ** 6n;

/**
 * The demo's research world with real signed transactions on the clock's days: the researcher
 * publishes and funds a heart-failure study; the patient consents, contributes a de-identified
 * extract sealed to the researcher (the browser's code), and the researcher accepts it; the
 * researcher publishes a second, vaccination study, then closes the first. The patient's 25 oUSD
 * stays claimable, and the open study waits for her to join.
 */
export async function seedResearch({
  rpcUrl,
  dataDir,
  db,
  researcherKey,
  patientKey,
  patientResources,
  clock,
  day,
}: {
  rpcUrl: string;
  dataDir: string;
  db: ServerDatabase;
  researcherKey: Hex;
  patientKey: Hex;
  /** The patient's records, as her browser would read them before de-identifying. */
  patientResources: readonly Resource[];
  clock: SeedClock;
  /** The day the first study is published; the rest follows over the next eleven days. */
  day: number;
}) {
  const researcher = chainWriter(rpcUrl, researcherKey);
  const patient = chainWriter(rpcUrl, patientKey);
  const { studies, rewardToken } = researchContracts(researcher.config);
  const documents = new BoundBlobStore(db, objectStoreFromEnv(dataDir, 'study-documents'));
  const contributions = new BoundBlobStore(db, objectStoreFromEnv(dataDir, 'contributions'));

  async function publish(study: SeedStudy, endsAt: number): Promise<{ id: bigint; consentHash: Hex }> {
    // What the publish form does: the documents go to the server, their hashes on-chain.
    const [metadataHash, consentHash] = await Promise.all(
      [study.description, study.consent].map(
        async (d) =>
          (
            await documents.put(DOCUMENT_SCOPE, new TextEncoder().encode(JSON.stringify(d)), {
              uploader: researcher.account.address,
              category: null,
            })
          ).hash,
      ),
    );
    await researcher.confirm(
      researcher.wallet.writeContract({
        address: studies,
        abi: researchStudiesAbi,
        functionName: 'publish',
        args: [
          rewardToken,
          study.reward * DOLLAR,
          200,
          endsAt,
          categoriesToMask(study.categories),
          metadataHash!,
          consentHash!,
        ],
      }),
      `publish ${study.description.title}`,
    );
    const id = await researcher.client.readContract({
      address: studies,
      abi: researchStudiesAbi,
      functionName: 'studyCount',
    });
    await researcher.confirm(
      researcher.wallet.writeContract({
        address: rewardToken,
        abi: demoStableTokenAbi,
        functionName: 'approve',
        args: [studies, study.budget * DOLLAR],
      }),
      'approve the study budget',
    );
    await researcher.confirm(
      researcher.wallet.writeContract({
        address: studies,
        abi: researchStudiesAbi,
        functionName: 'fund',
        args: [id, study.budget * DOLLAR],
      }),
      'fund the study',
    );
    return { id, consentHash: consentHash! };
  }

  await clock.setDay(day);
  await registerEncryptionKey(rpcUrl, researcherKey);
  const heartFailure = await publish(HEART_FAILURE, clock.time(day + 10));

  await clock.setDay(day + 1);
  const patientKeys = await registerEncryptionKey(rpcUrl, patientKey);
  await patient.confirm(
    patient.wallet.writeContract({
      address: studies,
      abi: researchStudiesAbi,
      functionName: 'enrol',
      args: [heartFailure.id, heartFailure.consentHash],
    }),
    'enrol',
  );
  const sealed = await sealContribution({
    resources: deidentify(patientResources, categoriesToMask(HEART_FAILURE.categories)),
    studyId: heartFailure.id,
    patient: patient.account.address,
    patientPrivateKey: patientKeys.privateKey,
    researcherPublicKey: await registeredPublicKey(patient.client, patient.config, researcher.account.address),
  });
  const { hash: contributionHash } = await contributions.put(
    contributionScope(heartFailure.id, patient.account.address),
    sealed,
    { uploader: patient.account.address, category: null },
  );
  await patient.confirm(
    patient.wallet.writeContract({
      address: studies,
      abi: researchStudiesAbi,
      functionName: 'contribute',
      args: [heartFailure.id, contributionHash],
    }),
    'contribute',
  );

  await clock.setDay(day + 3);
  await researcher.confirm(
    researcher.wallet.writeContract({
      address: studies,
      abi: researchStudiesAbi,
      functionName: 'review',
      args: [heartFailure.id, patient.account.address, true],
    }),
    'accept the contribution',
  );

  await clock.setDay(day + 4);
  await publish(VACCINES, clock.time(day + 100));

  await clock.setDay(day + 11);
  await researcher.confirm(
    researcher.wallet.writeContract({
      address: studies,
      abi: researchStudiesAbi,
      functionName: 'close',
      args: [heartFailure.id],
    }),
    'close the heart-failure study',
  );
}
