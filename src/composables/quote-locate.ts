import { QUOTE_SLICE_CHARS, searchQuote, type QuoteHit } from '../core/reader/quote-match'
import type { QuoteSelector } from '../core/reader/quote'
import { yieldToMain } from './yield-to-main'

/**
 * Above this many characters of turn text the search runs in a worker: a quote that is gone from a
 * 5,000-turn interview is looked for in every turn, and the page must take input meanwhile.
 */
export const QUOTE_WORKER_THRESHOLD = 100_000

export interface QuoteWorkerRequest {
  texts: string[]
  quote: QuoteSelector
}

/** What the page needs of a Worker (tests pass a fake). */
export type QuoteWorker = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>

export interface LocateOptions {
  createWorker?: (() => QuoteWorker) | null
  /** Called between slices on the main thread; default: let input and paint run. */
  pause?: () => Promise<void>
  sliceChars?: number
}

function startWorker(): QuoteWorker {
  return new Worker(new URL('../workers/quote.worker.ts', import.meta.url), { type: 'module' })
}

/**
 * The first of `texts` (the linked turn first, then every turn shown) that holds the quote, and
 * where. Long interviews are searched in a worker; short ones, or where no worker starts, on the
 * main thread in slices.
 */
export async function locateQuote(texts: string[], quote: QuoteSelector, options: LocateOptions = {}): Promise<QuoteHit | null> {
  const total = texts.reduce((sum, text) => sum + text.length, 0)
  const createWorker = options.createWorker === undefined ? (typeof Worker !== 'undefined' ? startWorker : null) : options.createWorker
  if (total > QUOTE_WORKER_THRESHOLD && createWorker) {
    const hit = await inWorker({ texts, quote }, createWorker).catch(() => undefined)
    // A worker that cannot start (old browser, strict CSP) must not stop the quote from opening.
    if (hit !== undefined) return hit
  }
  return inSlices(texts, quote, options.pause ?? yieldToMain, options.sliceChars ?? QUOTE_SLICE_CHARS)
}

async function inSlices(texts: string[], quote: QuoteSelector, pause: () => Promise<void>, sliceChars: number): Promise<QuoteHit | null> {
  const search = searchQuote(texts, quote, sliceChars)
  for (let step = search.next(); ; step = search.next()) {
    if (step.done) return step.value
    await pause()
  }
}

function inWorker(request: QuoteWorkerRequest, createWorker: () => QuoteWorker): Promise<QuoteHit | null> {
  return new Promise((resolve, reject) => {
    const worker = createWorker()
    worker.onmessage = (event: MessageEvent<QuoteHit | null>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(event.message || 'quote worker failed'))
    }
    worker.postMessage(request)
  })
}
