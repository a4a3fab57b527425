import { describe, expect, it } from 'vitest'
import { makeQuote, textFragment } from '../../src/core/reader/quote'
import { anchorQuote, findQuote } from '../../src/core/reader/quote-match'
import { locateQuote, QUOTE_WORKER_THRESHOLD, type QuoteWorker, type QuoteWorkerRequest } from '../../src/composables/quote-locate'
import { prose, withTypos } from '../../bench/generate'

const TEXT = 'SIG Cloud Provider 的成立是确保 Kubernetes 为所有基础设施提供商提供一个中立的接入点。 迄今为止，我们最大的任务是将 in-tree 云控制器提取并迁移到 out-of-tree 组件。'

function quoteOf(text: string, passage: string) {
  const start = text.indexOf(passage)
  return makeQuote(text, start, start + passage.length)
}

describe('quote anchoring', () => {
  it('finds the exact passage again', () => {
    const q = quoteOf(TEXT, '中立的接入点')
    const found = anchorQuote(TEXT, q)
    expect(found?.how).toBe('exact')
    expect(TEXT.slice(found!.start, found!.end)).toBe('中立的接入点')
  })

  it('tells repeated passages apart by their context', () => {
    const text = 'the answer is yes. Later: the answer is no.'
    const second = text.lastIndexOf('the answer')
    const q = makeQuote(text, second, second + 'the answer'.length)
    expect(anchorQuote(text, q)).toEqual({ start: second, end: second + 10, how: 'exact' })
  })

  it('finds a passage that moved (text added before it)', () => {
    const q = quoteOf(TEXT, '中立的接入点')
    const moved = `新增的一句话。${TEXT}`
    const found = anchorQuote(moved, q)!
    expect(moved.slice(found.start, found.end)).toBe('中立的接入点')
    expect(found.how).toBe('exact')
  })

  it('falls back to a fuzzy match when the passage was edited', () => {
    const text = 'I think the two most important subprojects today are the framework and the extraction project.'
    const q = quoteOf(text, 'two most important subprojects today')
    const edited = text.replace('two most important subprojects today', 'two most important sub-projects now')
    const found = anchorQuote(edited, q)!
    expect(found.how).toBe('fuzzy')
    expect(edited.slice(found.start, found.end)).toMatch(/^two most important sub-projects/)
  })

  it('reports a passage that is gone', () => {
    const q = quoteOf(TEXT, '中立的接入点')
    expect(anchorQuote('完全不同的一段话，没有任何相同的内容。', q)).toBeNull()
    expect(anchorQuote(TEXT, { exact: '', prefix: '', suffix: '' })).toBeNull()
  })

  it('keeps context short and never splits an emoji', () => {
    const text = `${'x'.repeat(40)}😀${'y'.repeat(31)}PASSAGE${'z'.repeat(31)}😀`
    const q = quoteOf(text, 'PASSAGE')
    expect(q.prefix).toBe('y'.repeat(31))
    expect(q.suffix).toBe('z'.repeat(31))
  })

  it('finds a passage typed with typos, the context deciding between near matches', () => {
    const text = 'We moved the cloud controller out of tree. Later we moved the cloud controller manager out of tree too.'
    const at = text.lastIndexOf('moved the cloud controller manager')
    const q = makeQuote(text, at, at + 'moved the cloud controller manager'.length)
    const typed = text.replace('moved the cloud controller manager', 'moved teh clowd controler manager')
    const found = anchorQuote(typed, q)!
    expect(found.how).toBe('fuzzy')
    expect(typed.slice(found.start, found.end)).toBe('moved teh clowd controler manager')
  })
})

