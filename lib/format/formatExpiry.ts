import { formatDate, formatDateTime } from './formatDate';

const DAY = 86_400;

/**
 * When a grant ends, as a patient thinks of it. Expiries chosen as a date end at midnight UTC
 * after that day, so they read as the last day of access ("25 Dec 2026"); any other second is
 * shown with its time.
 */
export function formatExpiry(expiresAt: number | null): string {
  if (expiresAt === null) return 'No expiry';
  return expiresAt % DAY === 0 ? formatDate(expiresAt - DAY) : formatDateTime(expiresAt);
}
