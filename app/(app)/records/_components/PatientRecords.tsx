'use client';

import dynamic from 'next/dynamic';
import { useEffect } from 'react';
import { VaultGate } from '@/components/vault/VaultGate';
import { EmergencyNotice } from '@/components/emergency/EmergencyNotice';
import { WhatsNew } from '@/components/notifications/WhatsNew';
import { WalletGate } from '@/components/wallet/WalletGate';

// The chart is needed only once unlocked: it is fetched while the patient unlocks, not with the page.
const loadOpenedRecords = () => import('./OpenedRecords');
const OpenedRecords = dynamic(() => loadOpenedRecords().then((m) => m.OpenedRecords), {
  loading: () => <p role="status">Opening your records…</p>,
});

export function PatientRecords() {
  useEffect(() => void loadOpenedRecords(), []);
  return (
    <WalletGate purpose="see your records">
      {(address) => (
        <div className="space-y-6">
          <EmergencyNotice patient={address} />
          <WhatsNew patient={address} />
          <VaultGate account={address} purpose="open your records">
            {(keys) => <OpenedRecords patient={address} keys={keys} />}
          </VaultGate>
        </div>
      )}
    </WalletGate>
  );
}
