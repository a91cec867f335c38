/**
 * The heading of a result an action just made (a cluster bundle, an issued or signed certificate, a new
 * CA). Each time `revealKey` changes to a new value it scrolls the heading into view and takes focus, so
 * the result is not left below the fold with focus on <body>: a keyboard or screen-reader user lands on
 * what was made, and Tab continues from there. The heading is focusable by script only (tabIndex -1).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { revealHeading } from './reveal-heading.ts';

export interface ResultHeadingProps {
  level: 3 | 4;
  id: string;
  /** A value that is new for each result (its PEM, its object); undefined shows the heading without moving to it. */
  revealKey: unknown;
  children: ReactNode;
}

export function ResultHeading({ level, id, revealKey, children }: ResultHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (revealKey !== undefined && ref.current) revealHeading(ref.current);
  }, [revealKey]);
  const Tag = level === 3 ? 'h3' : 'h4';
  return (
    <Tag ref={ref} id={id} tabIndex={-1} className="result-heading">
      {children}
    </Tag>
  );
}
