/**
 * Reading time of a text, for the list page. Chinese and Japanese have no spaces to count words by,
 * and a reader takes in characters there: CJK characters are counted one by one, everything else
 * by words (rates as commonly used for silent reading of the two kinds of script).
 */
export const CJK_CHARS_PER_MINUTE = 500
export const WORDS_PER_MINUTE = 230

/** Han, kana and Hangul: read as characters, not words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu
/** A word: a run of letters or digits (apostrophes and hyphens inside it included). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

export interface TextAmount {
  cjkChars: number
  words: number
}

export function measureText(text: string): TextAmount {
  const cjkChars = text.match(CJK)?.length ?? 0
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0
  return { cjkChars, words }
}

/** Whole minutes, at least one for any text at all, so a card never says "0 min". */
export function readingMinutes(amount: TextAmount): number {
  const minutes = amount.cjkChars / CJK_CHARS_PER_MINUTE + amount.words / WORDS_PER_MINUTE
  return amount.cjkChars + amount.words === 0 ? 0 : Math.max(1, Math.round(minutes))
}

/** Reading time of several texts (an interview's blocks). */
export function readingMinutesOf(texts: Iterable<string>): number {
  const total: TextAmount = { cjkChars: 0, words: 0 }
  for (const text of texts) {
    const { cjkChars, words } = measureText(text)
    total.cjkChars += cjkChars
    total.words += words
  }
  return readingMinutes(total)
}
