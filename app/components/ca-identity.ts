/** How CAs are named in selects: by name, and by created date and serial prefix when names repeat. */
import type { WorkspaceItem } from '../store/index.ts';

type Ca = Pick<WorkspaceItem, 'id' | 'name' | 'createdAt' | 'meta'>;

/** The first characters of a serial: enough to tell two CAs apart at a glance. */
export function serialPrefix(serial: string): string {
  const hex = serial.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.length > 8 ? `${hex.slice(0, 8)}…` : hex;
}

/** "created 2026-12-05 10:02 UTC, serial 3F2A9C1E…": what tells one item from another of the same name. */
export function itemIdentity(item: Pick<Ca, 'createdAt' | 'meta'>): string {
  const created = /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(item.createdAt)
    ? `created ${item.createdAt.slice(0, 16).replace('T', ' ')} UTC`
    : 'created earlier';
  return item.meta.serial ? `${created}, serial ${serialPrefix(item.meta.serial)}` : created;
}

/** Option text per CA id: the name alone when it is unique, "name (created …, serial …)" when it is not. */
export function caOptionLabels(cas: readonly Ca[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const ca of cas) count.set(ca.name.trim().toLowerCase(), (count.get(ca.name.trim().toLowerCase()) ?? 0) + 1);
  return new Map(
    cas.map((ca) => [
      ca.id,
      (count.get(ca.name.trim().toLowerCase()) ?? 0) > 1 ? `${ca.name} (${itemIdentity(ca)})` : ca.name,
    ]),
  );
}

/** The sentence under the select for the chosen CA: its identity and when it expires. */
export function chosenCaLine(ca: Ca): string {
  const expires = ca.meta.notAfter ? `, expires ${ca.meta.notAfter.slice(0, 10)}` : '';
  return `Chosen: ${ca.name}, ${itemIdentity(ca)}${expires}.`;
}
