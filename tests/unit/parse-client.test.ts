import { afterEach, describe, expect, it, vi } from 'vitest'
import { describeProblem } from '../../src/local/describe'
import { PARSE_TIME_LIMIT_MS, parseSource, WORKER_THRESHOLD, type ParseWorker } from '../../src/local/parse-client'
import { parseInterview } from '../../src/core/parse'
import { en as enReader, type MessageKey } from '../../src/i18n/messages'
import { enParts } from '../../src/i18n/messages-parts'
import { enLocal } from '../../src/i18n/messages-local'

/** A worker that answers with `answer(source)`, or never when `answer` is null. */
function fakeWorker(answer: ((source: string) => unknown) | null): { create: () => ParseWorker; terminated: () => boolean } {
  let terminated = false
  const worker: ParseWorker = {
    onmessage: null,
    onerror: null,
    terminate: () => void (terminated = true),
    postMessage(request: { source: string }) {
      if (answer) setTimeout(() => worker.onmessage?.call(worker as Worker, { data: answer(request.source) } as MessageEvent))
    },
  }
  return { create: () => worker, terminated: () => terminated }
}

const big = `**A**: Why?\n\n**B**: ${'Because. '.repeat(WORKER_THRESHOLD / 9)}\n`
const en: Record<MessageKey, string> = { ...enReader, ...enParts, ...enLocal }
const t = (key: MessageKey, params: Record<string, string | number> = {}): string => en[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))

afterEach(() => vi.useRealTimers())

describe('parseSource in a worker', () => {
  it('returns the worker’s model for a big text', async () => {
    const worker = fakeWorker((source) => parseInterview(source, { file: 'big.md' }))
    const result = await parseSource(big, 'big.md', { createWorker: worker.create })
    expect(result.ok && result.interview.speakers.map((s) => s.name)).toEqual(['A', 'B'])
    expect(worker.terminated()).toBe(true)
  })

  it('stops a parse that runs past the time limit and says why, in words', async () => {
    vi.useFakeTimers()
    const worker = fakeWorker(null)
    const pending = parseSource(big, 'brackets.md', { createWorker: worker.create })
    await vi.advanceTimersByTimeAsync(PARSE_TIME_LIMIT_MS - 1)
    expect(worker.terminated()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const result = await pending
    expect(result).toEqual({ ok: false, problem: { code: 'too-slow', seconds: PARSE_TIME_LIMIT_MS / 1000 } })
    expect(worker.terminated()).toBe(true)
    if (!result.ok) {
      expect(describeProblem(result.problem, 'brackets.md', t)).toBe(
        'Reading brackets.md took longer than 20 seconds, so it was stopped and nothing was opened. Markdown that repeats “[” or “![” thousands of times is very slow to read; remove such runs and try again.',
      )
    }
  })

  it('parses short texts on the page, without a worker', async () => {
    const worker = fakeWorker(null)
    const result = await parseSource('**A**: Why?\n\n**B**: Because.\n', null, { createWorker: worker.create })
    expect(result.ok).toBe(true)
    expect(worker.terminated()).toBe(false)
  })
})
