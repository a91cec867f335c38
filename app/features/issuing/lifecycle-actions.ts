/**
 * What the inventory's row buttons do, without React: renew a certificate (the old one stays,
 * marked superseded), revoke one (its CA remembers it), issue a CA's next CRL (the number it
 * used is stored back), and delete with the dependants listed and an undo. Each runs the worker
 * operation and then writes the store, so a failure leaves the workspace as it was.
 */
import { dependantsOf } from '../../flows/inventory/dependants.ts';
import { naturalSort } from '../../flows/inventory/natural-order.ts';
import { isSuperseded } from '../../flows/inventory/status.ts';
import { issuedItem } from '../../flows/issued-item.ts';
import { download, fileSafe } from '../../lib/download.ts';
import type { RevocationList, RevocationReason } from '../../pki/light/index.ts';
import { appStore, ensureKeysUnlocked, newId, newIds, type NewItem, type WorkspaceItem } from '../../store/index.ts';
import { plural } from '../../text/plural.ts';
import { callWorker, startWorker } from '../../worker/client.ts';
import type { IssuerInput } from '../../worker/pki-contract.ts';

function itemById(id: string): WorkspaceItem {
  const item = appStore.getState().items[id];
  if (!item) throw new Error('This item is no longer in the workspace.');
  return item;
}

/**
 * `id`'s item, refused once it has been renewed: renewing it again would make a second successor
 * and overwrite the first one's link, leaving two current certificates or bundles. Checked before
 * the worker runs and again before the store is written, so two clicks in flight renew once.
 */
function notRenewed(id: string): WorkspaceItem {
  const item = itemById(id);
  const items = appStore.getState().items;
  const successor = item.meta.supersededBy ? items[item.meta.supersededBy] : undefined;
  if (successor && isSuperseded(item, (s) => s in items))
    throw new Error(`${item.name} has already been renewed as ${successor.name}.`);
  return item;
}

/** The issuing CA of `item` as the worker takes it, or an error saying why it cannot sign. */
function issuerOf(item: WorkspaceItem): { ca: WorkspaceItem; issuer: IssuerInput } {
  const ca = item.parentId ? appStore.getState().items[item.parentId] : undefined;
  if (!ca) throw new Error(`The CA that issued ${item.name} is not in the workspace.`);
  if (!ca.keyPem) throw new Error(`${ca.name} has no private key here, so it cannot sign.`);
  return { ca, issuer: { certPem: ca.pem, keyPem: ca.keyPem, chainPem: ca.chainPem ?? '' } };
}

/** Renew a certificate under its CA: same names, new key, serial and validity. Returns the new item. */
export async function renewItem(id: string): Promise<WorkspaceItem> {
  await ensureKeysUnlocked(`Renewing ${notRenewed(id).name}`);
  const old = notRenewed(id);
  const { ca, issuer } = issuerOf(old);
  const renewed = await callWorker('renewCertificate', { certPem: old.pem, issuer });
  notRenewed(id);
  const [made] = appStore.getState().addItems([
    issuedItem(renewed, {
      kind: 'certificate',
      name: old.name,
      parentId: ca.id,
      meta: old.meta.cluster ? { cluster: old.meta.cluster } : undefined,
    }),
  ]);
  if (!made) throw new Error('The renewed certificate was not stored.');
  appStore.getState().updateMeta(old.id, { supersededBy: made.id });
  return made;
}

/**
 * Renew a cluster from its bundle: every certificate of the bundle under the bundle's CA, the
 * same names, and a new bundle of the CA and the new certificates for the same target (download
 * it from Export). The old certificates and bundle stay, marked superseded. Returns the new bundle.
 */
