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
  /** For each UTF-16 unit of `text`: where its source code point starts in the original. */
  starts: number[]
  /** …and where that code point ends (exclusive). */
  ends: number[]
}

/**
 * Fold case and width (full-width `ＡＢ１` → `ab1`, `ﬁ` → `fi`, half-width katakana → full) one
 * code point at a time, keeping a map back to the original so hits can be highlighted in place.
 * Per-code-point NFKC misses compositions across code points (`e` + combining accent); both text and
 * query are folded the same way, so a query typed the same way still matches.
 */
export function normalise(text: string): Normalised {
  let out = ''
  const starts: number[] = []
  const ends: number[] = []
  let i = 0
  for (const ch of text) {
    const folded = ch.normalize('NFKC').toLowerCase()
    for (let k = 0; k < folded.length; k++) {
      starts.push(i)
      ends.push(i + ch.length)
    }
    out += folded
    i += ch.length
  }
  return { text: out, starts, ends }
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
    const start = hay.starts[at]!
    const end = hay.ends[at + needle.length - 1]!
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
