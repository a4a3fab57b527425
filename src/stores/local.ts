import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { summaries } from 'virtual:interview-summaries'
import type { Interview, SpeakerDeclaration } from '../core/types'
import { openRecordStore, storageProblem, type RecordStore, type StorageProblem } from '../local/idb'
import { checkText } from '../local/input'
import { parseSource } from '../local/parse-client'
import type { LocalRecord, OpenResult } from '../local/record'
import { slugCandidates, uniqueSlug } from '../local/slug'
import { defaultIndexedDB } from '../composables/browser'

/** Tabs tell each other that the stored list changed, so every open list shows what is stored. */
const CHANNEL = 'parley-interviews'

function listenToOtherTabs(onChange: () => void): BroadcastChannel | null {
  if (typeof window === 'undefined' || typeof BroadcastChannel === 'undefined') return null
  const channel = new BroadcastChannel(CHANNEL)
  channel.onmessage = onChange
  // Node's BroadcastChannel (component tests) would otherwise keep the process alive.
  ;(channel as { unref?: () => void }).unref?.()
  return channel
}

function* without(candidates: Iterator<string>, reserved: ReadonlySet<string>): Generator<string> {
  for (let next = candidates.next(); !next.done; next = candidates.next()) if (!reserved.has(next.value)) yield next.value
}

const newestFirst = (list: LocalRecord[]): LocalRecord[] => list.sort((a, b) => b.addedAt.localeCompare(a.addedAt))

/**
 * Interviews opened in this browser. The list in memory is the truth for this page; IndexedDB is a
 * copy that may fail (private mode, quota), in which case the interview still opens for the session.
 */
