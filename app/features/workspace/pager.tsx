/**
 * The inventory shows its rows a page at a time: the table, and each branch of the issuer tree. A
 * table lays out all its rows together, so a thousand rows in the page cost hundreds of
 * milliseconds of layout on every change (measured on this two-core machine: 150-800 ms tasks
 * while rows were added a hundred per frame); a page of fifty, drawn a batch per frame
 * (app/components/use-drawn-count.ts), keeps each change well under a 50 ms task. The filters and the natural
 * order work on every item; the pager only picks which of the matching rows are drawn.
 */
import { useState } from 'react';

export const PAGE_SIZE = 50;

export interface Page {
  /** Index of the first row drawn. */
  first: number;
  go(first: number): void;
}

/** The page of `rows` being shown; new rows (a filter typed, an item added) keep it in range. */
export function usePage(rows: readonly unknown[]): Page {
  const [first, setFirst] = useState(0);
  const last = Math.max(0, Math.floor((rows.length - 1) / PAGE_SIZE) * PAGE_SIZE);
  return { first: Math.min(first, last), go: setFirst };
}

export interface PagerProps {
  page: Page;
  total: number;
  /** The pager's accessible name ("Pages of the workspace"). */
  label: string;
  /** What is counted, plural ("rows"). */
  unit?: string;
  /** A navigation landmark (the table's pager) or a plain group (one per tree branch, inside the tree's landmark). */
  landmark?: boolean;
}

export function Pager({ page, total, label, unit = 'rows', landmark = true }: PagerProps) {
  if (total <= PAGE_SIZE) return null;
  const pages = Math.ceil(total / PAGE_SIZE);
  const current = Math.floor(page.first / PAGE_SIZE);
  const Wrapper = landmark ? 'nav' : 'div';
  return (
    <Wrapper {...(landmark ? {} : { role: 'group' })} aria-label={label} className="pager">
      <button type="button" disabled={current === 0} onClick={() => page.go(page.first - PAGE_SIZE)}>
        Previous
      </button>
      <label>
        Page{' '}
        <select value={current} onChange={(e) => page.go(Number(e.target.value) * PAGE_SIZE)}>
          {Array.from({ length: pages }, (_, i) => (
            <option key={i} value={i}>
              {i + 1}: {i * PAGE_SIZE + 1}–{Math.min(total, (i + 1) * PAGE_SIZE)}
            </option>
          ))}
        </select>{' '}
        of {pages} ({total} {unit})
      </label>
      <button type="button" disabled={current === pages - 1} onClick={() => page.go(page.first + PAGE_SIZE)}>
        Next
      </button>
    </Wrapper>
  );
}
