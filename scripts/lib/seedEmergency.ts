import { createPublicClient, createWalletClient, http, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { emergencyAccessAbi } from '../../contracts-abi';
import { categoriesToMask } from '../../lib/categories';
import { readChainConfig } from '../../lib/chain/readChainConfig';
import { registerEncryptionKey } from './seedRecords';

/**
 * The patient opts in to emergency access (allergies, medications, conditions, immunizations for
 * 24 hours); the demo responder sets up encryption, breaks glass, and the patient ends it: an
 * ended emergency access in the history, made with real signed transactions.
 */
export async function seedEmergency({
  rpcUrl,
  patientKey,
  responderKey,
}: {
  rpcUrl: string;
  patientKey: Hex;
  responderKey: Hex;
}) {
  const config = readChainConfig({ rpcUrl });
  if (!config.emergencyAccess) throw new Error('EmergencyAccess is not deployed');
  const address = config.emergencyAccess;
  const client = createPublicClient({ chain: config.chain, transport: http(rpcUrl) });
  const as = (key: Hex) =>
    createWalletClient({ account: privateKeyToAccount(key), chain: config.chain, transport: http(rpcUrl) });
  const patient = as(patientKey);
  const responder = as(responderKey);
  const confirm = async (hash: Promise<Hex>) => {
    const receipt = await client.waitForTransactionReceipt({ hash: await hash, pollingInterval: 50 });
    if (receipt.status !== 'success') throw new Error('emergency seed transaction reverted');
  };

  await registerEncryptionKey(rpcUrl, responderKey);
  await confirm(
    patient.writeContract({
      address,
      abi: emergencyAccessAbi,
      functionName: 'setPolicy',
      args: [categoriesToMask(['allergies', 'medications', 'conditions', 'immunizations']), 24 * 3600],
    }),
  );
  await confirm(
    responder.writeContract({
      address,
      abi: emergencyAccessAbi,
      functionName: 'breakGlass',
      args: [patient.account.address, 1],
    }),
  );
  await confirm(
    patient.writeContract({
      address,
      abi: emergencyAccessAbi,
      functionName: 'endAccess',
      args: [patient.account.address, responder.account.address],
    }),
  );
}
