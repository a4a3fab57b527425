/**
 * Quote links, Hypothesis-style: a passage is saved as its exact text plus a little context on each
 * side, and found again in the turn's text (./quote-match.ts, loaded only to open a quote link).
 * Pure (no DOM).
 */

export interface QuoteSelector {
  exact: string
  prefix: string
  suffix: string
}

/** How much context is stored on each side: enough to tell repeats apart, short enough for a URL. */
export const CONTEXT_CHARS = 32

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
