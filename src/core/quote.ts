/**
 * Quote links, Hypothesis-style: a passage is saved as its exact text plus a little context on each
 * side, and found again in the turn's text. Context tells repeated passages apart; when the text
 * was edited since, an approximate match still finds the passage. Pure (no DOM).
 */
import type { TextRange } from './search'

export interface QuoteSelector {
  exact: string
  prefix: string
  suffix: string
}

export type Anchored = TextRange & { how: 'exact' | 'fuzzy' }

/** How much context is stored on each side: enough to tell repeats apart, short enough for a URL. */
export const CONTEXT_CHARS = 32
/** Approximate matching costs |quote| × |text|; past this a quote is only matched exactly. */
const FUZZY_BUDGET = 4_000_000

export function makeQuote(text: string, start: number, end: number): QuoteSelector {
  // Never cut an astral character (emoji) in half: a lone surrogate cannot survive a URL.
  const from = Math.max(0, start - CONTEXT_CHARS)
  const to = Math.min(text.length, end + CONTEXT_CHARS)
  return {
    exact: text.slice(start, end),
    prefix: text.slice(from + (isLow(text.charCodeAt(from)) ? 1 : 0), start),
    suffix: text.slice(end, to - (isHigh(text.charCodeAt(to - 1)) ? 1 : 0)),
  }
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

function commonSuffix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}
function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

function contextScore(text: string, start: number, end: number, q: QuoteSelector): number {
  const before = text.slice(Math.max(0, start - q.prefix.length), start)
  const after = text.slice(end, end + q.suffix.length)
  return commonSuffix(before, q.prefix) + commonPrefix(after, q.suffix)
}

/**
 * Approximate substring match (Sellers): the span of `text` with the fewest edits from `pattern`,
 * if it needs at most `maxErrors`. One row of the edit table at a time, carrying each cell's start.
 */
export function fuzzyFind(text: string, pattern: string, maxErrors: number): (TextRange & { errors: number }) | null {
  const m = pattern.length
  if (m === 0 || m * text.length > FUZZY_BUDGET) return null
  // prev[i]: edits to match pattern[0..i) ending at the previous text position; from[i]: its start.
  let prev = Array.from({ length: m + 1 }, (_, i) => i)
  let prevFrom = new Array<number>(m + 1).fill(0)
  let best: (TextRange & { errors: number }) | null = null
  for (let j = 1; j <= text.length; j++) {
    const cur = new Array<number>(m + 1)
    const curFrom = new Array<number>(m + 1)
    cur[0] = 0
    curFrom[0] = j
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1)
      const del = prev[i]! + 1
      const ins = cur[i - 1]! + 1
      if (sub <= del && sub <= ins) {
        cur[i] = sub
        curFrom[i] = prevFrom[i - 1]!
      } else if (del <= ins) {
        cur[i] = del
        curFrom[i] = prevFrom[i]!
      } else {
        cur[i] = ins
        curFrom[i] = curFrom[i - 1]!
      }
    }
    const errors = cur[m]!
    if (errors <= maxErrors && (!best || errors < best.errors)) best = { start: curFrom[m]!, end: j, errors }
    prev = cur
    prevFrom = curFrom
  }
  return best
}

/**
 * Find a quote in `text`: every exact occurrence, best context wins; else the closest approximate
 * match within a quarter of the quote's length in edits; else null (the passage is gone).
 */
export function anchorQuote(text: string, q: QuoteSelector): Anchored | null {
  if (q.exact === '') return null
  let best: Anchored | null = null
  let bestScore = -1
  for (let at = text.indexOf(q.exact); at >= 0; at = text.indexOf(q.exact, at + 1)) {
    const score = contextScore(text, at, at + q.exact.length, q)
    if (score > bestScore) {
      best = { start: at, end: at + q.exact.length, how: 'exact' }
      bestScore = score
    }
  }
  if (best) return best
  const fuzzy = fuzzyFind(text, q.exact, Math.floor(q.exact.length / 4))
  return fuzzy ? { start: fuzzy.start, end: fuzzy.end, how: 'fuzzy' } : null
}

// Text fragments reserve `-`, `,` and `&`; encodeURIComponent leaves `-` alone.
function encodeFragmentPart(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D')
}

const SPACED = /\s/
// Scripts written without spaces: any cut in their context is likely mid-word for the browser.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u

/**
 * A standard text fragment (`:~:text=[prefix-,]start[,end][,-suffix]`) for sharing outside Parley.
 * Browsers only match context at word boundaries, so context is trimmed to whole words, and left
 * out for unspaced scripts (CJK) where a cut mid-context could never match. Long quotes use the
 * start,end form so the URL stays short.
 */
export function textFragment(q: QuoteSelector): string {
  const exact = q.exact.trim().replace(/\s+/g, ' ')
  const parts: string[] = []
  const context = !UNSPACED.test(q.prefix + q.exact + q.suffix)
  const prefix = context && SPACED.test(q.prefix) ? q.prefix.slice(q.prefix.search(/\s/)).trim() : ''
  const suffix = context && SPACED.test(q.suffix) ? q.suffix.slice(0, q.suffix.search(/\s\S*$/)).trim() : ''
  if (prefix) parts.push(`${encodeFragmentPart(prefix)}-`)
  const words = exact.split(' ')
  if (exact.length > 80 && words.length > 8) {
    parts.push(encodeFragmentPart(words.slice(0, 4).join(' ')), encodeFragmentPart(words.slice(-4).join(' ')))
  } else {
    parts.push(encodeFragmentPart(exact))
  }
  if (suffix) parts.push(`-${encodeFragmentPart(suffix)}`)
  return `:~:text=${parts.join(',')}`
}
