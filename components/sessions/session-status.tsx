// Badges for a session's state: running or closed, and "to assign" while it has no customer.
const badgeClass =
  "inline-block whitespace-nowrap rounded-tremor-full px-2 py-0.5 text-tremor-label font-medium";

export function SessionStatusBadges(props: {
  status: "RUNNING" | "CLOSED";
  assigned: boolean;
  labels: { RUNNING: string; CLOSED: string; UNASSIGNED: string };
}) {
  return (
    <span className="flex flex-wrap gap-1">
      <span
        className={`${badgeClass} ${
          props.status === "RUNNING"
            ? "bg-emerald-100 text-emerald-800"
            : "bg-gray-100 text-gray-700"
        }`}
      >
        {props.labels[props.status]}
      </span>
      {!props.assigned && (
        <span className={`${badgeClass} bg-amber-100 text-amber-800`}>
          {props.labels.UNASSIGNED}
        </span>
      )}
    </span>
  );
}
