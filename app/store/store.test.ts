import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './create-store.ts';
import { SCHEMA_VERSION } from './migrate.ts';
import { memoryRecordStore, type ItemRecord, type RecordStore } from './record-store.ts';
import { selectItemList, searchItems } from './selectors.ts';
import type { NewItem } from './types.ts';

const opened: AppStore[] = [];
let channelCount = 0;

function tab(records: RecordStore, channelName: string): AppStore {
  const t = createAppStore({ records, channelName });
  opened.push(t);
  return t;
}

afterEach(() => {
  for (const t of opened.splice(0)) t.dispose();
});

function cert(name: string, extra: Partial<NewItem> = {}): NewItem {
  return { kind: 'certificate', name, pem: `PEM of ${name}`, meta: { subject: `CN=${name}` }, ...extra };
}

/**
 * Resolves once `t` has applied the next change another tab announced. BroadcastChannel delivers
 * on a later task; a fixed wait (it was 30 ms) can run out first when the machine is busy. The
 * store's own listener was registered first, so the change is applied before this resolves.
 */
function nextRemoteChange(t: AppStore): Promise<void> {
  return new Promise((resolve) => {
    const off = t.storage.onRemote(() => {
      off();
      resolve();
    });
  });
}

async function twoTabs() {
  const records = memoryRecordStore();
  const channel = `test-${process.pid}-${channelCount++}`;
  const a = tab(records, channel);
  const b = tab(records, channel);
  await Promise.all([a.hydration, b.hydration]);
  return { records, a, b, channel };
}

