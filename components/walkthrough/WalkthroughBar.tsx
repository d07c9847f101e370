'use client';

import Link from 'next/link';
import { useAccount } from 'wagmi';
import { DEMO_ACCOUNTS } from '@/lib/wallet/demoAccounts';
import { WALKTHROUGH, walkthroughStep } from '@/lib/walkthrough/steps';
import { StepDetails } from './StepDetails';
import { useWalkthroughStep } from './useWalkthroughStep';

/**
 * While a walkthrough runs, the current step's instructions stay on every page, with the way to
 * the next step: the presenter never has to remember where to go or what to point at.
 */
export function WalkthroughBar() {
  const { current, goTo, leave } = useWalkthroughStep();
  const { address } = useAccount();
  const step = walkthroughStep(current);
  if (!step || current === null) return null;
  const connected = DEMO_ACCOUNTS.find((a) => a.address.toLowerCase() === address?.toLowerCase());

  return (
    <aside aria-labelledby="walkthrough-step" className="border-b border-teal-700 bg-teal-50">
      <div className="mx-auto max-w-5xl space-y-2 p-4">
        <h2 id="walkthrough-step" className="text-lg font-semibold">
          Walkthrough, step {current} of {WALKTHROUGH.length}: {step.title}
        </h2>
        <p>
          Page: <Link href={step.href}>{step.page}</Link>
        </p>
        {connected && connected !== step.account && (
          <p role="status" className="font-medium">
            ⚠ You are connected as {connected.role} — {connected.name}; this step is done as {step.account.role} —{' '}
            {step.account.name}.
          </p>
        )}
        <StepDetails step={step} />
        <div className="flex flex-wrap gap-3">
          {current > 1 && (
            <button type="button" className="btn-secondary" onClick={() => goTo(current - 1)}>
              Previous step
            </button>
          )}
          {current < WALKTHROUGH.length ? (
            <button type="button" className="btn-primary" onClick={() => goTo(current + 1)}>
              Next step: {WALKTHROUGH[current]!.title}
            </button>
          ) : (
            <Link href="/walkthrough" className="btn-primary no-underline" onClick={leave}>
              Finish the walkthrough
            </Link>
          )}
          <button type="button" className="btn-secondary" onClick={leave}>
            Leave the walkthrough
          </button>
        </div>
      </div>
    </aside>
  );
}
