'use client';

import { AccessHistory } from '@/components/access/AccessHistory';
import { GrantForm } from '@/components/access/GrantForm';
import { GrantList } from '@/components/access/GrantList';
import { CaregiverSection } from '@/components/caregivers/CaregiverSection';
import { VaultGate } from '@/components/vault/VaultGate';
import { EmergencyNotice } from '@/components/emergency/EmergencyNotice';
import { WalletGate } from '@/components/wallet/WalletGate';
import dynamic from 'next/dynamic';
import type { Address } from 'viem';

// Needed only once unlocked, and fetched while the patient unlocks (VaultGate preloads the rest).
const KeySharingStatus = dynamic(
  () => import('@/components/records/KeySharingStatus').then((m) => m.KeySharingStatus),
  {
    loading: () => <p role="status">Checking which keys are shared…</p>,
  },
);

function Dashboard({ patient }: { patient: Address }) {
  return (
    <>
      <EmergencyNotice patient={patient} />
      <GrantList patient={patient} />
      <GrantForm patient={patient} />
      <VaultGate account={patient} purpose="share record keys with the people you grant">
        {(keys) => (
          <section aria-labelledby="record-keys-heading" className="card space-y-2">
            <h2 id="record-keys-heading" className="text-xl font-semibold">
              Record keys
            </h2>
            <p>
              A grant lets someone fetch your encrypted records; these keys let them open them. One key per category,
              however many records it holds.
            </p>
            <KeySharingStatus patient={patient} keys={keys} />
          </section>
        )}
      </VaultGate>
      <CaregiverSection patient={patient} />
      <AccessHistory patient={patient} />
    </>
  );
}

export function PatientAccess() {
  return (
    <WalletGate purpose="see and manage who can read your records">
      {(address) => <Dashboard patient={address} />}
    </WalletGate>
  );
}
