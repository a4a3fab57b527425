import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseOk } from './helpers'
import { measureText, readingMinutes, readingMinutesOf, CJK_CHARS_PER_MINUTE, WORDS_PER_MINUTE } from '../../src/core/reader/reading-time'
import { summarise } from '../../src/core/reader/summary'

describe('reading time', () => {
  it('counts words in spaced scripts and characters in Chinese and Japanese', () => {
    expect(measureText("Hi, I’m Michael McCune — most people call me elmiko.")).toEqual({ cjkChars: 0, words: 9 })
    expect(measureText('嗨，我是Michael McCune。')).toEqual({ cjkChars: 3, words: 2 })
    expect(measureText('こんにちは、Michael McCuneです。')).toEqual({ cjkChars: 7, words: 2 })
    expect(measureText('Привет, как дела?')).toEqual({ cjkChars: 0, words: 3 })
    expect(measureText('')).toEqual({ cjkChars: 0, words: 0 })
  })

  it('reads CJK at characters per minute and the rest at words per minute', () => {
    expect(readingMinutes({ cjkChars: CJK_CHARS_PER_MINUTE * 6, words: 0 })).toBe(6)
    expect(readingMinutes({ cjkChars: 0, words: WORDS_PER_MINUTE * 6 })).toBe(6)
    expect(readingMinutes({ cjkChars: CJK_CHARS_PER_MINUTE * 2, words: WORDS_PER_MINUTE * 3 })).toBe(5)
    // The same length of text as characters and as words: the word count would say ~2× longer for Chinese
    // if it were counted by its (rare) spaces; by characters it is minutes, not zero.
    expect(readingMinutesOf(['字'.repeat(5000)])).toBe(10)
    expect(readingMinutesOf(['word '.repeat(2300)])).toBe(10)
  })

  it('never says 0 minutes for some text, and 0 for none', () => {
    expect(readingMinutesOf(['One line.'])).toBe(1)
    expect(readingMinutesOf([])).toBe(0)
  })

  it('gives the built-in English article and its Japanese translation comparable times, though Japanese has few spaces', () => {
    const ja = summarise(parseOk(readFileSync('content/ja/sig-cloud-provider-spotlight-2024.md', 'utf8'), 'sig-cloud-provider-spotlight-2024.md'))
    const en = summarise(parseOk(readFileSync('content/en/sig-cloud-provider-spotlight-2024.md', 'utf8'), 'sig-cloud-provider-spotlight-2024.md'))
    expect(en.readingMinutes).toBeGreaterThanOrEqual(5)
    // Counted by words, the Japanese would read in ~1 minute (278 Latin words among 3,546 characters).
    expect(ja.readingMinutes).toBeGreaterThanOrEqual(en.readingMinutes * 0.75)
    expect(ja.readingMinutes).toBeLessThanOrEqual(en.readingMinutes * 1.5)
  })
})
