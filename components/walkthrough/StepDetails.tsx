import { CopyButton } from '@/components/ui/CopyButton';
import type { WalkthroughStep } from '@/lib/walkthrough/steps';

/** A step's account, actions and what to look for, as the walkthrough page and bar both show it. */
export function StepDetails({ step }: { step: WalkthroughStep }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
      <dt className="font-medium">Account</dt>
      <dd>
        {step.account.role} — {step.account.name}
      </dd>
      <dt className="font-medium">Do</dt>
      <dd>
        <ol className="list-decimal space-y-1 pl-5">
          {step.actions.map((action) => (
            <li key={action}>{action}</li>
          ))}
        </ol>
        {step.paste && (
          <p className="mt-1 flex flex-wrap items-center gap-2">
            {step.paste.label}: <code className="break-all">{step.paste.value}</code>
            <CopyButton value={step.paste.value} label={`Copy ${step.paste.label}`} />
          </p>
        )}
      </dd>
      <dt className="font-medium">Look for</dt>
      <dd>{step.lookFor}</dd>
    </dl>
  );
}
