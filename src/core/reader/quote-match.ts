/**
 * Finding a quote again (see ./quote.ts): its exact text, else an approximate match, with the
 * stored context telling candidates apart. The approximate step is `approx-string-match` (Myers'
 * bit-parallel algorithm, the matcher Hypothesis uses): linear in the text for a given quote, so a
 * 30,000-character turn or 5,000 turns cost milliseconds instead of |quote| × |text| table cells.
 * Pure (no DOM); runs in the quote worker for long interviews (src/workers/quote.worker.ts).
 */
import approxSearch from 'approx-string-match'
import type { QuoteSelector } from './quote'
import type { TextRange } from './search'

export type Anchored = TextRange & { how: 'exact' | 'fuzzy' }

/** An edited passage is still found with up to this many edits per character of the quote. */
const MAX_ERROR_RATE = 1 / 4
/** Quote, context and place weigh as in Hypothesis's `matchQuote`: the quote most, its context next. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20 } as const
const WEIGHT_SUM = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix

/** 1 when `context` is all there, towards 0 as it needs more edits (approximately matched). */
function contextScore(around: string, context: string): number {
  if (context === '') return 1
  if (around === '') return 0
  const [best] = approxSearch(around, context, context.length)
  return best ? 1 - best.errors / context.length : 0
}

function score(text: string, m: TextRange & { errors: number }, q: QuoteSelector): number {
  const prefix = contextScore(text.slice(Math.max(0, m.start - q.prefix.length), m.start), q.prefix)
  const suffix = contextScore(text.slice(m.end, m.end + q.suffix.length), q.suffix)
  return (WEIGHT.quote * (1 - m.errors / q.exact.length) + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix) / WEIGHT_SUM
}

/** Every exact occurrence; when there is none, the closest approximate ones (Myers' bit-parallel matcher). */
function candidates(text: string, exact: string): (TextRange & { errors: number })[] {
  const found: (TextRange & { errors: number })[] = []
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push({ start: at, end: at + exact.length, errors: 0 })
  return found.length > 0 ? found : approxSearch(text, exact, Math.floor(exact.length * MAX_ERROR_RATE))
}

/**
 * Find a quote in `text`: its exact occurrences, else its closest matches within a quarter of the
 * quote's length in edits, each scored with how well the stored context matches around it; the
 * best wins. Null when the passage is gone.
 */
export function anchorQuote(text: string, q: QuoteSelector): Anchored | null {
  if (q.exact === '') return null
  let best: Anchored | null = null
  let bestScore = -1
  for (const m of candidates(text, q.exact)) {
    const s = score(text, m, q)
    if (s > bestScore) {
      best = { start: m.start, end: m.end, how: m.errors === 0 ? 'exact' : 'fuzzy' }
      bestScore = s
    }
  }
  return best
}

export type QuoteHit = Anchored & { index: number }

/** Text searched in one call: the matcher's set-up costs about as much as 300 characters of text, so turns are searched together. */
export const QUOTE_SLICE_CHARS = 50_000
/** Joins turns searched together: a match across it needs an edit, and is cut back to the turn it starts in. */
const SEPARATOR = '\u0000'

/** The turn a match in `texts[from] + SEPARATOR + texts[from + 1] …` starts in, and the match within it. */
function hitIn(texts: readonly string[], from: number, found: Anchored): QuoteHit {
  let index = from
  let offset = 0
  while (found.start >= offset + texts[index]!.length + SEPARATOR.length) offset += texts[index++]!.length + SEPARATOR.length
  const length = texts[index]!.length
  return { index, start: found.start - offset, end: Math.min(found.end - offset, length), how: found.how }
}

/**
 * Search `texts` (the turns, the linked one first) once each, in order, for the first that holds
 * the quote: the linked turn alone (a match there wins), then the others in slices of about
 * `sliceChars`. A generator: after each slice it yields the characters searched, so a caller can
 * pause for input between slices; `findQuote` runs it through.
 */
export function* searchQuote(texts: readonly string[], q: QuoteSelector, sliceChars = QUOTE_SLICE_CHARS): Generator<number, QuoteHit | null> {
  for (let from = 0; from < texts.length;) {
    let to = from + 1
    let size = texts[from]!.length
    while (from > 0 && to < texts.length && size + texts[to]!.length <= sliceChars) size += SEPARATOR.length + texts[to++]!.length
    const found = anchorQuote(texts.slice(from, to).join(SEPARATOR), q)
    if (found) return hitIn(texts, from, found)
    from = to
    yield size
  }
  return null
}

export function findQuote(texts: readonly string[], q: QuoteSelector): QuoteHit | null {
  const search = searchQuote(texts, q)
  for (;;) {
    const step = search.next()
    if (step.done) return step.value
  }
}
