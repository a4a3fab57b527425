/**
 * In-article search: a normalised substring match, which is exact for CJK (no word splitting) and
 * for one article fast enough without an index. Pure, so the UI highlights what these functions
 * return and the tests check them without a DOM.
 */

/** A half-open range `[start, end)` in UTF-16 offsets of the original text. */
export interface TextRange {
  start: number
  end: number
}

export interface Normalised {
  /** NFKC, lower-cased text. */
  text: string
  /**
   * For each UTF-16 unit of `text`: where its source code point starts in the original, and where
   * it ends (exclusive). Null when folding kept every code point's length, so offsets are the same
   * in both (nearly all text: a search over thousands of turns then keeps no per-character arrays).
   */
  starts: number[] | null
  ends: number[] | null
}

/** Folded forms of the non-ASCII code points seen so far (NFKC per code point is slow). */
const folds = new Map<string, string>()
function fold(ch: string): string {
  let folded = folds.get(ch)
  if (folded === undefined) {
    folded = ch.normalize('NFKC').toLowerCase()
    if (folds.size < 50_000) folds.set(ch, folded)
  }
  return folded
}

/**
 * Fold case and width (full-width `ＡＢ１` → `ab1`, `ﬁ` → `fi`, half-width katakana → full) one
 * code point at a time, keeping a map back to the original so hits can be highlighted in place.
 * Per-code-point NFKC misses compositions across code points (`e` + combining accent); both text and
 * query are folded the same way, so a query typed the same way still matches.
 */
export function normalise(text: string): Normalised {
  const parts: string[] = []
  let starts: number[] | null = null
  let ends: number[] | null = null
  let units = 0
  let i = 0
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    // ASCII folds to itself, A–Z to a–z: no NFKC needed.
    const folded = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch) : fold(ch)
    if (!starts && folded.length !== ch.length) {
      // The first code point that changes length: from here on, keep the map explicitly.
      starts = Array.from({ length: units }, (_, k) => k)
      ends = starts.map((k) => k + 1)
      // Units so far map one to one, except within astral code points (two units each), which
      // only ever match whole, so their exact unit map does not matter.
    }
    if (starts && ends) {
      for (let k = 0; k < folded.length; k++) {
        starts.push(i)
        ends.push(i + ch.length)
      }
    }
    parts.push(folded)
    units += folded.length
    i += ch.length
  }
  return { text: parts.join(''), starts, ends }
}

export function normaliseQuery(query: string): string {
  return normalise(query.trim()).text
}

/** Every non-overlapping occurrence of `query` in `text`, as ranges of the original text. */
export function findMatches(text: string, query: string): TextRange[] {
  const needle = normaliseQuery(query)
  if (needle === '') return []
  return findNormalised(normalise(text), needle)
}

/**
 * The same over a text normalised once (`normalise`) and a needle from `normaliseQuery`: a search
 * box re-runs this on every keystroke over texts that do not change.
 */
export function findNormalised(hay: Normalised, needle: string): TextRange[] {
  if (needle === '' || !hay.text.includes(needle)) return []
  const ranges: TextRange[] = []
  let from = 0
  for (;;) {
    const at = hay.text.indexOf(needle, from)
    if (at < 0) break
    const start = hay.starts ? hay.starts[at]! : at
    const end = hay.ends ? hay.ends[at + needle.length - 1]! : at + needle.length
    // One folded code point can expand to several units (`ﬁ`): never report overlapping ranges.
    const last = ranges[ranges.length - 1]
    if (!last || start >= last.end) ranges.push({ start, end })
    from = at + needle.length
  }
  return ranges
}

/** Which hit to show after moving `step` (+1 / -1) from `current`, wrapping round; -1 when none. */
export function stepHit(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1
  if (current < 0) return step === 1 ? 0 : count - 1
  return (current + step + count) % count
}
