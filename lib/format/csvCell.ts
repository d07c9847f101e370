/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
