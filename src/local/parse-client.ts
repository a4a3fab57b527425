import type { ParseResult } from '../core/types'

/**
 * Above this many characters the parse runs in a Web Worker, so a big file cannot freeze the page.
 * Below it, posting to a worker costs more than the parse itself.
 */
export const WORKER_THRESHOLD = 100_000

export interface WorkerRequest {
  source: string
  file: string | null
}

/**
 * Parse with the same `src/core` code as the build. The import is dynamic on purpose: markdown-it
 * and the parser stay out of the main chunk until someone opens their own file.
 */
export async function parseSource(source: string, file: string | null): Promise<ParseResult> {
  if (source.length > WORKER_THRESHOLD && typeof Worker !== 'undefined') {
    const result = await parseInWorker(source, file).catch(() => null)
    if (result) return result
    // A worker that cannot start (old browser, strict CSP) must not stop the file from opening.
  }
  const { parseInterview } = await import('../core/parse')
  return parseInterview(source, { file })
}

function parseInWorker(source: string, file: string | null): Promise<ParseResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/parse.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<ParseResult>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(event.message || 'parse worker failed'))
    }
    worker.postMessage({ source, file } satisfies WorkerRequest)
  })
}
