const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** A chain timestamp (seconds) as a date, in UTC so server and browser render the same text. */
export function formatDate(seconds: number | bigint): string {
  return dateFormat.format(new Date(Number(seconds) * 1000));
}

/** A chain timestamp (seconds) as date and time, UTC. */
export function formatDateTime(seconds: number | bigint): string {
  return `${dateTimeFormat.format(new Date(Number(seconds) * 1000))} UTC`;
}

/**
 * Seconds since epoch for the end of a calendar day entered in a date input (YYYY-MM-DD), UTC:
 * access "until 3 March" means through the whole of 3 March.
 */
export function endOfDayUtc(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a date: "${isoDate}"`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  return Math.floor(ms / 1000);
}

/**
 * A FHIR dateTime as an instant. FHIR requires a time zone with a time, but exports omit it: such
 * a time is read as UTC, the zone every date here is shown in, never as the browser's local time
 * (which would file the same record under different days on different machines).
 */
export function fhirInstant(value: string): Date {
  return new Date(/T[\d:.]+$/.test(value) ? `${value}Z` : value);
}

/** A FHIR date or dateTime ("2019", "2019-03", "2019-03-12", "2019-03-12T10:00:00+01:00") as a readable date. */
export function formatFhirDate(value: string | null | undefined): string {
  if (!value) return 'Date unknown';
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) {
    return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${value}-01T00:00:00Z`),
    );
  }
  const date = value.length === 10 ? new Date(`${value}T00:00:00Z`) : fhirInstant(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/**
 * The UTC calendar day (YYYY-MM-DD) of a FHIR date or dateTime, the day `formatFhirDate` shows; a
 * partial date ("2019", "2019-03") stays as it is. Null when it does not parse.
 */
export function fhirDayUtc(value: string): string | null {
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  const date = fhirInstant(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}
