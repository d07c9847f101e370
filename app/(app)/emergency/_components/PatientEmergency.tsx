'use client';

import { BlockedResponders } from '@/components/emergency/BlockedResponders';
import { EmergencyCard } from '@/components/emergency/EmergencyCard';
import { EmergencyNotice } from '@/components/emergency/EmergencyNotice';
import { EmergencySettings } from '@/components/emergency/EmergencySettings';
import { KeySharingStatus } from '@/components/records/KeySharingStatus';
import { VaultGate } from '@/components/vault/VaultGate';
import { WalletGate } from '@/components/wallet/WalletGate';

export function PatientEmergency() {
  return (
    <WalletGate purpose="set up emergency access">
      {(patient) => (
        <div className="space-y-6">
          <EmergencyNotice patient={patient} />
          <EmergencySettings patient={patient} />
          <BlockedResponders patient={patient} />
          <VaultGate account={patient} purpose="seal your emergency keys for registered responders">
            {(keys) => (
              <section aria-labelledby="emergency-keys-heading" className="card space-y-2">
                <h2 id="emergency-keys-heading" className="text-xl font-semibold">
                  Emergency keys
                </h2>
                <p>
                  So a responder can read your records while you cannot be asked, the keys for your emergency categories
                  are sealed ahead to each registered responder. The server releases them only while a break-glass
                  window is open on-chain.
                </p>
                <KeySharingStatus patient={patient} keys={keys} />
              </section>
            )}
          </VaultGate>
          <EmergencyCard patient={patient} />
        </div>
      )}
    </WalletGate>
  );
}