describe('quote links in long turns and long interviews', () => {
  const turn = prose(30_000, 7)
  const at = 21_000
  const q = makeQuote(turn, at, at + 200)
  // Every 20th character changed: 10 edits in the 200-character quote.
  const edited = withTypos(turn, at, 200)

  it('finds an edited 200-character quote in a 30,000-character turn', () => {
    const found = anchorQuote(edited, q)!
    expect(found.how).toBe('fuzzy')
    expect(Math.abs(found.start - at)).toBeLessThanOrEqual(1)
    expect(Math.abs(found.end - (at + 200))).toBeLessThanOrEqual(1)
  })

  it('searches each turn once, the linked one first, and says which turn holds the quote', () => {
    const turns = Array.from({ length: 50 }, (_, i) => prose(2_000, 100 + i))
    turns[31] = edited
    expect(findQuote(turns, q)).toMatchObject({ index: 31, how: 'fuzzy' })
    expect(findQuote([turn, ...turns], q)).toEqual({ index: 0, start: at, end: at + 200, how: 'exact' })
  })

  it('reports a quote gone from 5,000 turns, pausing for input between slices', async () => {
    const turns = Array.from({ length: 5_000 }, (_, i) => prose(300, 1_000 + i))
    let pauses = 0
    const found = await locateQuote(turns, q, { createWorker: null, pause: async () => void pauses++, sliceChars: 50_000 })
    expect(found).toBeNull()
    // 1.5 M characters in 50,000-character slices: the main thread is given back after each.
    expect(pauses).toBeGreaterThanOrEqual((5_000 * 300) / 50_000)
    expect(pauses).toBeLessThanOrEqual((5_000 * 300) / 50_000 + 2)
  })

  it('long interviews are searched in a worker, short ones on the page', async () => {
    const requests: QuoteWorkerRequest[] = []
    const createWorker = (): QuoteWorker => {
      const worker: QuoteWorker = {
        postMessage: (request: QuoteWorkerRequest) => {
          requests.push(request)
          queueMicrotask(() => worker.onmessage?.call(worker as Worker, { data: findQuote(request.texts, request.quote) } as MessageEvent))
        },
        terminate: () => undefined,
        onmessage: null,
        onerror: null,
      }
      return worker
    }
    const long = Array.from({ length: 20 }, (_, i) => prose(QUOTE_WORKER_THRESHOLD / 10, 200 + i))
    long[12] = turn
    expect(await locateQuote(long, q, { createWorker })).toMatchObject({ index: 12, how: 'exact' })
    expect(requests).toHaveLength(1)
    expect(await locateQuote([turn], q, { createWorker })).toMatchObject({ index: 0, how: 'exact' })
    expect(requests).toHaveLength(1)
  })

  it('a worker that fails to start falls back to the page', async () => {
    const broken = (): QuoteWorker => {
      throw new Error('blocked by CSP')
    }
    const long = [prose(QUOTE_WORKER_THRESHOLD, 300), turn]
    expect(await locateQuote(long, q, { createWorker: broken, pause: async () => undefined })).toMatchObject({ index: 1, how: 'exact' })
  })
})

describe('text fragments', () => {
  it('encodes reserved characters and trims context to whole words', () => {
    const text = 'Cloud providers can use the framework maintained by the SIG, or follow the API guidelines.'
    const q = quoteOf(text, 'framework maintained by the SIG')
    expect(textFragment(q)).toBe(':~:text=providers%20can%20use%20the-,framework%20maintained%20by%20the%20SIG,-%2C%20or%20follow%20the%20API')
    expect(textFragment({ exact: 'out-of-tree', prefix: '', suffix: '' })).toBe(':~:text=out%2Dof%2Dtree')
  })

  it('leaves out context for unspaced scripts and shortens long quotes', () => {
    expect(textFragment(quoteOf(TEXT, '中立的接入点'))).toBe(`:~:text=${encodeURIComponent('中立的接入点')}`)
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen'
    expect(textFragment({ exact: long, prefix: '', suffix: '' })).toBe(':~:text=one%20two%20three%20four,twelve%20thirteen%20fourteen%20fifteen')
  })
})
