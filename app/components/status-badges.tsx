/**
 * A certificate's badges: expired / expiring soon / valid, revoked, superseded. Text, not colour
 * alone. The workspace inventory and the Cluster view's list of clusters both show them.
 */
import type { ItemStatus } from '../flows/inventory/index.ts';
import { plural } from '../text/plural.ts';
import './status-badges.css';

/** "1 day", "29 days"; "? days" when the end is unknown. */
export function daysText(days: number | undefined): string {
  return days === undefined ? '? days' : plural(days, 'day');
}

export function StatusBadges({ status }: { status: ItemStatus }) {
  return (
    <>
      {status.expiry === 'expired' && <span className="badge badge-bad">expired</span>}
      {status.expiry === 'soon' && <span className="badge badge-warn">{`${daysText(status.daysLeft)} left`}</span>}
      {status.expiry === 'fine' && <span className="badge badge-ok">valid</span>}
      {status.revoked && <span className="badge badge-bad">revoked</span>}
      {status.superseded && <span className="badge">superseded</span>}
    </>
  );
}
