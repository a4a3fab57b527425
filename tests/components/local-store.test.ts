import { IDBFactory } from 'fake-indexeddb'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import LocalInterviewList from '../../src/components/LocalInterviewList.vue'
import NotFoundView from '../../src/views/NotFoundView.vue'
import { openRecordStore, type RecordStore } from '../../src/local/idb'
import type { LocalRecord } from '../../src/local/record'
import { useLocalStore } from '../../src/stores/local'

const TALK = '---\ntitle: A talk\nslug: talk\n---\n\n## Start\n\n**Ada**: Why?\n\n**Grace**: Because.\n\n**Ada**: And?\n\n**Grace**: That is all.\n'
const failing = (name: string): RecordStore<LocalRecord> => {
  const fail = (): Promise<never> => Promise.reject(new DOMException(name, name))
  return { all: fail, claim: fail, put: fail, remove: fail }
}

let factory: IDBFactory
beforeEach(() => {
  factory = new IDBFactory()
  setActivePinia(createPinia())
  useLocalStore().setBackend(openRecordStore<LocalRecord>(factory))
})

/** A fresh store (a new app) over the same database: what a reload or another tab sees. */
function afterReload(): ReturnType<typeof useLocalStore> {
  setActivePinia(createPinia())
  const store = useLocalStore()
  store.setBackend(openRecordStore<LocalRecord>(factory))
  return store
}

