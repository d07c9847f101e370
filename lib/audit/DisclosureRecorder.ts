import type { Disclosure } from './disclosureChain';
import type { DisclosureLog } from './DisclosureLog';

/** Records disclosures before they happen; a failure to record refuses the read. */
export type DisclosureRecorder = { record(disclosures: readonly Disclosure[]): Promise<void> };

/** Appends to `log`, then lets `afterAppend` (e.g. periodic anchoring) run. */
export function logRecorder(log: DisclosureLog, afterAppend?: () => void): DisclosureRecorder {
  return {
    async record(disclosures) {
      if (disclosures.length === 0) return;
      await log.append(disclosures);
      afterAppend?.();
    },
  };
}
