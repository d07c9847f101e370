import { AccountName } from '@/components/ui/AccountName';
import { CATEGORIES } from '@/lib/categories';
import { formatDateTime } from '@/lib/format/formatDate';
import type { RecordGap } from '@/lib/vault/verifyImports';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function GapItem({ gap }: { gap: RecordGap }) {
  const label = CATEGORIES.find((c) => c.bit === gap.category)?.label ?? `Category ${gap.category}`;
  const what =
    gap.category === null
      ? 'Records'
      : gap.missing === null
        ? label
        : `${label}: ${plural(gap.missing, 'record', 'records')}`;
  const problem =
    gap.category === null
      ? 'the storage server returned none of them.'
      : gap.missing === null
        ? 'the storage server did not say how many there are, so some may be missing.'
        : gap.missing === 1
          ? 'is not being returned by the storage server.'
          : 'are not being returned by the storage server.';
  return (
    <li>
      {what} added {formatDateTime(gap.anchoredAt)} by <AccountName address={gap.author} />
      {gap.category !== null && gap.missing !== null ? ' ' : ': '}
      {problem}
    </li>
  );
}

/**
 * What the chain says exists but could not be shown, said plainly: a chart with a hole in it
 * must not look whole.
 */
export function RecordGaps({ gaps, refused }: { gaps: readonly RecordGap[]; refused: number }) {
  if (gaps.length === 0 && refused === 0) return null;
  return (
    <section
      aria-labelledby="record-gaps-heading"
      className="space-y-2 rounded-md border-2 border-red-800 bg-red-50 p-3"
    >
      <h2 id="record-gaps-heading" className="font-semibold text-red-900">
        <span aria-hidden="true">⚠ </span>Some records could not be shown
      </h2>
      <ul className="list-disc space-y-1 pl-5">
        {gaps.map((gap) => (
          <GapItem key={`${gap.root}-${gap.category ?? 'all'}`} gap={gap} />
        ))}
        {refused > 0 && (
          <li>
            {plural(refused, 'record was', 'records were')} refused: added by someone whose access did not cover that
            kind of record.
          </li>
        )}
      </ul>
      <p>Lists marked below may be incomplete. Try again later, or tell the storage provider.</p>
    </section>
  );
}
