'use client';

import { MyPatients } from '@/components/access/MyPatients';
import { WalletGate } from '@/components/wallet/WalletGate';

export function ClinicianPatients() {
  return (
    <WalletGate purpose="see the patients who gave you access">
      {(address) => <MyPatients clinician={address} />}
    </WalletGate>
  );
}
