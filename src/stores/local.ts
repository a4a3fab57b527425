import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { summaries } from 'virtual:interviews'
import type { Interview, SpeakerDeclaration } from '../core/types'
import { openRecordStore, storageProblem, type RecordStore, type StorageProblem } from '../local/idb'
import { checkText } from '../local/input'
import { parseSource } from '../local/parse-client'
import { parseProblem, type LocalRecord, type OpenResult } from '../local/record'
import { uniqueSlug } from '../local/slug'

let backend: RecordStore<LocalRecord> | null = null
/** Tests inject a fake (or failing) store; the app opens IndexedDB on first use. */
export function setLocalBackend(store: RecordStore<LocalRecord> | null): void {
  backend = store
}
function db(): RecordStore<LocalRecord> {
  backend ??= openRecordStore<LocalRecord>(globalThis.indexedDB)
  return backend
}

/**
 * Interviews opened in this browser. The list in memory is the truth for this page; IndexedDB is a
 * copy that may fail (private mode, quota), in which case the interview still opens for the session.
 */
export const useLocalStore = defineStore('local', () => {
  const records = ref<LocalRecord[]>([])
  const storage = shallowRef<StorageProblem | null>(null)
  /** Slugs open for this session only, because saving them failed. */
  const unsaved = ref(new Set<string>())
  let loaded: Promise<void> | null = null

  function merge(list: LocalRecord[]): void {
    const known = new Set(records.value.map((r) => r.slug))
    const added = list.filter((r) => !known.has(r.slug))
    if (added.length > 0) records.value = [...records.value, ...added].sort((a, b) => b.addedAt.localeCompare(a.addedAt))
  }

  function load(): Promise<void> {
    loaded ??= db()
      .all()
      .then(merge)
      .catch((error: unknown) => {
        storage.value = storageProblem(error)
      })
    return loaded
  }

  async function persist(slug: string, run: () => Promise<void>): Promise<StorageProblem | null> {
    const next = new Set(unsaved.value)
    try {
      await run()
      storage.value = null
      next.delete(slug)
    } catch (error) {
      storage.value = storageProblem(error)
      next.add(slug)
    }
    unsaved.value = next
    return next.has(slug) ? storage.value : null
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
    if (!parsed.ok) return { ok: false, problem: parseProblem(parsed.error) }
    await load()
    // Another tab may have stored interviews since this page loaded; their slugs are taken too.
    merge(await db().all().catch(() => []))
    const taken = new Set([...summaries.map((s) => s.slug), ...records.value.map((r) => r.slug)])
    const slug = uniqueSlug(parsed.interview.slug, taken)
    const record: LocalRecord = {
      slug, file, source, addedAt: new Date().toISOString(), speakersFixed: false,
      interview: { ...parsed.interview, slug },
    }
    records.value = [record, ...records.value]
    return { ok: true, record, storage: await persist(record.slug, () => db().put(toPlain(record))) }
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
    if (!parsed.ok) return { ok: false, problem: parseProblem(parsed.error) }
    const record: LocalRecord = { ...current, source: rewritten.source, speakersFixed: true, interview: { ...parsed.interview, slug } }
    records.value = records.value.map((r) => (r.slug === slug ? record : r))
    return { ok: true, record, storage: await persist(record.slug, () => db().put(toPlain(record))) }
  }

  async function remove(slug: string): Promise<LocalRecord | null> {
    const record = find(slug)
    if (!record) return null
    records.value = records.value.filter((r) => r.slug !== slug)
    await persist(slug, () => db().remove(slug))
    return record
  }

  async function restore(record: LocalRecord): Promise<void> {
    if (find(record.slug)) return
    records.value = [...records.value, record].sort((a, b) => b.addedAt.localeCompare(a.addedAt))
    await persist(record.slug, () => db().put(toPlain(record)))
  }

  return { records, storage, unsaved, load, find, interviewFor, open, fixSpeakers, remove, restore }
})

/** Structured clone refuses Vue proxies; a record is plain JSON by design (see core/types). */
function toPlain(record: LocalRecord): LocalRecord {
  return JSON.parse(JSON.stringify(record)) as LocalRecord
}
