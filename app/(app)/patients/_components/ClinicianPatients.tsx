'use client';

import { MyPatients } from '@/components/access/MyPatients';
import { EncryptionSetup } from '@/components/vault/EncryptionSetup';
import { WalletGate } from '@/components/wallet/WalletGate';

export function ClinicianPatients() {
  return (
    <WalletGate purpose="see the patients who gave you access">
      {(address) => (
        <>
          <EncryptionSetup account={address} />
          <MyPatients clinician={address} />
        </>
      )}
    </WalletGate>
  );
}
