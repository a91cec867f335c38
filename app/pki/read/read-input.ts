/**
 * `readInput`: anything a user drops or pastes becomes typed, plain items. Content is sniffed,
 * never the file name: bytes holding a PEM BEGIN line are read as text, bare base64 is decoded,
 * anything else is taken as DER. Every input is capped in size, item count and time, and every
 * failure is an error item, so the caller never sees an exception from here.
 */
import { defaultCrypto } from '../crypto.ts';
import { decodeBase64, pemDecodeAll, type PemBlock } from '../pem.ts';
import { decryptTraditionalKey, isTraditionallyEncrypted } from '../legacy/openssl-pem-encryption.ts';
import { itemsFromDer, errorItem, type DerContext } from './der-items.ts';
import { formatBytes, MAX_INPUT_BYTES, MAX_ITEMS, TIME_BUDGET_MS } from './limits.ts';
import type { ErrorItem, Item, ReadInput, ReadOptions } from './types.ts';

const BEGIN = '-----BEGIN ';
/** PEM blocks being read at once (see readText). */
const IN_FLIGHT = 32;

function error(source: string, code: ErrorItem['code'], message: string): ErrorItem {
  return { kind: 'error', source, code, message };
}

/** Bytes are text when a PEM BEGIN line occurs in them (checked on the raw bytes, no decoding). */
function holdsPem(bytes: Uint8Array): boolean {
  const first = BEGIN.charCodeAt(0);
  outer: for (
    let i = bytes.indexOf(first);
    i !== -1 && i + BEGIN.length <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < BEGIN.length; j++) if (bytes[i + j] !== BEGIN.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/**
 * Printable text (tabs and line ends allowed) in its first 4 KiB. DER never is: tags below
 * 0x20 and length or OID bytes at or above 0x80 appear within the first few bytes.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  for (const b of head)
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f || b >= 0x80) return false;
  return true;
}

function bareBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 16) return undefined;
  const der = decodeBase64(compact);
  return der && new Uint8Array(der);
}

/**
 * A "Proc-Type: 4,ENCRYPTED" key (OpenSSL's traditional encryption): decrypted with the password
 * (../legacy/openssl-pem-encryption.ts), then read like the plain block it was.
 */
async function traditionallyEncrypted(block: PemBlock, ctx: DerContext): Promise<Item[]> {
  if (ctx.password === undefined) {
    return [error(ctx.source, 'wrong-password', `This ${block.label} is encrypted: give its password to read it.`)];
  }
  try {
    const plain = await decryptTraditionalKey(
      block.label,
      block.headers,
      new Uint8Array(block.der),
      ctx.password,
      ctx.crypto,
    );
    return await itemsFromDer(plain, ctx);
  } catch (e) {
    return [errorItem(ctx.source, e)];
  }
}

/** Containers (PKCS#7, PKCS#12) add many items at once; the cap applies to the total. */
function capItems(name: string): (items: Item[]) => Item[] {
  return (items) =>
    items.length <= MAX_ITEMS
      ? items
      : [
          ...items.slice(0, MAX_ITEMS),
          error(name, 'input-too-large', `${name} holds more than ${MAX_ITEMS} items; the rest was not read.`),
        ];
}

interface Deadline {
  expired: boolean;
  /** Set by long key derivations (../legacy/pause.ts) so the time-out message names the cause. */
  activity?: string;
}

async function readText(
  text: string,
  name: string,
  ctx: Omit<DerContext, 'source'>,
  deadline: Deadline,
): Promise<Item[]> {
  const { blocks, bad } = pemDecodeAll(text);
  if (blocks.length === 0 && bad.length === 0) {
    const der = bareBase64(text);
    if (der) return itemsFromDer(der, { ...ctx, source: name });
    return [error(name, 'invalid-pem', `No PEM block (a "-----BEGIN …-----" line) and no DER found in ${name}.`)];
  }
  const numbered = blocks.length + bad.length > 1;
  const entries = [
    ...blocks.map((b) => ({ offset: b.offset, block: b })),
    ...bad.map((b) => ({ offset: b.offset, bad: b })),
  ].sort((a, b) => a.offset - b.offset);
  // Blocks are read IN_FLIGHT at a time and their items kept in input order: each certificate
  // waits on two WebCrypto digests, and in Node one round trip at a time was half of reading a
  // CA bundle. Limits are checked as before, between blocks in input order.
  const started: Promise<Item[]>[] = [];
  let ecCurve: string | undefined;
  const start = (i: number, entry: (typeof entries)[number]): Promise<Item[]> => {
    const source = numbered ? `${name} #${i + 1}` : name;
    if ('bad' in entry && entry.bad) {
      return Promise.resolve([
        error(
          source,
          'invalid-pem',
          `The ${entry.bad.reason.replace(/^the /, '')} (block at character ${entry.bad.offset}).`,
        ),
      ]);
    }
    if (!('block' in entry) || !entry.block) return Promise.resolve([]);
    const block = entry.block;
    // Each block gets its own context (a container names its parts after `source` after awaiting);
    // an EC PARAMETERS block's curve is set before itemsFromDer first awaits, so it reaches the next block.
    const own: DerContext = {
      ...ctx,
      source,
      pemLabel: block.label,
      ...(block.pem === undefined ? {} : { pemText: block.pem }),
      ...(ecCurve === undefined ? {} : { ecCurve }),
    };
    const items = isTraditionallyEncrypted(block.headers)
      ? traditionallyEncrypted(block, own)
      : itemsFromDer(new Uint8Array(block.der), own);
    ecCurve = own.ecCurve;
    return items;
  };
  const items: Item[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = started.length; j < Math.min(entries.length, i + IN_FLIGHT) && !deadline.expired; j++)
      started.push(start(j, entries[j]!));
    if (deadline.expired) break;
    if (items.length >= MAX_ITEMS) {
      items.push(error(name, 'input-too-large', `${name} holds more than ${MAX_ITEMS} items; the rest was not read.`));
      break;
    }
    items.push(...(await started[i]!));
  }
  return items;
}

async function readAll(
  input: ReadInput,
  name: string,
  options: ReadOptions,
  crypto: Crypto,
  deadline: Deadline,
): Promise<Item[]> {
  const ctx = { password: options.password, crypto, deadline };
  if ('text' in input) return readText(input.text, name, ctx, deadline);
  const { bytes } = input;
  if (bytes.length === 0) return [error(name, 'invalid-der', `${name} is empty.`)];
  if (holdsPem(bytes) || looksLikeText(bytes))
    return readText(new TextDecoder('utf-8').decode(bytes), name, ctx, deadline);
  return itemsFromDer(bytes, { ...ctx, source: name });
}

/**
 * Read one input into items, in the order they appear. Never rejects: a password problem, an
 * unsupported cipher, a damaged block, an oversize input or a timeout is an `error` item.
 * Inputs above MAX_INPUT_BYTES (10 MiB) are refused unread.
 */
export async function readInput(
  input: ReadInput,
  options: ReadOptions = {},
  crypto: Crypto = defaultCrypto(),
): Promise<Item[]> {
  const name = input.name ?? ('text' in input ? 'pasted text' : 'file');
  const size = 'text' in input ? input.text.length : input.bytes.length;
  if (size > MAX_INPUT_BYTES) {
    return [
      error(
        name,
        'input-too-large',
        `${name} is ${formatBytes(size)}; certbench reads at most ${formatBytes(MAX_INPUT_BYTES)} per input.`,
      ),
    ];
  }
  const budget = options.timeBudgetMs ?? TIME_BUDGET_MS;
  const deadline: Deadline = { expired: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Item[]>((resolve) => {
    timer = setTimeout(() => {
      deadline.expired = true;
      const cause = deadline.activity ? ` while ${deadline.activity}` : '';
      resolve([
        error(name, 'input-too-large', `Reading ${name} took longer than ${budget / 1000} s and was stopped${cause}.`),
      ]);
    }, budget);
  });
  try {
    const work = readAll(input, name, options, crypto, deadline).then(capItems(name), (e: unknown) => [
      errorItem(name, e),
    ]);
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
