'use client';

import { useImported } from '@/components/hooks/useImported';
import { ImportPending } from '@/components/ui/ImportPending';
import { VaultGate } from '@/components/vault/VaultGate';
import { EmergencyNotice } from '@/components/emergency/EmergencyNotice';
import { WhatsNew } from '@/components/notifications/WhatsNew';
import { WalletGate } from '@/components/wallet/WalletGate';

// The chart is needed only once unlocked: it is fetched while the patient unlocks, not with the page.
const loadOpenedRecords = () => import('./OpenedRecords');

export function PatientRecords() {
  const opened = useImported(loadOpenedRecords);
  return (
    <WalletGate purpose="see your records">
      {(address) => (
        <div className="space-y-6">
          <EmergencyNotice patient={address} />
          <WhatsNew patient={address} />
          <VaultGate account={address} purpose="open your records">
            {(keys) =>
              opened.module ? (
                <opened.module.OpenedRecords patient={address} keys={keys} />
              ) : (
                <ImportPending error={opened.error} what="Your records" />
              )
            }
          </VaultGate>
        </div>
      )}
    </WalletGate>
  );
}
