import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { nextTick } from 'vue'
import { activeSectionIndex } from '../../src/composables/active-section'
import { groupBlocks } from '../../src/composables/group-blocks'
import { applyReaderLocale, loadMessages, localeFor, localeFromLanguages, translate, useI18n } from '../../src/i18n'
// The parts' strings, as every module that shows one adds them (src/i18n/part-strings.ts).
import '../../src/i18n/part-strings'
import { formatDate } from '../../src/components/format'
import { makeInterview } from './fixture'

describe('activeSectionIndex', () => {
  it('picks the last section whose top passed the header offset', () => {
    expect(activeSectionIndex([-500, -20, 300, 900], 80, false)).toBe(1)
    expect(activeSectionIndex([-500, 60, 300], 80, false)).toBe(1)
  })
  it('highlights nothing before the first section', () => {
    expect(activeSectionIndex([200, 900], 80, false)).toBe(-1)
  })
  it('highlights a short last section once the page is scrolled to the bottom', () => {
    expect(activeSectionIndex([-900, -100, 400], 80, true, 700)).toBe(2)
    // A last section below the fold is not "seen" even at the bottom (viewport shorter than it).
    expect(activeSectionIndex([-900, -100, 800], 80, true, 700)).toBe(1)
  })
})

describe('groupBlocks', () => {
  const section = makeInterview().sections[2]!
  it('keeps every turn whatever the filter (hidden ones are collapsed in place)', () => {
    expect(groupBlocks(section.blocks).map((i) => i.key)).toEqual(['turn-3', 'turn-4', 'turn-5', 'turn-6'])
  })
  it('always shows narration', () => {
    const intro = makeInterview().sections[0]!
    expect(groupBlocks(intro.blocks).map((i) => i.kind)).toEqual(['narration'])
  })
  it('leaves out byline narration: the header shows the author and translator', () => {
    const intro = makeInterview().sections[0]!
    const byline = { ...intro.blocks[0]!, byline: true } as const
    expect(groupBlocks([byline, ...intro.blocks]).map((i) => i.kind)).toEqual(['narration'])
  })
})

describe('i18n', () => {
  it('takes the UI language from the browser: the first preferred language Parley speaks, else English', () => {
    expect(localeFor('zh-cn')).toBe('zh')
    expect(localeFor('zh-Hans')).toBe('zh')
    expect(localeFor('en-US')).toBe('en')
    expect(localeFor('zhx')).toBeNull()
    expect(localeFromLanguages(['en-US', 'zh-CN'])).toBe('en')
    expect(localeFromLanguages(['zh-CN', 'en'])).toBe('zh')
    expect(localeFromLanguages(['fr-FR', 'zh-TW', 'en'])).toBe('zh')
    expect(localeFromLanguages(['ja', 'fr'])).toBe('en')
    expect(localeFromLanguages([])).toBe('en')
  })
  it('a stored choice overrides the browser language', async () => {
    const { locale, chosen } = useI18n()
    localStorage.removeItem('parley-ui-lang')
    await applyReaderLocale(['en-US'])
    expect(locale.value).toBe('en')
    localStorage.setItem('parley-ui-lang', 'zh')
    await applyReaderLocale(['en-US'])
    expect(locale.value).toBe('zh')
    await nextTick()
    // Clearing the choice (as the switch would) forgets it: the browser's language applies again.
    chosen.value = null
    await nextTick()
    await applyReaderLocale(['en-US'])
    expect(locale.value).toBe('en')
  })
  it('loads the Chinese strings only for a reader who gets Chinese, and switches once they are here', async () => {
    vi.resetModules()
    const fresh = await import('../../src/i18n')
    await import('../../src/i18n/part-strings')
    localStorage.removeItem('parley-ui-lang')
    await fresh.applyReaderLocale(['en-US'])
    expect(fresh.translate('zh', 'reset')).toBe('Reset filter')
    const { locale, chosen } = fresh.useI18n()
    chosen.value = 'zh'
    expect(locale.value).toBe('en')
    await vi.waitFor(() => expect(locale.value).toBe('zh'))
    expect(fresh.translate('zh', 'reset')).toBe('重置筛选')
    chosen.value = null
    await nextTick()
    localStorage.removeItem('parley-ui-lang')
  })
  it('fills placeholders', async () => {
    expect(translate('en', 'showing', { shown: 2, total: 8 })).toBe('Showing 2 of 8 turns')
    await loadMessages('zh')
    expect(translate('zh', 'showing', { shown: 2, total: 8 })).toBe('显示 2 / 8 段发言')
  })
  it('formats the date as written, whatever the time zone', () => {
    expect(formatDate('2024-03-02T23:30:31+08:00', 'en')).toBe('March 2, 2024')
    expect(formatDate('2024-03-02', 'zh')).toBe('2024年3月2日')
  })
  it('writes the date as Intl.DateTimeFormat would (dateStyle long, UTC), without calling it', () => {
    const intl = { en: new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }), zh: new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }) }
    const dates = fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
    fc.assert(
      fc.property(dates, fc.constantFrom('en' as const, 'zh' as const), fc.boolean(), (date, locale, dayOnly) => {
        const iso = dayOnly ? date.toISOString().slice(0, 10) : date.toISOString()
        expect(formatDate(iso, locale)).toBe(intl[locale].format(date))
      }),
      { numRuns: 2000 },
    )
    expect(formatDate('not a date', 'en')).toBe('not a date')
  })
})
