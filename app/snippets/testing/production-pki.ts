/**
 * Test fixture: certificates from certbench's own issuing code (createRootCa, issueLeaf), for
 * running snippets against real libraries: the cluster's bundle, a server certificate of the same CA
 * that names another host, and a foreign CA with a node and a client of its own.
 */
import { createRootCa, type CaResult } from '../../pki/ca.ts';
import { issueLeaf } from '../../pki/issue.ts';
import { loadIssuer } from '../../pki/issuer.ts';
import type { Bundle, BundleClient, BundleNode } from '../../layouts/types.ts';

export interface ProductionPki {
  ca: CaResult;
  /** node-1 (DNS localhost, IP 127.0.0.1) and client "app", from `ca`. */
  bundle: Bundle;
  /** A node certificate from `ca` for another host: clients checking names must refuse it. */
  elsewhere: BundleNode;
  /** Another CA's node-1 (same names) and client "app": whoever trusts only `ca` must refuse them. */
  foreign: Bundle;
  /** A client of `ca` named "stranger": allow-lists of client CNs must turn it away. */
  stranger: BundleClient;
}

async function node(issuer: CaResult, name: string, dns: string[], ips: string[]): Promise<BundleNode> {
  const loaded = await loadIssuer(issuer);
  const leaf = await issueLeaf(
    { profile: 'node', commonName: dns[0] ?? ips[0] ?? name, sans: [...dns, ...ips].join(' '), days: 7 },
    loaded,
  );
  return { name, dns, ips, certPem: leaf.certPem, keyPem: leaf.keyPem, chainPem: '' };
}

async function client(issuer: CaResult, name: string, commonName: string): Promise<BundleClient> {
  const leaf = await issueLeaf({ profile: 'client', commonName, days: 7 }, await loadIssuer(issuer));
  return { name, commonName, certPem: leaf.certPem, keyPem: leaf.keyPem, chainPem: '' };
}

async function clusterOf(cluster: string): Promise<{ ca: CaResult; bundle: Bundle }> {
  const ca = await createRootCa({ subject: { commonName: `${cluster} CA` }, days: 30 });
  const bundle: Bundle = {
    cluster,
    ca: { certPem: ca.certPem },
    nodes: [await node(ca, 'node-1', ['localhost'], ['127.0.0.1'])],
    clients: [await client(ca, 'app', 'app')],
  };
  return { ca, bundle };
}

/** Issue everything the snippet runs need. */
export async function productionPki(): Promise<ProductionPki> {
  const { ca, bundle } = await clusterOf('demo');
  const foreign = (await clusterOf('other')).bundle;
  return {
    ca,
    bundle,
    elsewhere: await node(ca, 'node-1', ['elsewhere.test'], ['10.9.9.9']),
    foreign,
    stranger: await client(ca, 'stranger', 'stranger'),
  };
}
