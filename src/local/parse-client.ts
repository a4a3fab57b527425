import { needsToml } from '../core/toml-detect'
import type { Interview, ParseResult } from '../core/types'
import { parseProblem, type OpenProblem } from './record'

/**
 * Above this many characters the parse runs in a Web Worker, so a big file cannot freeze the page.
 * Below it, posting to a worker costs more than the parse itself.
 */
export const WORKER_THRESHOLD = 100_000

/**
 * A parse in the worker that takes longer is stopped. Real interviews parse in well under a second;
 * markdown-it needs tens of seconds for megabytes of some shapes (`[` or `![` repeated).
 */
export const PARSE_TIME_LIMIT_MS = 20_000

export interface WorkerRequest {
  source: string
  file: string | null
}

/** What the page needs of a Worker (tests pass a fake). */
export type ParseWorker = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>

export interface ParseOptions {
  createWorker?: () => ParseWorker
  timeLimitMs?: number
}

export type ParseOutcome = { ok: true; interview: Interview } | { ok: false; problem: OpenProblem }

function startWorker(): ParseWorker {
  return new Worker(new URL('../workers/parse.worker.ts', import.meta.url), { type: 'module' })
}

/**
 * Parse with the same `src/core` code as the build. The import is dynamic on purpose: markdown-it
 * and the parser stay out of the main chunk until someone opens their own file.
 */
export async function parseSource(source: string, file: string | null, options: ParseOptions = {}): Promise<ParseOutcome> {
  const createWorker = options.createWorker ?? (typeof Worker !== 'undefined' ? startWorker : null)
  if (source.length > WORKER_THRESHOLD && createWorker) {
    const result = await parseInWorker(source, file, createWorker, options.timeLimitMs ?? PARSE_TIME_LIMIT_MS).catch(() => null)
    if (result) return result
    // A worker that cannot start (old browser, strict CSP) must not stop the file from opening.
  }
  const { parseInterview } = await import('../core/parse')
  const readToml = needsToml(source) ? (await import('../core/toml')).readToml : undefined
  return outcome(parseInterview(source, { file, readToml }))
}

function outcome(result: ParseResult): ParseOutcome {
  return result.ok ? result : { ok: false, problem: parseProblem(result.error) }
}

function parseInWorker(source: string, file: string | null, createWorker: () => ParseWorker, limitMs: number): Promise<ParseOutcome> {
  return new Promise((resolve, reject) => {
    const worker = createWorker()
    const finish = (settle: () => void): void => {
      clearTimeout(timer)
      worker.terminate()
      settle()
    }
    const timer = setTimeout(() => finish(() => resolve({ ok: false, problem: { code: 'too-slow', seconds: Math.round(limitMs / 1000) } })), limitMs)
    worker.onmessage = (event: MessageEvent<ParseResult>) => finish(() => resolve(outcome(event.data)))
    worker.onerror = (event) => finish(() => reject(new Error(event.message || 'parse worker failed')))
    worker.postMessage({ source, file } satisfies WorkerRequest)
  })
}
