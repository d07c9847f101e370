'use client';

import { StepDetails } from '@/components/walkthrough/StepDetails';
import { useWalkthroughStep } from '@/components/walkthrough/useWalkthroughStep';
import { chainConfig } from '@/lib/chain/chainConfig';
import { WALKTHROUGH } from '@/lib/walkthrough/steps';

/** Every step of the walkthrough, each with the way to start from it. */
export function WalkthroughSteps() {
  const { current, goTo } = useWalkthroughStep();
  if (!chainConfig.isLocal) {
    return (
      <p className="card">
        The walkthrough uses the demo accounts of the local demo chain. Run <code>npm run demo</code> and open it there.
      </p>
    );
  }
  return (
    <ol className="space-y-4">
      {WALKTHROUGH.map((step, i) => (
        <li key={step.title}>
          <article aria-labelledby={`step-${i + 1}`} className="card space-y-3">
            <h2 id={`step-${i + 1}`} className="text-xl font-semibold">
              Step {i + 1}: {step.title}
              {current === i + 1 && <span className="ml-2 text-base font-normal">(you are here)</span>}
            </h2>
            <StepDetails step={step} />
            <button type="button" className={i === 0 ? 'btn-primary' : 'btn-secondary'} onClick={() => goTo(i + 1)}>
              {i === 0 ? 'Start the walkthrough' : `Go to step ${i + 1}`}: {step.page}
            </button>
          </article>
        </li>
      ))}
    </ol>
  );
}