export async function renewBundle(bundleId: string): Promise<WorkspaceItem> {
  // The renewal's code and the leaf helpers start while the keys are unlocked and the members read.
  startWorker('renewCluster');
  await ensureKeysUnlocked(`Renewing ${notRenewed(bundleId).name}`);
  const bundle = notRenewed(bundleId);
  const items = appStore.getState().items;
  const members = (bundle.meta.members ?? []).flatMap((m) => (items[m] ? [items[m]] : []));
  const ca = members.find((m) => m.kind === 'ca') ?? (bundle.parentId ? items[bundle.parentId] : undefined);
  if (!ca?.keyPem) throw new Error(`The CA of ${bundle.name} or its private key is not in the workspace.`);
  const leaves = members.filter((m) => m.kind === 'certificate');
  if (!leaves.length) throw new Error(`${bundle.name} holds no certificates to renew.`);
  const renewed = await callWorker('renewCluster', {
    members: leaves.map((l) => ({ name: l.name, certPem: l.pem })),
    issuer: { certPem: ca.pem, keyPem: ca.keyPem, chainPem: ca.chainPem ?? '' },
  });
  notRenewed(bundleId);
  // Ids chosen here so the new bundle can list its members: one store update for all of them.
  const ids = newIds(renewed.length); // one getRandomValues call for a thousand nodes, not one each
  const made = renewed.map((r, i) => ({
    ...issuedItem(r, { kind: 'certificate', name: r.name, parentId: ca.id }),
    id: ids[i] ?? newId(),
  }));
  const { supersededBy: _previous, ...meta } = bundle.meta;
  const next: NewItem = {
    kind: 'bundle',
    name: `${bundle.name}, renewed ${new Date().toISOString().slice(0, 10)}`,
    pem: '',
    parentId: ca.id,
    meta: { ...meta, members: [ca.id, ...made.map((m) => m.id)] },
  };
  const newBundle = appStore
    .getState()
    .addItems([...made, next])
    .at(-1);
  if (!newBundle) throw new Error('The renewed bundle was not stored.');
  leaves.forEach((old, i) => {
    const successor = made[i];
    if (successor) appStore.getState().updateMeta(old.id, { supersededBy: successor.id });
  });
  appStore.getState().updateMeta(bundle.id, { supersededBy: newBundle.id });
  return newBundle;
}

/** Revoke a certificate: its CA's revocation list gains it. */
export async function revokeItem(id: string, reason: RevocationReason): Promise<void> {
  await ensureKeysUnlocked(`Revoking ${itemById(id).name}`);
  const item = itemById(id);
  const { ca } = issuerOf(item);
  const revocations = await callWorker('revokeCertificate', {
    revocations: ca.meta.revocations,
    certPem: item.pem,
    caCertPem: ca.pem,
    reason,
  });
  appStore.getState().updateMeta(ca.id, { revocations });
}

/** The CA's next CRL (PEM and DER); its revocation list keeps the number used. */
export async function crlOf(
  caId: string,
  days?: number,
): Promise<{ pem: string; der: Uint8Array; crlNumber: number; nextUpdate: string; revocations: RevocationList }> {
  await ensureKeysUnlocked(`Issuing a CRL of ${itemById(caId).name}`);
  const ca = itemById(caId);
  if (!ca.keyPem) throw new Error(`${ca.name} has no private key here, so it cannot sign a CRL.`);
  const crl = await callWorker('issueCrl', {
    issuer: { certPem: ca.pem, keyPem: ca.keyPem, chainPem: ca.chainPem ?? '' },
    revocations: ca.meta.revocations,
    days,
  });
  appStore.getState().updateMeta(ca.id, { revocations: crl.revocations });
  return crl;
}

/**
 * Issue the CA's next CRL and save it (PEM as `<name>.crl.pem`, DER as `<name>.crl`, the names
 * `openssl crl -inform` users expect); returns the sentence that reports it.
 */
export async function downloadCrl(caId: string, encoding: 'pem' | 'der'): Promise<string> {
  const crl = await crlOf(caId);
  const name = itemById(caId).name;
  if (encoding === 'pem') download(`${fileSafe(name)}.crl.pem`, crl.pem, 'application/pkix-crl');
  else download(`${fileSafe(name)}.crl`, crl.der, 'application/pkix-crl');
  const listed = plural(crl.revocations.revoked.length, 'revoked certificate');
  return `CRL number ${crl.crlNumber} of ${name} downloaded${encoding === 'der' ? ' as DER' : ''}: ${listed}, next update ${crl.nextUpdate.slice(0, 10)}.`;
}

/** What deleting `id` takes along, as items in natural order of names (for the dialog's list). */
export function dependantItems(id: string): WorkspaceItem[] {
  const items = appStore.getState().items;
  return naturalSort(
    dependantsOf(id, Object.values(items)).flatMap((d) => (items[d] ? [items[d]] : [])),
    (i) => i.name,
  );
}

/** Delete `id` and its dependants; returns the removed items for an undo. */
export function deleteWithDependants(id: string): WorkspaceItem[] {
  const items = appStore.getState().items;
  const removed = [id, ...dependantsOf(id, Object.values(items))].flatMap((d) => (items[d] ? [items[d]] : []));
  appStore.getState().removeItems(removed.map((i) => i.id));
  return removed;
}

/** What a deletion tells the user: `removed` is deleteWithDependants' answer, the item first. */
export function deletedText(name: string, removed: readonly WorkspaceItem[]): string {
  const dependants = removed.length - 1;
  return `Deleted ${name}${dependants > 0 ? ` and ${plural(dependants, 'item')} that depended on it` : ''}.`;
}
