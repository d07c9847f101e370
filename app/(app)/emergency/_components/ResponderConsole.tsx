'use client';

import type { Address } from 'viem';
import { BreakGlassForm } from '@/components/emergency/BreakGlassForm';
import { useResponderInstitution } from '@/components/hooks/useEmergencyQueries';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { WalletGate } from '@/components/wallet/WalletGate';

function Console({ responder }: { responder: Address }) {
  const institution = useResponderInstitution(responder);
  if (institution.isPending) return <p role="status">Checking your registration…</p>;
  if (institution.isError) {
    return (
      <QueryErrorBanner error={institution.error} onRetry={() => institution.refetch()} what="your registration" />
    );
  }
  if (institution.data === '0x0000000000000000000000000000000000000000') {
    return (
      <p className="card">
        This account is not registered as an emergency responder. An institution registers its emergency staff; ask
        yours.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <p>
        Registered emergency responder for institution <AccountName address={institution.data!} />.
      </p>
      <BreakGlassForm responder={responder} />
    </div>
  );
}

export function ResponderConsole() {
  return <WalletGate purpose="open a patient’s records in an emergency">{(a) => <Console responder={a} />}</WalletGate>;
}
