import type { PartyStatus } from "~/features/records/record";

// Colour is never the only signal: the label says the status in words. Text/background pairs
// keep at least 4.5:1 contrast.
const TONES: Record<PartyStatus, string> = {
  COMPLETE: "bg-green-100 text-green-900",
  PARTIAL: "bg-blue-100 text-blue-950",
  AWAITING: "bg-stone-200 text-stone-900",
  OVERDUE: "bg-red-100 text-red-900",
};

export function StatusBadge({ status, label }: { status: PartyStatus; label: string }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${TONES[status]}`} data-status={status}>
      {label}
    </span>
  );
}
