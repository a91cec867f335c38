/**
 * Assemble a bundle's files for one layout: validate, plan, then render every file in memory.
 * Nothing is written here; callers (CLI, browser download) write or zip the result, so a bad
 * input fails before any file exists.
 */
import { defaultCrypto } from '../pki/runtime/index.ts';
import { PkiError } from '../pki/light/index.ts';
import { DEFAULT_FORMATS, type BundleFormats } from './formats.ts';
import { layoutById } from './index.ts';
import { readmeText } from './readme.ts';
import { readsEncryptedKeys } from './key-policy.ts';
import type {
  Bundle,
  BundleClient,
  BundleFile,
  BundleNode,
  EntityRef,
  FileContent,
  Layout,
  LayoutId,
  LayoutOptions,
} from './types.ts';
import { checkDistinctPaths, validateBundle } from './validate.ts';
import { assertKeysMatch } from './key-match.ts';
import { cassandraKeyAndChainPem, javaCanUsePassword, PASSWORD_NOT_FOR_JAVA } from '../pki/export/index.ts';

export interface BuildBundleRequest {
  bundle: Bundle;
  layout: LayoutId | Layout;
  options?: LayoutOptions;
  /** Encrypted PKCS#8 and PKCS#12 writers; the core's by default (tests may pass others). */
  formats?: BundleFormats;
}

export interface BuiltBundle {
  /** Files in a stable order, README.txt last. */
  files: BundleFile[];
  /** True when any file holds an unencrypted private key: the UI warns before the download. */
  containsPlaintextKeys: boolean;
  /** Sentences for the user, e.g. that this target cannot read encrypted keys. */
  warnings: string[];
}

/** PEM texts one after the other, each block once (a CA folder's chain.crt repeats ca.crt). */
function joinPem(...parts: (string | undefined)[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const part of parts) {
    const blocks = (part ?? '').match(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g) ?? [];
    for (const block of blocks) {
      const key = block.replace(/\s+/g, '');
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(block.trim());
    }
  }
  return kept.join('\n') + '\n';
}

/**
 * Build every file of `request.bundle` laid out for `request.layout`. Checks first (names, PEM,
 * key algorithms the target reads, each key against its certificate, store passwords), then renders.
 */
export async function buildBundle(request: BuildBundleRequest, crypto: Crypto = defaultCrypto()): Promise<BuiltBundle> {
  const { bundle } = request;
  const layout = typeof request.layout === 'string' ? layoutById(request.layout) : request.layout;
  const options = request.options ?? {};
  const formats = request.formats ?? DEFAULT_FORMATS;
  const warnings = new Set<string>();
  validateBundle(bundle, layout, options);
  const planned = layout.plan(bundle, options);
  checkDistinctPaths(planned);
  await assertKeysMatch(bundle, crypto);
  if (options.storePassword !== undefined && !javaCanUsePassword(options.storePassword)) {
    warnings.add(PASSWORD_NOT_FOR_JAVA.message);
  }

  const entity = (of: EntityRef): BundleNode | BundleClient => {
    const found =
      of.role === 'node'
        ? bundle.nodes.find((n) => n.name === of.name)
        : bundle.clients.find((c) => c.name === of.name);
    if (!found)
      throw new PkiError('internal', 'layout', `Layout ${layout.id} planned a file for unknown ${of.role} ${of.name}.`);
    return found;
  };
  const trust = joinPem(bundle.ca.certPem, bundle.ca.chainPem);
  const facts = { plaintextKeys: false, encryptedKeys: false };

  const keyText = async (of: EntityRef): Promise<string> => {
    const plain = entity(of).keyPem;
    if (options.keyPassphrase === undefined) {
      facts.plaintextKeys = true;
      return joinPem(plain);
    }
    if (!readsEncryptedKeys(layout, of.role, options)) {
      facts.plaintextKeys = true;
      const who =
        of.role === 'client' && (layout.id === 'scylla' || layout.id === 'cassandra') ? 'cqlsh' : layout.label;
      warnings.add(`${who} cannot read encrypted private keys, so ${of.role} keys are written unencrypted.`);
      return joinPem(plain);
    }
    facts.encryptedKeys = true;
    return formats.encryptKey(plain, options.keyPassphrase, crypto);
  };

  const render = async (content: FileContent): Promise<{ contents: string | Uint8Array; secret: boolean }> => {
    switch (content.kind) {
      case 'trust':
        return { contents: trust, secret: false };
      case 'leaf':
        return { contents: joinPem(entity(content.of).certPem), secret: false };
      case 'fullchain': {
        const e = entity(content.of);
        return { contents: joinPem(e.certPem, e.chainPem), secret: false };
      }
      case 'key':
        return { contents: await keyText(content.of), secret: true };
      case 'key-and-chain': {
        const e = entity(content.of);
        const key = await keyText(content.of); // plaintext: Cassandra's PEM reader cannot decrypt PBES2 (see pem-bundles.ts)
        const chain = e.chainPem.trim() ? e.chainPem : undefined;
        return {
          contents: await cassandraKeyAndChainPem({ key, certificate: e.certPem, ...(chain ? { chain } : {}) }, crypto),
          secret: true,
        };
      }
      case 'keystore': {
        const e = entity(content.of);
        const input = {
          keyPem: e.keyPem,
          certPem: e.certPem,
          chainPem: joinPem(e.chainPem, trust),
          password: options.storePassword ?? '',
          alias: e.name,
        };
        return { contents: await formats.keystore(input, crypto), secret: true };
      }
      case 'truststore':
        return {
          contents: await formats.truststore({ caPem: trust, password: options.storePassword ?? '' }, crypto),
          secret: false,
        };
      case 'text':
        if (content.plaintextKey) facts.plaintextKeys = true;
        return { contents: content.text, secret: content.plaintextKey === true };
    }
  };

  const files: BundleFile[] = [];
  for (const p of planned) files.push({ path: p.path, ...(await render(p.content)) });
  files.push({ path: 'README.txt', contents: readmeText(bundle, layout, options, planned, facts), secret: false });
  return { files, containsPlaintextKeys: facts.plaintextKeys, warnings: [...warnings] };
}
