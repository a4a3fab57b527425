/**
 * A tiny promise wrapper over one IndexedDB object store, keyed by `slug`. The factory is injected
 * (VueUse style) so tests run it on fake-indexeddb and the app can run without IndexedDB at all.
 */
export interface RecordStore<T> {
  all(): Promise<T[]>
  /**
   * Stores `make(key)` under the first of `keys` that no stored record has, checked and written in
   * one readwrite transaction: such transactions never overlap, so two tabs cannot take one key.
   * Resolves with the stored value.
   */
  claim(keys: Iterator<string>, make: (key: string) => T): Promise<T>
  put(value: T): Promise<void>
  remove(key: string): Promise<void>
}

export type StorageProblem = 'full' | 'unavailable'

/** Quota errors mean "full"; everything else (private mode, blocked, missing API) "unavailable". */
export function storageProblem(error: unknown): StorageProblem {
  const name = (error as { name?: unknown } | null)?.name
  return name === 'QuotaExceededError' ? 'full' : 'unavailable'
}

function done<R>(request: IDBRequest<R>): Promise<R> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

/** Resolves when the transaction commits: a quota error surfaces here, not on the request. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'))
  })
}

export function openRecordStore<T>(factory: IDBFactory | undefined, dbName = 'parley', storeName = 'interviews'): RecordStore<T> {
  let db: Promise<IDBDatabase> | null = null
  function open(): Promise<IDBDatabase> {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (!factory) return reject(new DOMException('IndexedDB is not available', 'NotSupportedError'))
      let request: IDBOpenDBRequest
      try {
        request = factory.open(dbName, 1)
      } catch (error) {
        return reject(error)
      }
      request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'slug' })
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
      request.onblocked = () => reject(new DOMException('IndexedDB is blocked by another tab', 'InvalidStateError'))
    })
    // A failed open is retried next time (the person may have freed space or left private mode).
    db.catch(() => (db = null))
    return db
  }
  async function write(run: (store: IDBObjectStore) => void): Promise<void> {
    const tx = (await open()).transaction(storeName, 'readwrite')
    run(tx.objectStore(storeName))
    await committed(tx)
  }
  async function claim(keys: Iterator<string>, make: (key: string) => T): Promise<T> {
    const tx = (await open()).transaction(storeName, 'readwrite')
    const store = tx.objectStore(storeName)
    const claimed: { value?: T } = {}
    let thrown: unknown = null
    // Callbacks, not awaits: the transaction stays active only while requests are being queued from its own events.
    const tryNext = (): void => {
      const next = keys.next()
      if (next.done) return tx.abort()
      const taken = store.count(next.value)
      taken.onsuccess = () => {
        if (taken.result > 0) return tryNext()
        claimed.value = make(next.value)
        try {
          store.add(claimed.value)
        } catch (error) {
          // A value that cannot be stored (DataCloneError…): report that, not the abort it causes.
          thrown = error
          tx.abort()
        }
      }
    }
    tryNext()
    // Committed means a key was free: running out of keys aborts the transaction.
    await committed(tx).catch((error: unknown) => {
      throw thrown ?? error
    })
    return claimed.value as T
  }
  return {
    claim,
    async all() {
      const tx = (await open()).transaction(storeName, 'readonly')
      return (await done(tx.objectStore(storeName).getAll())) as T[]
    },
    put: (value) => write((store) => store.put(value)),
    remove: (key) => write((store) => store.delete(key)),
  }
}
