'use client';

import { AccessHistory } from '@/components/access/AccessHistory';
import { GrantForm } from '@/components/access/GrantForm';
import { GrantList } from '@/components/access/GrantList';
import { CaregiverSection } from '@/components/caregivers/CaregiverSection';
import { VaultGate } from '@/components/vault/VaultGate';
import { EmergencyNotice } from '@/components/emergency/EmergencyNotice';
import { WalletGate } from '@/components/wallet/WalletGate';
import { useImported } from '@/components/hooks/useImported';
import { ImportPending } from '@/components/ui/ImportPending';
import type { Address } from 'viem';

// Needed only once unlocked, and fetched while the patient unlocks (VaultGate preloads the rest).
const loadKeySharing = () => import('@/components/records/KeySharingStatus');

function Dashboard({ patient }: { patient: Address }) {
  const sharing = useImported(loadKeySharing);
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
            {sharing.module ? (
              <sharing.module.KeySharingStatus patient={patient} keys={keys} />
            ) : (
              <ImportPending error={sharing.error} what="Key sharing" />
            )}
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