export const useLocalStore = defineStore('local', () => {
  /** Where records are kept: this app's IndexedDB, opened on first use, or what setBackend gave (a test's fake). */
  let backend: RecordStore<LocalRecord> | null = null
  function db(): RecordStore<LocalRecord> {
    backend ??= openRecordStore<LocalRecord>(defaultIndexedDB())
    return backend
  }
  function setBackend(store: RecordStore<LocalRecord>): void {
    backend = store
  }
  const records = ref<LocalRecord[]>([])
  const storage = shallowRef<StorageProblem | null>(null)
  /** Slugs open for this session only, because saving them failed. */
  const unsaved = ref(new Set<string>())
  /** Stored interviews could not be read (storage refused or missing): they are kept, not listed. */
  const unreadable = shallowRef(false)
  let loaded: Promise<void> | null = null
  let channel: BroadcastChannel | null = null

  function merge(list: LocalRecord[]): void {
    const known = new Set(records.value.map((r) => r.slug))
    const added = list.filter((r) => !known.has(r.slug))
    if (added.length > 0) records.value = newestFirst([...records.value, ...added])
  }

  /** What is stored now (another tab added, fixed or removed some), plus this session's unsaved ones. */
  async function refresh(): Promise<void> {
    const stored = await db().all()
    const keys = new Set(stored.map((r) => r.slug))
    records.value = newestFirst([...stored, ...records.value.filter((r) => unsaved.value.has(r.slug) && !keys.has(r.slug))])
  }

  function load(): Promise<void> {
    channel ??= listenToOtherTabs(() => void refresh().catch(() => undefined))
    loaded ??= db()
      .all()
      .then((list) => {
        unreadable.value = false
        merge(list)
      })
      .catch((error: unknown) => {
        storage.value = storageProblem(error)
        unreadable.value = true
        // Storage may be allowed later in this session: the next load tries again.
        loaded = null
      })
    return loaded
  }

  function tellOtherTabs(): void {
    channel?.postMessage('changed')
  }

  async function persist(slug: string, run: () => Promise<void>): Promise<StorageProblem | null> {
    try {
      await run()
      saved(slug)
      return null
    } catch (error) {
      return notSaved(slug, error)
    }
  }
  function saved(slug: string): void {
    storage.value = null
    unsaved.value = new Set([...unsaved.value].filter((s) => s !== slug))
    tellOtherTabs()
  }
  function notSaved(slug: string, error: unknown): StorageProblem {
    storage.value = storageProblem(error)
    unsaved.value = new Set([...unsaved.value, slug])
    return storage.value
  }

  /**
   * Stores `record` under its slug or the first free `-2`, `-3`…, claimed atomically in IndexedDB
   * (another tab may be storing the same slug at this moment). When storage fails, it stays open for
   * the session under a slug free in this page.
   */
  async function add(record: LocalRecord): Promise<{ record: LocalRecord; storage: StorageProblem | null }> {
    const reserved = new Set([...summaries.map((s) => s.slug), ...records.value.map((r) => r.slug)])
    const withSlug = (slug: string): LocalRecord => ({ ...record, slug, interview: { ...record.interview, slug } })
    let result: { record: LocalRecord; storage: StorageProblem | null }
    try {
      const stored = await db().claim(without(slugCandidates(record.slug), reserved), (slug) => toPlain(withSlug(slug)))
      saved(stored.slug)
      result = { record: stored, storage: null }
    } catch (error) {
      const slug = uniqueSlug(record.slug, reserved)
      result = { record: withSlug(slug), storage: notSaved(slug, error) }
    }
    records.value = newestFirst([result.record, ...records.value])
    // The claim skipped slugs another tab stored since this page loaded: list those too.
    if (!result.storage) merge(await db().all().catch(() => []))
    return result
  }

  function find(slug: string): LocalRecord | null {
    return records.value.find((r) => r.slug === slug) ?? null
  }
  async function interviewFor(slug: string): Promise<Interview | null> {
    await load()
    return find(slug)?.interview ?? null
  }

  async function open(source: string, file: string | null): Promise<OpenResult> {
    const checked = checkText(source)
    if (!checked.ok) return { ok: false, problem: checked.problem }
    const parsed = await parseSource(source, file)
    if (!parsed.ok) return parsed
    await load()
    const { slug } = parsed.interview
    const added = await add({ slug, file, source, addedAt: new Date().toISOString(), speakersFixed: false, interview: parsed.interview })
    return { ok: true, ...added }
  }

  /** Rewrite the source's `parley.speakers` block, parse again, keep the slug (links stay valid). */
  async function fixSpeakers(slug: string, speakers: SpeakerDeclaration[]): Promise<OpenResult> {
    const current = find(slug)
    if (!current) return { ok: false, problem: { code: 'no-speakers' } }
    if (speakers.length === 0) return { ok: false, problem: { code: 'no-speakers' } }
    // yaml's stringifier is ~100 kB the list page never needs; only Fix speakers loads it.
    const { withSpeakersBlock } = await import('../local/speakers-block')
    const rewritten = withSpeakersBlock(current.source, speakers)
    if (!rewritten.ok) return { ok: false, problem: { code: 'parse', line: rewritten.line, message: rewritten.message } }
    const parsed = await parseSource(rewritten.source, current.file)
    if (!parsed.ok) return parsed
    const record: LocalRecord = { ...current, source: rewritten.source, speakersFixed: true, interview: { ...parsed.interview, slug } }
    records.value = records.value.map((r) => (r.slug === slug ? record : r))
    // A record never stored may share its slug with a stored one this page could not read: take only a free key.
    const save = unsaved.value.has(slug) ? () => db().claim([slug].values(), () => toPlain(record)).then(() => undefined) : () => db().put(toPlain(record))
    return { ok: true, record, storage: await persist(record.slug, save) }
  }

  async function remove(slug: string): Promise<LocalRecord | null> {
    const record = find(slug)
    if (!record) return null
    records.value = records.value.filter((r) => r.slug !== slug)
    await persist(slug, () => db().remove(slug))
    return record
  }

  /** Undo a removal. Another tab may have taken the slug meanwhile: then it gets the next free one. */
  async function restore(record: LocalRecord): Promise<void> {
    if (find(record.slug)) return
    await add(record)
  }

  return { records, storage, unsaved, unreadable, setBackend, load, find, interviewFor, open, fixSpeakers, remove, restore }
})

/** Structured clone refuses Vue proxies; a record is plain JSON by design (see core/types). */
function toPlain(record: LocalRecord): LocalRecord {
  return JSON.parse(JSON.stringify(record)) as LocalRecord
}
