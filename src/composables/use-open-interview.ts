import { onScopeDispose, ref } from 'vue'
import { useRouter } from 'vue-router'
import { useI18n } from '../i18n'
import '../i18n/local-strings'
import { describeProblem } from '../local/describe'
import { fetchSource } from '../local/fetch-source'
import { readTextFile } from '../local/read-file'
import type { OpenProblem } from '../local/record'
import { useLocalStore } from '../stores/local'

export interface OpenMessage {
  id: number
  tone: 'error' | 'ok'
  text: string
}

type Source = { ok: true; text: string; file: string | null } | { ok: false; problem: OpenProblem }
interface Job {
  name: string
  read: () => Promise<Source>
}

async function readFile(file: File): Promise<Source> {
  const checked = await readTextFile(file)
  return checked.ok ? { ok: true, text: checked.text, file: file.name } : checked
}

/** Quick opens should not flash a progress bar; slower ones (big files, slow URLs) show one. */
const PROGRESS_DELAY_MS = 300

/**
 * Paste, files and URLs all end in the same steps: read → check → parse → store. One opened
 * interview goes straight to the reader; several stay on the list with a line per file.
 */
export function useOpenInterview(options: { fetcher?: typeof fetch } = {}) {
  const local = useLocalStore()
  const router = useRouter()
  const { t } = useI18n()
  const busy = ref<string | null>(null)
  const showProgress = ref(false)
  const messages = ref<OpenMessage[]>([])
  let nextId = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  onScopeDispose(() => clearTimeout(timer))

  async function run(jobs: Job[]): Promise<void> {
    if (busy.value || jobs.length === 0) return
    messages.value = []
    timer = setTimeout(() => (showProgress.value = true), PROGRESS_DELAY_MS)
    const opened: string[] = []
    try {
      for (const job of jobs) {
        busy.value = job.name
        const source = await job.read()
        const result = source.ok ? await local.open(source.text, source.file) : source
        if (!result.ok) {
          messages.value.push({ id: nextId++, tone: 'error', text: describeProblem(result.problem, job.name, t) })
          continue
        }
        opened.push(result.record.slug)
        const title = result.record.interview.meta.title
        if (result.storage) messages.value.push({ id: nextId++, tone: 'error', text: t(result.storage === 'full' ? 'storageFull' : 'storageUnavailable', { title }) })
        else if (jobs.length > 1) messages.value.push({ id: nextId++, tone: 'ok', text: t('opened', { title }) })
      }
    } finally {
      clearTimeout(timer)
      busy.value = null
      showProgress.value = false
    }
    if (jobs.length > 1 && opened.length > 1) messages.value.unshift({ id: nextId++, tone: 'ok', text: t('openedMany', { n: opened.length }) })
    // A storage warning must be read before leaving; the reader repeats it anyway.
    if (jobs.length === 1 && opened[0] && messages.value.length === 0) await router.push({ name: 'reader', params: { slug: opened[0] } })
  }

  return {
    busy,
    showProgress,
    messages,
    openText: (text: string) => run([{ name: t('pastedText'), read: async () => ({ ok: true, text, file: null }) }]),
    openFiles: (files: File[]) => run(files.map((f) => ({ name: f.name, read: () => readFile(f) }))),
    openUrl: (url: string) => run([{ name: url.trim() || t('urlLabel'), read: () => fetchSource(url, options.fetcher) }]),
  }
}
