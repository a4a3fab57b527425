import { IDBFactory } from 'fake-indexeddb'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { openRecordStore, type RecordStore } from '../../src/local/idb'
import type { LocalRecord } from '../../src/local/record'
import { setLocalBackend, useLocalStore } from '../../src/stores/local'

const TALK = '---\ntitle: A talk\nslug: talk\n---\n\n## Start\n\n**Ada**: Why?\n\n**Grace**: Because.\n\n**Ada**: And?\n\n**Grace**: That is all.\n'
const failing = (name: string): RecordStore<LocalRecord> => {
  const fail = (): Promise<never> => Promise.reject(new DOMException(name, name))
  return { all: fail, put: fail, remove: fail }
}

let factory: IDBFactory
beforeEach(() => {
  factory = new IDBFactory()
  setLocalBackend(openRecordStore<LocalRecord>(factory))
  setActivePinia(createPinia())
})

/** A fresh store over the same database: what a reload sees. */
function afterReload(): ReturnType<typeof useLocalStore> {
  setLocalBackend(openRecordStore<LocalRecord>(factory))
  setActivePinia(createPinia())
  return useLocalStore()
}

describe('local interviews store', () => {
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
    setActivePinia(createPinia())
    await useLocalStore().open(TALK, null)
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
    setLocalBackend(failing('QuotaExceededError'))
    const store = useLocalStore()
    expect(await store.open(TALK, null)).toMatchObject({ ok: true, storage: 'full' })
    expect(store.unsaved.has('talk')).toBe(true)
    expect((await store.interviewFor('talk'))?.meta.title).toBe('A talk')

    setLocalBackend(failing('SecurityError'))
    setActivePinia(createPinia())
    expect(await useLocalStore().open(TALK, null)).toMatchObject({ ok: true, storage: 'unavailable' })
  })

  it('removes and restores (undo), in memory and on disk', async () => {
    const store = useLocalStore()
    await store.open(TALK, null)
    const removed = await store.remove('talk')
    expect(store.records).toEqual([])
    expect(await afterReload().interviewFor('talk')).toBeNull()
    setActivePinia(createPinia())
    const again = useLocalStore()
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
})
