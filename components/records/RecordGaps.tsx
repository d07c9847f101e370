import { AccountName } from '@/components/ui/AccountName';
import { CATEGORIES } from '@/lib/categories';
import { formatDateTime } from '@/lib/format/formatDate';
import type { RecordGap } from '@/lib/vault/verifyImports';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const labelOf = (category: number) => CATEGORIES.find((c) => c.bit === category)?.label ?? `Category ${category}`;

/** The record or records a gap leaves out, and why, in words. */
function describeGap(gap: RecordGap): { what: string; problem: string } {
  if (gap.kind === 'import') {
    const kinds = gap.categories.filter((c) => CATEGORIES.some((k) => k.bit === c)).map(labelOf);
    return {
      what: `Records${kinds.length > 0 && kinds.length < CATEGORIES.length ? ` (${kinds.join(', ')})` : ''}`,
      problem: 'their contents are not available from the storage server.',
    };
  }
  if (gap.missing === null) {
    return {
      what: labelOf(gap.category),
      problem: 'the storage server did not say how many there are, so some may be missing.',
    };
  }
  return {
    what: `${labelOf(gap.category)}: ${plural(gap.missing, 'record', 'records')}`,
    problem: `${gap.missing === 1 ? 'is' : 'are'} not being returned by the storage server.`,
  };
}

function GapItem({ gap }: { gap: RecordGap }) {
  const { what, problem } = describeGap(gap);
  const counted = gap.kind === 'category' && gap.missing !== null;
  return (
    <li>
      {what} added {formatDateTime(gap.anchoredAt)} by <AccountName address={gap.author} />
      {counted ? ' ' : ': '}
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
          <GapItem key={`${gap.root}-${gap.kind === 'import' ? 'all' : gap.category}`} gap={gap} />
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
