import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  keccak256,
  toHex,
  type Account,
  type Chain,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accessRegistryAbi, emergencyAccessAbi } from '../../contracts-abi';
import { startAnvil, type Anvil } from '../../scripts/lib/anvil';
import { setupChain } from '../../scripts/lib/setupChain';
import { revokeAccess } from '../access/actions';
import { readCaregiverships } from '../caregiving/readCaregiverships';
import { readChainConfig, type ChainConfig } from '../chain/readChainConfig';
import { sendAndConfirm } from '../chain/sendAndConfirm';
import { ContractRefusedError } from '../errors/OwnChartError';
import { REVERT_MESSAGES } from '../errors/revertMessages';
import { demoAccount } from '../wallet/demoAccounts';
import { canReadCategory, msUntilAccessChanges, readReaderAccess } from './readerAccess';

// Against a real Anvil node: the policy is only as good as its agreement with the contracts.
let anvil: Anvil;
let config: ChainConfig;
let client: PublicClient;
let snapshot: `0x${string}`;
const patient = privateKeyToAccount(demoAccount('Patient').privateKey);
const clinician = privateKeyToAccount(demoAccount('Clinician', 0).privateKey);
const stranger = demoAccount('Clinician', 1).address;
const caregiver = demoAccount('Caregiver').address;
const responder = privateKeyToAccount(demoAccount('Responder').privateKey);
const LABS = 1; // bit 1
const IMAGING = 5;
const YEAR = 365 * 86_400;

const testClient = () => createTestClient({ mode: 'anvil', chain: config.chain, transport: http(anvil.rpcUrl) });
const walletOf = (account: Account): WalletClient<Transport, Chain, Account> =>
  createWalletClient({ account, chain: config.chain, transport: http(anvil.rpcUrl) });

async function send(account: Account, call: Parameters<WalletClient['writeContract']>[0]) {
  const hash = await walletOf(account).writeContract(call as never);
  const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  if (receipt.status !== 'success') throw new Error(`${call.functionName} reverted`);
}
const registry = () => ({ address: config.accessRegistry, abi: accessRegistryAbi }) as const;
const emergency = () => ({ address: config.emergencyAccess!, abi: emergencyAccessAbi }) as const;
const now = async () => Number((await client.getBlock()).timestamp);

/** The responder holds a labs grant, and breaks glass on a labs-and-imaging emergency policy. */
async function grantLabsThenBreakGlass() {
  await send(patient, {
    ...emergency(),
    functionName: 'setPolicy',
    args: [(1 << LABS) | (1 << IMAGING), 3_600],
  } as never);
  await send(patient, {
    ...registry(),
    functionName: 'grant',
    args: [patient.address, responder.address, 1 << LABS, 1, 0],
  } as never);
  await send(responder, {
    ...emergency(),
    functionName: 'breakGlass',
    args: [patient.address, keccak256(toHex('reason'))],
  } as never);
}

beforeAll(async () => {
  anvil = await startAnvil({ port: 8552 });
  await setupChain(anvil.rpcUrl);
  config = readChainConfig({ rpcUrl: anvil.rpcUrl });
  client = createPublicClient({
    chain: config.chain,
    transport: http(anvil.rpcUrl),
    pollingInterval: 50,
  }) as PublicClient;
  snapshot = await testClient().snapshot();
});

beforeEach(async () => {
  await testClient().revert({ id: snapshot });
  snapshot = await testClient().snapshot();
});

afterAll(() => anvil?.stop());

describe('readReaderAccess', () => {
  it('gives a stranger nothing, on no basis', async () => {
    const access = await readReaderAccess(client, config, { reader: stranger, patient: patient.address });
    expect(access).toMatchObject({ categories: 0, writeScope: 0, grant: null, emergency: null, caregiverUntil: null });
    expect(access.bases.size).toBe(0);
    expect(access.chainTime).toBe(await now());
  });

  it('reads a grant’s categories, and its write scope only for read-and-add grants', async () => {
    await send(patient, {
      ...registry(),
      functionName: 'grant',
      args: [patient.address, clinician.address, 1 << LABS, 2, 0],
    } as never);
    const access = await readReaderAccess(client, config, { reader: clinician.address, patient: patient.address });
    expect(access.categories).toBe(1 << LABS);
    expect(access.writeScope).toBe(1 << LABS);
    expect(access.grant).toMatchObject({ counterparty: clinician.address, permission: 'readWrite', expiresAt: null });
    expect([...access.bases]).toEqual([[LABS, 'grant']]);
    expect(canReadCategory(access, IMAGING)).toBe(false);
  });

  it('ends with the grant’s expiry second, judged at chain time, not the reader’s clock', async () => {
    const expiresAt = (await now()) + 3_600;
    await send(patient, {
      ...registry(),
      functionName: 'grant',
      args: [patient.address, clinician.address, 1 << LABS, 1, expiresAt],
    } as never);
    await testClient().setNextBlockTimestamp({ timestamp: BigInt(expiresAt) });
    await testClient().mine({ blocks: 1 });
    const access = await readReaderAccess(client, config, { reader: clinician.address, patient: patient.address });
    expect(access).toMatchObject({ categories: 0, grant: null, chainTime: expiresAt });
  });

  it('lets a live caregiver read every category, and nothing once removed', async () => {
    const until = (await now()) + YEAR;
    await send(patient, { ...registry(), functionName: 'appointCaregiver', args: [caregiver, until] } as never);
    const appointed = await readReaderAccess(client, config, { reader: caregiver, patient: patient.address });
    expect(appointed.caregiverUntil).toBe(until);
    expect(appointed.bases.get(IMAGING)).toBe('caregiver');
    expect(appointed.writeScope).toBe(0);

    await send(patient, { ...registry(), functionName: 'removeCaregiver', args: [caregiver] } as never);
    const removed = await readReaderAccess(client, config, { reader: caregiver, patient: patient.address });
    expect(removed).toMatchObject({ categories: 0, caregiverUntil: null });
  });

  it('opens the emergency categories while a window is open, with a grant taking precedence', async () => {
    await grantLabsThenBreakGlass();
    const open = await readReaderAccess(client, config, { reader: responder.address, patient: patient.address });
    expect(open.bases.get(LABS)).toBe('grant');
    expect(open.bases.get(IMAGING)).toBe('emergency');
    expect(open.emergency).toEqual({ categories: (1 << LABS) | (1 << IMAGING), expiresAt: expect.any(Number) });

    await send(patient, {
      ...emergency(),
      functionName: 'endAccess',
      args: [patient.address, responder.address],
    } as never);
    const ended = await readReaderAccess(client, config, { reader: responder.address, patient: patient.address });
    expect(ended.emergency).toBeNull();
    expect([...ended.bases]).toEqual([[LABS, 'grant']]);
  });

  it('names each category’s basis once: a grant first, then an open window, then caregiving', async () => {
    await send(patient, {
      ...registry(),
      functionName: 'appointCaregiver',
      args: [responder.address, (await now()) + YEAR],
    } as never);
    await grantLabsThenBreakGlass();
    const access = await readReaderAccess(client, config, { reader: responder.address, patient: patient.address });
    expect(access.bases.get(LABS)).toBe('grant');
    expect(access.bases.get(IMAGING)).toBe('emergency');
    expect(access.bases.get(0)).toBe('caregiver');
    expect(access.bases.size).toBe(32);
  });

  it('asks nothing of the chain for the patient, who reads everything', async () => {
    const access = await readReaderAccess(
      { multicall: () => Promise.reject(new Error('no chain read expected')) } as unknown as PublicClient,
      config,
      { reader: patient.address, patient: patient.address },
    );
    expect(access.isPatient).toBe(true);
    expect(canReadCategory(access, 31)).toBe(true);
  });
});

