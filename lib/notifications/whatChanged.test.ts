import type { Address, Hash } from 'viem';
import { describe, expect, it } from 'vitest';
import type { AccessEvent, Grant } from '../access/types';
import type { LoggedDisclosure } from '../audit/disclosureChain';
import { categoriesToMask } from '../categories';
import { seenUpTo, sinceOf, whatChanged } from './whatChanged';

const patient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address;
const doctor = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as Address;
const responder = '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as Address;
const carer = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc' as Address;
const DAY = 86_400;
const now = 1_800_000_000;
const since = { chainSeconds: now - 2 * DAY, serverMs: (now - 2 * DAY) * 1000 };

const event = (kind: AccessEvent['kind'], timestamp: number, extra: Partial<AccessEvent> = {}): AccessEvent => ({
  kind,
  patient,
  grantee: doctor,
  categories: categoriesToMask(['labs']),
  permission: 'read',
  expiresAt: null,
  blockNumber: BigInt(timestamp),
  timestamp,
  transactionHash: `0x${'1'.repeat(64)}` as Hash,
  logIndex: 0,
  ...extra,
});

const read = (at: number, kind: LoggedDisclosure['kind'] = 'record'): LoggedDisclosure =>
  ({
    patient,
    reader: doctor,
    kind,
    category: 4,
    contentHash: null,
    basis: 'grant',
    at: at * 1000,
  }) as LoggedDisclosure;

const grant = (expiresAt: number | null): Grant => ({
  counterparty: doctor,
  categories: categoriesToMask(['labs', 'conditions']),
  permission: 'read',
  grantedAt: now - 30 * DAY,
  expiresAt,
  accepted: true,
});

describe('whatChanged', () => {
  it('tells a patient who read, who broke glass and what their caregiver did since their last visit', () => {
    const notices = whatChanged({
      since,
      chainNow: now,
      history: [
        event('granted', now - 5 * DAY),
        event('emergency-opened', now - DAY, { grantee: responder }),
        event('granted', now - 3600, { byCaregiver: carer }),
      ],
      grants: [],
      disclosures: [read(now - 10 * DAY), read(now - 600), read(now - 500), read(now - 400, 'key')],
    });
    expect(notices).toEqual([
      {
        kind: 'read',
        parts: [{ account: doctor }, ' read 2 records and 1 key from Labs and vitals · basis: Your grant'],
        at: now - 400,
      },
      {
        kind: 'caregiver',
        parts: ['Your caregiver ', { account: carer }, ' gave access to ', { account: doctor }, ': Labs and vitals'],
        at: now - 3600,
      },
      {
        kind: 'emergency',
        parts: [{ account: responder }, ' opened emergency access to Labs and vitals'],
        at: now - DAY,
      },
    ]);
  });

  it('names a grant that ended since the last visit', () => {
    const notices = whatChanged({
      since,
      chainNow: now,
      history: [],
      grants: [grant(now - DAY), grant(now - 9 * DAY)],
      disclosures: [],
    });
    expect(notices.map((n) => [n.kind, n.parts[1]])).toEqual([
      ['ended', ' can no longer read Conditions, Labs and vitals: your grant ended'],
    ]);
  });

  it('marks as seen only up to the newest thing shown, never to a clock that may run ahead', () => {
    const disclosures = [read(now - 600), read(now - 500)];
    const notices = whatChanged({
      since,
      chainNow: now,
      history: [event('emergency-opened', now - DAY, { grantee: responder })],
      grants: [grant(now + DAY)],
      disclosures,
    });
    expect(seenUpTo(since, { notices, disclosures })).toEqual({
      chainSeconds: now - DAY,
      serverMs: (now - 500) * 1000,
    });
    expect(seenUpTo(since, { notices: [], disclosures: [] })).toEqual(since);
  });

  it('names grants that end within a week, whenever the last visit was, and not others', () => {
    const notices = whatChanged({
      since: { chainSeconds: now, serverMs: now * 1000 },
      chainNow: now,
      history: [],
      grants: [grant(now + 3 * DAY), grant(now + 30 * DAY), grant(null)],
      disclosures: [],
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.parts[1]).toMatch(/^ can read Conditions, Labs and vitals until .*, when your grant ends$/);
  });

  it('says nothing has changed when nothing has, and looks back a week for a browser never used before', () => {
    expect(whatChanged({ since, chainNow: now, history: [], grants: [], disclosures: [] })).toEqual([]);
    expect(sinceOf(null, { chainSeconds: now, serverMs: now * 1000 })).toEqual({
      chainSeconds: now - 7 * DAY,
      serverMs: (now - 7 * DAY) * 1000,
    });
  });
});