describe('app store persistence', () => {
  it('waits for hydration: not hydrated until the records are read', async () => {
    let release: (recs: ItemRecord[]) => void = () => undefined;
    const slow: RecordStore = {
      ...memoryRecordStore(),
      getAll: () =>
        new Promise((r) => {
          release = r;
        }),
    };
    const t = tab(slow, `test-${process.pid}-${channelCount++}`);
    expect(t.store.getState().hydrated).toBe(false);
    release([
      {
        id: 'x',
        version: 1,
        item: { id: 'x', kind: 'ca', name: 'root', createdAt: '2026-01-01T00:00:00.000Z', pem: 'P', meta: {} },
      },
    ]);
    await t.hydration;
    expect(t.store.getState().hydrated).toBe(true);
    expect(Object.keys(t.store.getState().items)).toEqual(['x']);
  });

  it('an item made before hydration finished survives it', async () => {
    let release: (recs: ItemRecord[]) => void = () => undefined;
    const slow: RecordStore = {
      ...memoryRecordStore(),
      getAll: () =>
        new Promise((r) => {
          release = r;
        }),
    };
    const t = tab(slow, `test-${process.pid}-${channelCount++}`);
    const [early] = t.store.getState().addItems([cert('early')]);
    release([
      {
        id: 'old',
        version: 1,
        item: { id: 'old', kind: 'ca', name: 'root', createdAt: '2026-01-01T00:00:00.000Z', pem: 'P', meta: {} },
      },
    ]);
    await t.hydration;
    expect(Object.keys(t.store.getState().items).sort()).toEqual([early?.id, 'old'].sort());
  });

  it('a reload finds what was saved, written as one record per item', async () => {
    const { records, a, channel } = await twoTabs();
    a.store.getState().addItems([cert('n1'), cert('n2')]);
    const n2 = selectItemList(a.store.getState()).find((i) => i.name === 'n2');
    a.store.getState().renameItem(n2?.id ?? '', 'renamed');
    await a.storage.flush();
    expect(records.records.size).toBe(2);
    const reloaded = tab(records, channel);
    await reloaded.hydration;
    expect(
      selectItemList(reloaded.store.getState())
        .map((i) => i.name)
        .sort(),
    ).toEqual(['n1', 'renamed']);
  });

  it("two tabs merge each other's work instead of overwriting it", async () => {
    const { records, a, b } = await twoTabs();
    const heard = [nextRemoteChange(a), nextRemoteChange(b)];
    a.store.getState().addItems([cert('from-a')]);
    b.store.getState().addItems([cert('from-b')]);
    await Promise.all([a.storage.flush(), b.storage.flush()]);
    await Promise.all(heard);
    const names = (t: AppStore) =>
      selectItemList(t.store.getState())
        .map((i) => i.name)
        .sort();
    expect(names(a)).toEqual(['from-a', 'from-b']);
    expect(names(b)).toEqual(['from-a', 'from-b']);
    expect(records.records.size).toBe(2);

    // B deletes A's item; A's next save must not bring it back.
    const fromA = selectItemList(b.store.getState()).find((i) => i.name === 'from-a');
    const aHearsDelete = nextRemoteChange(a);
    b.store.getState().removeItems([fromA?.id ?? '']);
    await b.storage.flush();
    await aHearsDelete;
    const bHearsAdd = nextRemoteChange(b);
    a.store.getState().addItems([cert('later-a')]);
    await a.storage.flush();
    await bHearsAdd;
    expect(names(a)).toEqual(['from-b', 'later-a']);
    expect(names(b)).toEqual(['from-b', 'later-a']);
    expect([...records.records.values()].map((r) => (r.item as { name: string }).name).sort()).toEqual([
      'from-b',
      'later-a',
    ]);
  });

  it('a save writes only the items that changed, not every item again', async () => {
    const records = memoryRecordStore();
    const written: string[][] = [];
    const counting: RecordStore = {
      ...records,
      put: (rs) => {
        written.push(rs.map((r) => (r.item as { name: string }).name));
        return records.put(rs);
      },
    };
    const t = tab(counting, `test-${process.pid}-${channelCount++}`);
    await t.hydration;
    t.store.getState().addItems([cert('a'), cert('b'), cert('c')]);
    await t.storage.flush();
    const b = selectItemList(t.store.getState()).find((i) => i.name === 'b');
    t.store.getState().renameItem(b?.id ?? '', 'b2');
    await t.storage.flush();
    // The same items in new objects (as a copy would make them) are not written again.
    t.store.setState({ items: structuredClone(t.store.getState().items) });
    await t.storage.flush();
    expect(written).toEqual([['a', 'b', 'c'], ['b2']]);
  });

  it('clear all removes every record', async () => {
    const { records, a } = await twoTabs();
    a.store.getState().addItems([cert('a'), cert('b'), cert('c')]);
    await a.storage.flush();
    a.store.getState().clearWorkspace();
    await a.storage.flush();
    expect(records.records.size).toBe(0);
  });

  it('old records are migrated when read and rewritten at the current version', async () => {
    const records = memoryRecordStore();
    await records.put([
      { id: 'v0', version: 0, item: { id: 'v0', kind: 'ca', name: 'root', created: Date.UTC(2024, 5, 1), pem: 'P' } },
    ]);
    const t = tab(records, `test-${process.pid}-${channelCount++}`);
    await t.hydration;
    await t.storage.flush();
    expect(t.store.getState().items.v0?.createdAt).toBe('2024-06-01T00:00:00.000Z');
    expect(records.records.get('v0')?.version).toBe(SCHEMA_VERSION);
  });

  it('a workspace saved by the previous version (SANs as text, from issuing and from Inspect) opens with typed SANs', async () => {
    const records = memoryRecordStore();
    const at = '2026-01-01T00:00:00.000Z';
    const v1Item = (id: string, sans: string[]) => ({
      id,
      kind: 'certificate',
      name: id,
      createdAt: at,
      updatedAt: at,
      pem: 'P',
      meta: { sans },
    });
    await records.put([
      { id: 'issued', version: 1, item: v1Item('issued', ['DNS:db-1', 'IP:10.0.0.1', 'IP:fd00::1']) },
      { id: 'inspected', version: 1, item: v1Item('inspected', ['db-2', '10.0.0.2']) },
    ]);
    const t = tab(records, `test-${process.pid}-${channelCount++}`);
    await t.hydration;
    await t.storage.flush();
    const { items } = t.store.getState();
    expect(items.issued?.meta.sans).toEqual([
      { kind: 'dns', value: 'db-1' },
      { kind: 'ip', value: '10.0.0.1' },
      { kind: 'ip', value: 'fd00::1' },
    ]);
    expect(items.inspected?.meta.sans).toEqual([
      { kind: 'dns', value: 'db-2' },
      { kind: 'ip', value: '10.0.0.2' },
    ]);
    expect([...records.records.values()].map((r) => [r.id, r.version, (r.item as { meta: unknown }).meta])).toEqual([
      ['issued', SCHEMA_VERSION, { sans: items.issued?.meta.sans }],
      ['inspected', SCHEMA_VERSION, { sans: items.inspected?.meta.sans }],
    ]);
  });
});

