import { categoriesToMask, type CategoryKey } from '../categories';
import { OwnChartError } from '../errors/OwnChartError';
import { EMERGENCY_WINDOW_CHOICES } from './reasons';

/** An emergency policy the contract would refuse, said before the wallet opens. */
export class InvalidEmergencyPolicyError extends OwnChartError {
  override name = 'InvalidEmergencyPolicyError';
  constructor(
    readonly field: 'categories' | 'window',
    message: string,
  ) {
    super(message);
  }
}

/** The patient's emergency settings as `setPolicy` takes them: a category bit set and seconds. */
export function parseEmergencyPolicy(
  categories: readonly CategoryKey[],
  hours: number,
): { categories: number; windowSeconds: number } {
  const mask = categoriesToMask(categories);
  if (mask === 0) throw new InvalidEmergencyPolicyError('categories', 'Choose at least one category.');
  if (!(EMERGENCY_WINDOW_CHOICES as readonly number[]).includes(hours)) {
    throw new InvalidEmergencyPolicyError(
      'window',
      `Choose how long access lasts: ${EMERGENCY_WINDOW_CHOICES.join(', ')} hours.`,
    );
  }
  return { categories: mask, windowSeconds: hours * 3600 };
}
