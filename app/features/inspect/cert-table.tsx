/**
 * Many certificates (a CA bundle) as one table: subject, issuer, not-after, key and a status
 * badge, a filter box, columns sorted by their header buttons (aria-sort says which), and each
 * row's full card on demand. Rows are drawn a batch per frame, so 144 certificates never make
 * one long main-thread task.
 *
 * An ARIA table of grid rows rather than <table>: an HTML table lays out every row again when a
 * batch is added (auto column widths depend on all cells) and its rows cannot skip layout
 * (content-visibility needs containment, which table rows do not take). Measured on the 146-
 * certificate bundle: 80-130 ms of Layout per frame as a <table>. Here each row is its own grid
 * with the same fixed column template, and rows off screen skip layout and paint.
 */
import { memo, useId, useMemo, useState, type ReactNode } from 'react';
import type { InspectedItem } from '../../flows/inspect-report.ts';
import { shortName } from '../../pki/light/index.ts';
import { useDrawnCount } from '../../components/use-drawn-count.ts';
import {
  certRows,
  filterRows,
  nextSort,
  sortRows,
  STATUS_WORD,
  type CertRow,
  type Sort,
  type SortKey,
} from './cert-rows.ts';

/**
 * Rows drawn per animation frame. 48 made the first frame's task 22 ms of CPU (mostly Layout) and
 * 45-58 ms of wall time on this 2-core machine while the worker ran beside it; 24 halves it.
 */
const ROWS_PER_FRAME = { first: 24, each: 24 };

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Subject' },
  { key: 'issuer', label: 'Issuer' },
  { key: 'notAfter', label: 'Not after' },
  { key: 'key', label: 'Key' },
  { key: 'status', label: 'Status' },
];

export function StatusBadge({ status }: { status: CertRow['status'] }) {
  return <span className={`cert-badge cert-badge--${status}`}>{STATUS_WORD[status]}</span>;
}

interface RowProps {
  row: CertRow;
  open: boolean;
  onToggle: (id: string) => void;
}

/** The id of a row's detail (its card), for aria-controls. */
function detailIdOf(id: string): string {
  return `cert-detail-${id.replace(/\W/g, '-')}`;
}

const Row = memo(function Row({ row, open, onToggle }: RowProps) {
  const detailId = detailIdOf(row.id);
  return (
    <div role="row" className={open ? 'certs__row cert-row cert-row--open' : 'certs__row cert-row'}>
      <div role="rowheader" className="certs__subject">
        <span className="cert-row__name">{row.name}</span>
        {row.isCA && <span className="cert-badge cert-badge--ca">CA</span>}
      </div>
      <div role="cell" data-label="Issuer">
        {row.issuer === row.subject ? 'self-signed' : shortName(row.issuer)}
      </div>
      <div role="cell" data-label="Not after">
        <time dateTime={row.notAfter}>{row.notAfter.slice(0, 10)}</time>
      </div>
      <div role="cell" data-label="Key">
        {row.key}
      </div>
      <div role="cell" data-label="Status">
        <StatusBadge status={row.status} />
      </div>
      <div role="cell" className="certs__details">
        <button
          type="button"
          className="cert-row__toggle"
          aria-expanded={open}
          aria-controls={open ? detailId : undefined}
          onClick={() => onToggle(row.id)}
          aria-label={`${open ? 'Hide' : 'Details'}: ${row.name}`}
        >
          {open ? 'Hide' : 'Details'}
        </button>
      </div>
    </div>
  );
});

export interface CertTableProps {
  items: readonly InspectedItem[];
  /** The card of one item, drawn under its row when opened. */
  renderDetail: (item: InspectedItem) => ReactNode;
}

export function CertTable({ items, renderDetail }: CertTableProps) {
  const filterId = useId();
  // One clock per report: the badges agree with each other.
  const [now] = useState(() => new Date());
  const rows = useMemo(() => certRows(items, now), [items, now]);
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<Sort | undefined>(undefined);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => sortRows(filterRows(rows, text), sort), [rows, text, sort]);
  const drawn = useDrawnCount(shown.length, shown, ROWS_PER_FRAME);
  const toggle = useMemo(
    () => (id: string) =>
      setOpen((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const expired = rows.filter((r) => r.status !== 'valid').length;

  return (
    <div className="cert-table">
      <div className="cert-table__bar">
        <div className="field">
          <label htmlFor={filterId}>Filter certificates</label>
          <input
            id={filterId}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="name, issuer, key, serial, expired…"
          />
        </div>
        <p className="cert-table__count" role="status">
          {shown.length === rows.length
            ? `${rows.length} certificates`
            : `${shown.length} of ${rows.length} certificates match`}
          {expired > 0 && `, ${expired} not valid now`}
        </p>
      </div>
      <div role="table" className="certs" aria-label="Certificates read" aria-rowcount={shown.length + 1}>
        <div role="rowgroup" className="certs__head">
          <div role="row" className="certs__row">
            {COLUMNS.map((c) => (
              <div role="columnheader" key={c.key} {...(sort?.key === c.key ? { 'aria-sort': sort.direction } : {})}>
                <button type="button" className="certs__sort" onClick={() => setSort(nextSort(sort, c.key))}>
                  {c.label}
                  <span aria-hidden="true" className="certs__arrow">
                    {sort?.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                  </span>
                </button>
              </div>
            ))}
            <div role="columnheader">
              <span className="visually-hidden">Details</span>
            </div>
          </div>
        </div>
        <div role="rowgroup">
          {shown.slice(0, drawn).flatMap((row) => {
            const isOpen = open.has(row.id);
            const item = byId.get(row.id);
            return [
              <Row key={row.id} row={row} open={isOpen} onToggle={toggle} />,
              isOpen && item ? (
                <div role="row" key={`${row.id}:detail`} className="cert-row__detail" id={detailIdOf(row.id)}>
                  <div role="cell" className="cert-row__detail-cell">
                    {renderDetail(item)}
                  </div>
                </div>
              ) : null,
            ];
          })}
        </div>
      </div>
      {shown.length === 0 && <p>No certificate matches “{text}”.</p>}
    </div>
  );
}
