/** One line that explains a choice where it is made ("why P-256", "what a SAN is for"). */
import type { ReactNode } from 'react';

export function Why({ children }: { children: ReactNode }) {
  return <p className="why">{children}</p>;
}
