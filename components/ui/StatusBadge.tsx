import type { GrantStatus } from '@/lib/access/types';

/** Grant state as a word and an icon, never colour alone. */
export function StatusBadge({ status }: { status: GrantStatus }) {
  return status === 'active' ? (
    <span className="inline-flex items-center gap-1 rounded-full border border-emerald-700 bg-emerald-50 px-2 py-0.5 text-sm font-medium text-emerald-900">
      <span aria-hidden="true">●</span> Active
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded-full border border-slate-500 bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-800">
      <span aria-hidden="true">○</span> Expired
    </span>
  );
}