describe('workspace actions', () => {
  const rows = [
    {
      name: 'import adds new ids, replaces older copies, keeps newer local ones',
      input: {
        local: [
          { id: 'same-old', updatedAt: '2026-01-01T00:00:00.000Z' },
          { id: 'same-new', updatedAt: '2026-03-01T00:00:00.000Z' },
        ],
        incoming: [
          { id: 'same-old', updatedAt: '2026-02-01T00:00:00.000Z' },
          { id: 'same-new', updatedAt: '2026-02-01T00:00:00.000Z' },
          { id: 'fresh', updatedAt: '2026-02-01T00:00:00.000Z' },
        ],
      },
      want: { added: 1, replaced: 1, kept: 1 },
    },
    {
      name: 'import into an empty workspace adds everything',
      input: {
        local: [],
        incoming: [
          { id: 'x', updatedAt: '2026-02-01T00:00:00.000Z' },
          { id: 'y', updatedAt: '2026-02-01T00:00:00.000Z' },
        ],
      },
      want: { added: 2, replaced: 0, kept: 0 },
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const t = tab(memoryRecordStore(), `test-${process.pid}-${channelCount++}`);
      await t.hydration;
      const full = (p: { id: string; updatedAt: string }) => ({
        ...p,
        kind: 'certificate' as const,
        name: p.id,
        createdAt: p.updatedAt,
        pem: 'P',
        meta: {},
      });
      t.store.setState({ items: Object.fromEntries(row.input.local.map((p) => [p.id, full(p)])) });
      expect(t.store.getState().importItems(row.input.incoming.map(full))).toEqual(row.want);
    });
  }

  it('selectors are stable while items do not change and follow them when they do', async () => {
    const t = tab(memoryRecordStore(), `test-${process.pid}-${channelCount++}`);
    await t.hydration;
    t.store
      .getState()
      .addItems([
        { kind: 'ca', name: 'root', pem: 'P', keyPem: 'K', meta: {} },
        { kind: 'ca', name: 'imported-no-key', pem: 'P', meta: {} },
        cert('leaf'),
      ]);
    const first = selectItemList(t.store.getState());
    expect(selectItemList(t.store.getState())).toBe(first);
    expect(first.map((c) => c.name).sort()).toEqual(['imported-no-key', 'leaf', 'root']);
    t.store.getState().removeItems([first.find((c) => c.name === 'root')?.id ?? '']);
    const second = selectItemList(t.store.getState());
    expect(second).not.toBe(first);
    expect(second.map((c) => c.name).sort()).toEqual(['imported-no-key', 'leaf']);
  });

  const searchRows = [
    { name: 'by name', input: 'node', want: ['node1'] },
    { name: 'by SAN', input: '10.0.0.7', want: ['node1'] },
    { name: 'by kind, case-insensitive', input: 'Certificate', want: ['node1'] },
    { name: 'nothing matches', input: 'zzz', want: [] },
  ];
  for (const row of searchRows) {
    it(`search ${row.name}`, async () => {
      const t = tab(memoryRecordStore(), `test-${process.pid}-${channelCount++}`);
      await t.hydration;
      t.store
        .getState()
        .addItems([
          { kind: 'ca', name: 'root', pem: 'P', meta: {} },
          cert('node1', { meta: { sans: [{ kind: 'ip', value: '10.0.0.7' }] } }),
        ]);
      expect(searchItems(selectItemList(t.store.getState()), row.input).map((i) => i.name)).toEqual(row.want);
    });
  }
});