describe('readCaregiverships', () => {
  it('lists live appointments from either side, and never a removed one', async () => {
    const until = (await now()) + YEAR;
    await send(patient, { ...registry(), functionName: 'appointCaregiver', args: [caregiver, until] } as never);
    await send(patient, { ...registry(), functionName: 'appointCaregiver', args: [stranger, until] } as never);
    await send(patient, { ...registry(), functionName: 'removeCaregiver', args: [stranger] } as never);
    const live = [{ patient: patient.address, caregiver, expiresAt: until }];
    expect(await readCaregiverships(client, config, { patient: patient.address })).toEqual(live);
    expect(await readCaregiverships(client, config, { caregiver })).toEqual(live);
    expect(await readCaregiverships(client, config, { caregiver: stranger })).toEqual([]);
  });
});

describe('sendAndConfirm', () => {
  it('explains a transaction that passed simulation but reverted once mined, in the contract’s words', async () => {
    await send(patient, {
      ...registry(),
      functionName: 'grant',
      args: [patient.address, clinician.address, 1 << LABS, 1, 0],
    } as never);
    // Two tabs revoke the same grant: both simulate against the same state, one block holds both.
    // With a gas limit set, as a wallet that estimated before the state moved: nothing re-checks it.
    const revoke = { ...revokeAccess(config, { patient: patient.address, grantee: clinician.address }), gas: 200_000n };
    const wallet = walletOf(patient);
    await testClient().setAutomine(false);
    const sent = () => {
      let resolve!: () => void;
      return { promise: new Promise<void>((r) => (resolve = r)), onSent: () => resolve() };
    };
    const [firstSent, secondSent] = [sent(), sent()];
    const first = sendAndConfirm({
      publicClient: client,
      walletClient: wallet,
      call: revoke,
      onSent: firstSent.onSent,
    });
    await firstSent.promise;
    const second = sendAndConfirm({
      publicClient: client,
      walletClient: wallet,
      call: revoke,
      onSent: secondSent.onSent,
    });
    const outcomes = Promise.allSettled([first, second]);
    await secondSent.promise;
    await testClient().mine({ blocks: 1 });
    await testClient().setAutomine(true);
    const [ok, refused] = await outcomes;
    expect(ok.status).toBe('fulfilled');
    expect(refused.status).toBe('rejected');
    const error = (refused as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(ContractRefusedError);
    expect(error.shortMessage).toBe(REVERT_MESSAGES.AccessRegistryNoGrant);
  });
});

describe('msUntilAccessChanges', () => {
  const base = {
    isPatient: false,
    bases: new Map(),
    categories: 1,
    writeScope: 0,
    grant: null,
    emergency: null,
    caregiverUntil: null,
    chainTime: 1_000,
  } as const;

  it('is the time to the first of grant, window and appointment ends, from chain time', () => {
    expect(
      msUntilAccessChanges({
        ...base,
        grant: {
          counterparty: stranger,
          categories: 1,
          permission: 'read',
          grantedAt: 0,
          expiresAt: 5_000,
          accepted: true,
        },
        emergency: { categories: 1, expiresAt: 1_060 },
        caregiverUntil: 90_000,
      }),
    ).toBe(60_000);
  });

  it('is null when nothing ends: a grant without expiry is not re-read on a timer', () => {
    expect(
      msUntilAccessChanges({
        ...base,
        grant: {
          counterparty: stranger,
          categories: 1,
          permission: 'read',
          grantedAt: 0,
          expiresAt: null,
          accepted: true,
        },
      }),
    ).toBeNull();
  });
});
