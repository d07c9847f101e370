/**
 * Reason codes for break glass: a salted commitment to the code goes on-chain, the code itself to
 * the OwnChart server for the patient (reasonCommitment.ts), and the words are here.
 */
export const EMERGENCY_REASONS = [
  { code: 1, label: 'Unconscious or unable to consent' },
  { code: 2, label: 'Life-threatening condition' },
  { code: 3, label: 'Acute care without access to records' },
  { code: 4, label: 'Other documented emergency' },
] as const;

export function describeReason(code: number): string {
  return EMERGENCY_REASONS.find((r) => r.code === code)?.label ?? `Reason code ${code}`;
}

/** What a patient opting in shares by default: what an emergency department needs first. */
export const DEFAULT_EMERGENCY_CATEGORIES = ['allergies', 'medications', 'conditions', 'immunizations'] as const;
export const DEFAULT_EMERGENCY_WINDOW_HOURS = 24;
export const EMERGENCY_WINDOW_CHOICES = [6, 12, 24, 48, 72] as const;
