import path from 'node:path';
import { createPublicClient, createWalletClient, http, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { demoStableTokenAbi, researchStudiesAbi } from '../../contracts-abi';
import { categoriesToMask } from '../../lib/categories';
import { readChainConfig } from '../../lib/chain/readChainConfig';
import { researchContracts } from '../../lib/research/readStudies';
import type { ConsentDocument, StudyDescription } from '../../lib/research/studyApi';
import { FsBlobStore } from '../../lib/storage/FsBlobStore';
import { registerEncryptionKey } from './seedRecords';

const DESCRIPTION: StudyDescription = {
  kind: 'study-description',
  title: 'Heart failure and everyday activity',
  purpose:
    'How diagnoses, medications and routine measurements relate to hospital visits in people living with heart failure.',
  eligibility: 'Adults with a heart condition in their records',
};
const CONSENT: ConsentDocument = {
  kind: 'consent',
  text: [
    'I agree that a de-identified extract of my conditions, medications and lab results is shared with the',
    'Northbridge Health Study team for research on heart failure. My name, contact details, exact dates and',
    'identifiers are removed in my browser before anything is shared. I can withdraw at any time; data already',
    'shared cannot be recalled, and rewards already earned stay mine.',
  ].join(' '),
};

/**
 * One published, funded study by the demo researcher, made with real signed transactions; its
 * description and consent document are written into the server's store as the publish form would.
 */
export async function seedResearch({
  rpcUrl,
  dataDir,
  researcherKey,
}: {
  rpcUrl: string;
  dataDir: string;
  researcherKey: Hex;
}) {
  const config = readChainConfig({ rpcUrl });
  const { studies, rewardToken } = researchContracts(config);
  const account = privateKeyToAccount(researcherKey);
  const client = createPublicClient({ chain: config.chain, transport: http(rpcUrl) });
  const wallet = createWalletClient({ account, chain: config.chain, transport: http(rpcUrl) });
  const send = async (hash: Promise<Hex>) => {
    const receipt = await client.waitForTransactionReceipt({ hash: await hash, pollingInterval: 50 });
    if (receipt.status !== 'success') throw new Error('research seed transaction reverted');
  };

  await registerEncryptionKey(rpcUrl, researcherKey);
  const documents = new FsBlobStore(path.join(dataDir, 'study-documents'));
  const [metadataHash, consentHash] = await Promise.all(
    [DESCRIPTION, CONSENT].map((document) => documents.put(new TextEncoder().encode(JSON.stringify(document)))),
  );
  const now = Number((await client.getBlock()).timestamp);
  const budget = 5_000n * 10n ** 6n;
  await send(
    wallet.writeContract({
      address: studies,
      abi: researchStudiesAbi,
      functionName: 'publish',
      args: [
        rewardToken,
        25n * 10n ** 6n,
        200,
        now + 90 * 86_400,
        categoriesToMask(['conditions', 'medications', 'labs']),
        metadataHash!,
        consentHash!,
      ],
    }),
  );
  await send(
    wallet.writeContract({
      address: rewardToken,
      abi: demoStableTokenAbi,
      functionName: 'approve',
      args: [studies, budget],
    }),
  );
  await send(
    wallet.writeContract({ address: studies, abi: researchStudiesAbi, functionName: 'fund', args: [1n, budget] }),
  );
}
