'use client';

import { AccessHistory } from '@/components/access/AccessHistory';
import { GrantForm } from '@/components/access/GrantForm';
import { GrantList } from '@/components/access/GrantList';
import { useGrantees } from '@/components/hooks/useAccessQueries';
import { WalletGate } from '@/components/wallet/WalletGate';
import type { Address } from 'viem';

function Dashboard({ patient }: { patient: Address }) {
  const grantees = useGrantees(patient);
  return (
    <>
      <GrantList patient={patient} />
      <GrantForm patient={patient} chainTime={grantees.data?.chainTime ?? 0} />
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
