import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { openRecordStore, storageProblem } from '../../src/local/idb'

interface Item {
  slug: string
  n: number
}

describe('openRecordStore', () => {
  it('puts, lists, overwrites by slug and removes', async () => {
    const store = openRecordStore<Item>(new IDBFactory())
    expect(await store.all()).toEqual([])
    await store.put({ slug: 'a', n: 1 })
    await store.put({ slug: 'b', n: 2 })
    await store.put({ slug: 'a', n: 3 })
    expect(await store.all()).toEqual([{ slug: 'a', n: 3 }, { slug: 'b', n: 2 }])
    await store.remove('a')
    expect(await store.all()).toEqual([{ slug: 'b', n: 2 }])
  })

  it('keeps data across connections to the same database (a reload)', async () => {
    const factory = new IDBFactory()
    await openRecordStore<Item>(factory).put({ slug: 'kept', n: 1 })
    expect(await openRecordStore<Item>(factory).all()).toEqual([{ slug: 'kept', n: 1 }])
  })

  it('rejects every call when IndexedDB is missing or refuses to open, and retries later', async () => {
    await expect(openRecordStore<Item>(undefined).all()).rejects.toMatchObject({ name: 'NotSupportedError' })
    let attempts = 0
    const real = new IDBFactory()
    const flaky = {
      open: (...args: Parameters<IDBFactory['open']>) => {
        if (attempts++ === 0) throw new DOMException('private mode', 'SecurityError')
        return real.open(...args)
      },
    } as IDBFactory
    const store = openRecordStore<Item>(flaky)
    await expect(store.put({ slug: 'x', n: 1 })).rejects.toMatchObject({ name: 'SecurityError' })
    await store.put({ slug: 'x', n: 1 })
    expect(await store.all()).toEqual([{ slug: 'x', n: 1 }])
  })
})

describe('claim', () => {
  const candidates = (base: string): Iterator<string> => [base, `${base}-2`, `${base}-3`].values()

  it('stores under the first key no record has, and gives back what it stored', async () => {
    const store = openRecordStore<Item>(new IDBFactory())
    await store.put({ slug: 'a', n: 0 })
    expect(await store.claim(candidates('a'), (slug) => ({ slug, n: 1 }))).toEqual({ slug: 'a-2', n: 1 })
    expect(await store.all()).toEqual([{ slug: 'a', n: 0 }, { slug: 'a-2', n: 1 }])
  })

  it('two connections (two tabs) claiming at the same moment never share a key', async () => {
    const factory = new IDBFactory()
    const tabs = [openRecordStore<Item>(factory), openRecordStore<Item>(factory), openRecordStore<Item>(factory)]
    const claimed = await Promise.all(tabs.map((tab, n) => tab.claim(candidates('a'), (slug) => ({ slug, n }))))
    expect(claimed.map((c) => c.slug).sort()).toEqual(['a', 'a-2', 'a-3'])
    expect((await tabs[0]!.all()).map((c) => c.n).sort()).toEqual([0, 1, 2])
  })

  it('rejects with the error of a value that cannot be stored, storing nothing', async () => {
    const store = openRecordStore<{ slug: string; f: () => void }>(new IDBFactory())
    await expect(store.claim(['a'].values(), (slug) => ({ slug, f: () => undefined }))).rejects.toMatchObject({ name: 'DataCloneError' })
    expect(await store.all()).toEqual([])
  })

  it('rejects, storing nothing, when every key is taken', async () => {
    const store = openRecordStore<Item>(new IDBFactory())
    await store.put({ slug: 'a', n: 0 })
    await expect(store.claim(['a'].values(), (slug) => ({ slug, n: 1 }))).rejects.toBeDefined()
    expect(await store.all()).toEqual([{ slug: 'a', n: 0 }])
  })
})

describe('storageProblem', () => {
  it('tells a full disk from unavailable storage', () => {
    expect(storageProblem(new DOMException('quota', 'QuotaExceededError'))).toBe('full')
    expect(storageProblem(new DOMException('no', 'SecurityError'))).toBe('unavailable')
    expect(storageProblem(new Error('x'))).toBe('unavailable')
    expect(storageProblem(null)).toBe('unavailable')
  })
})