// IndexedDB (fake-indexeddb) and lazy imports make the first test slow on a loaded machine: not the 5 s default.
describe('local interviews store', { timeout: 30_000 }, () => {
  it('opens, stores and finds an interview again after a reload', async () => {
    const result = await useLocalStore().open(TALK, 'talk.md')
    expect(result).toMatchObject({ ok: true, storage: null, record: { slug: 'talk', file: 'talk.md', speakersFixed: false } })
    const reloaded = afterReload()
    const interview = await reloaded.interviewFor('talk')
    expect(interview?.meta.title).toBe('A talk')
    expect(interview?.speakers.map((s) => s.name)).toEqual(['Ada', 'Grace'])
  })

  it('gives clashing slugs a suffix: built-in ("seed") and earlier local ones', async () => {
    const store = useLocalStore()
    const seed = TALK.replace('slug: talk', 'slug: seed')
    expect(await store.open(seed, null)).toMatchObject({ ok: true, record: { slug: 'seed-2', interview: { slug: 'seed-2' } } })
    expect(await store.open(seed, null)).toMatchObject({ ok: true, record: { slug: 'seed-3' } })
    expect(store.records.map((r) => r.slug)).toEqual(['seed-3', 'seed-2'])
  })

  it('never overwrites what another tab stored after this page loaded', async () => {
    const here = useLocalStore()
    await here.load()
    await afterReload().open(TALK, null)
    setActivePinia(createPinia())
    expect(await here.open(TALK, null)).toMatchObject({ ok: true, record: { slug: 'talk-2' } })
    expect(here.records.map((r) => r.slug)).toEqual(['talk-2', 'talk'])
  })

  it('rejects bad input and parse errors without touching the list', async () => {
    const store = useLocalStore()
    await store.open(TALK, null)
    expect(await store.open('  ', null)).toEqual({ ok: false, problem: { code: 'empty' } })
    expect(await store.open('---\ntitle: a\ntags: [x\n---\nAda: hi', 'bad.md')).toMatchObject({ ok: false, problem: { code: 'parse', line: expect.any(Number) } })
    expect(store.records.map((r) => r.slug)).toEqual(['talk'])
  })

  it('still opens for the session when storage is full or unavailable, and says which', async () => {
    const store = useLocalStore()
    store.setBackend(failing('QuotaExceededError'))
    expect(await store.open(TALK, null)).toMatchObject({ ok: true, storage: 'full' })
    expect(store.unsaved.has('talk')).toBe(true)
    expect((await store.interviewFor('talk'))?.meta.title).toBe('A talk')

    setActivePinia(createPinia())
    useLocalStore().setBackend(failing('SecurityError'))
    expect(await useLocalStore().open(TALK, null)).toMatchObject({ ok: true, storage: 'unavailable' })
  })

  it('removes and restores (undo), in memory and on disk', async () => {
    const store = useLocalStore()
    await store.open(TALK, null)
    const removed = await store.remove('talk')
    expect(store.records).toEqual([])
    expect(await afterReload().interviewFor('talk')).toBeNull()
    const again = afterReload()
    await again.restore(removed!)
    expect(await afterReload().interviewFor('talk')).not.toBeNull()
  })

  it('Fix speakers rewrites the stored source, re-parses, keeps the slug and survives a reload', async () => {
    const store = useLocalStore()
    await store.open('Note: read this.\n\nAda: Why?\n\nGrace: Because.\n', 'chat.md')
    expect(await store.fixSpeakers('chat', [])).toEqual({ ok: false, problem: { code: 'no-speakers' } })
    const fixed = await store.fixSpeakers('chat', [
      { name: 'Grace', role: 'interviewer', aliases: [] },
      { name: 'Ada', role: 'interviewee', aliases: [] },
    ])
    expect(fixed).toMatchObject({ ok: true, record: { slug: 'chat', speakersFixed: true } })
    const record = afterReload()
    const interview = await record.interviewFor('chat')
    expect(interview?.speakers.map((s) => [s.name, s.role]).sort()).toEqual([['Ada', 'interviewee'], ['Grace', 'interviewer']])
    expect(record.find('chat')?.source).toMatch(/^---\nparley:\n {2}speakers:\n {4}- name: Grace\n {6}role: interviewer/)
  })

  it('two tabs opening the same slug at the same moment both keep their interview', async () => {
    // Two pages (tabs) over one database, each with its own store.
    const tabs = [0, 1].map(() => {
      return afterReload()
    })
    await Promise.all(tabs.map((tab) => tab.load()))
    const [a, b] = await Promise.all(tabs.map((tab) => tab.open(TALK, null)))
    const slugs = [a, b].map((r) => (r?.ok ? r.record.slug : null))
    expect(slugs.sort()).toEqual(['talk', 'talk-2'])
    const reloaded = afterReload()
    await reloaded.load()
    expect(reloaded.records.map((r) => r.slug).sort()).toEqual(['talk', 'talk-2'])
    expect(reloaded.records.every((r) => r.interview.slug === r.slug)).toBe(true)
  })

  it('a list in another tab follows what this tab stores and removes', async () => {
    const other = afterReload()
    await other.load()
    const here = afterReload()
    await here.open(TALK, null)
    await vi.waitFor(() => expect(other.records.map((r) => r.slug)).toEqual(['talk']))
    await here.remove('talk')
    await vi.waitFor(() => expect(other.records).toEqual([]))
  })

  it('undo after another tab took the slug restores under the next free one', async () => {
    const here = useLocalStore()
    await here.open(TALK, null)
    const removed = await here.remove('talk')
    await afterReload().open(TALK, null)
    await here.restore(removed!)
    const reloaded = afterReload()
    await reloaded.load()
    expect(reloaded.records.map((r) => r.slug).sort()).toEqual(['talk', 'talk-2'])
  })

  it('when storage refuses to open, says stored interviews cannot be read, keeps them, and lists them once it works', async () => {
    await useLocalStore().open(TALK, null)
    let refuse = true
    const refusing = {
      open: (...args: Parameters<IDBFactory['open']>) => {
        if (refuse) throw new DOMException('The user denied permission to access the database.', 'SecurityError')
        return factory.open(...args)
      },
    } as IDBFactory
    const pinia = createPinia()
    setActivePinia(pinia)
    const store = useLocalStore()
    store.setBackend(openRecordStore<LocalRecord>(refusing))
    const list = mount(LocalInterviewList, { global: { plugins: [pinia] } })
    await vi.waitFor(() => expect(list.text()).toContain('Interviews stored in this browser cannot be read now'))
    expect(store.unreadable).toBe(true)
    const notFound = mount(NotFoundView, { props: { slug: 'talk' }, global: { plugins: [pinia], stubs: { RouterLink: true } } })
    expect(notFound.text()).toContain('cannot be read now')
    // Opening another one meanwhile stays for the session and touches nothing stored.
    const another = TALK.replace('A talk', 'Another talk')
    expect(await store.open(another, null)).toMatchObject({ ok: true, storage: 'unavailable', record: { slug: 'talk' } })
    refuse = false
    await store.load()
    expect(store.unreadable).toBe(false)
    await list.vm.$nextTick()
    expect(list.text()).not.toContain('cannot be read now')
    // Fixing the session-only one once storage works still does not overwrite the stored "talk".
    await store.fixSpeakers('talk', [{ name: 'Ada', role: 'interviewer', aliases: [] }])
    expect((await afterReload().interviewFor('talk'))?.meta.title).toBe('A talk')
  })

  it('says so too when IndexedDB is missing altogether', async () => {
    const store = useLocalStore()
    store.setBackend(openRecordStore<LocalRecord>(undefined))
    await store.load()
    expect(store.unreadable).toBe(true)
  })
})

