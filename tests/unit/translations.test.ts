import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { creditOf, httpUrl } from '../../src/core/reader/credit'
import { parseInterview } from '../../src/core/parse'
import {
  areTranslations, byGroup, groupTranslations, hashInTranslation, languageName, sameTurnStructure, shapeOf, type Shape, type TranslationCandidate,
} from '../../src/core/reader/translations'
import type { Interview } from '../../src/core/types'
import { addressFor, checkLanguageFolder, readDefaults, withDefaults, withFolderLanguage } from '../../src/node/content'

const article = (address: string, slug: string, canonicalUrl: string | null = null, translationKey: string | null = null): TranslationCandidate => ({
  address, slug, canonicalUrl, translationKey,
})

describe('translation groups', () => {
  it('translationKey decides alone: same key pairs, a different or missing one does not', () => {
    expect(areTranslations(article('a', 'x', null, 'k'), article('b', 'y', null, 'k'))).toBe(true)
    expect(areTranslations(article('a', 'x', null, 'k'), article('b', 'x', null, 'other'))).toBe(false)
    expect(areTranslations(article('a', 'x', null, 'k'), article('b', 'x'))).toBe(false)
  })

  it('without keys: two canonical URLs must match; else the slug decides', () => {
    expect(areTranslations(article('a', 'x', 'https://o/1'), article('b', 'y', 'https://o/1'))).toBe(true)
    expect(areTranslations(article('a', 'x', 'https://o/1'), article('b', 'x', 'https://o/2'))).toBe(false)
    expect(areTranslations(article('a', 'x', 'https://o/1'), article('b', 'x'))).toBe(true)
    expect(areTranslations(article('a', 'x'), article('b', 'y'))).toBe(false)
  })

  it('groups are closed: an original without a canonical URL joins translations that name one', () => {
    const groups = groupTranslations([
      article('spot', 'spot'),
      article('en/spot', 'spot'),
      article('ja/spot', 'spot', 'https://k8s.dev/blog/spot/'),
      article('keyed', 'spot', null, 'k'),
      article('other', 'other'),
    ])
    expect([...groups]).toEqual([['spot', 'spot'], ['en/spot', 'spot'], ['ja/spot', 'spot'], ['keyed', 'keyed'], ['other', 'other']])
  })

  it('byGroup makes one entry per group, in the order of first appearance', () => {
    const items = [{ group: 'a', n: 1 }, { group: 'b', n: 2 }, { group: 'a', n: 3 }]
    expect(byGroup(items)).toEqual([{ item: items[0], others: [items[2]] }, { item: items[1], others: [] }])
  })
})

describe('addresses and the content folder', () => {
  it('a language folder is the language segment; the top level keeps the bare slug', () => {
    expect(addressFor(null, 'sig-x')).toBe('sig-x')
    expect(addressFor('ja', 'sig-x')).toBe('ja/sig-x')
    expect(() => checkLanguageFolder('zh-cn')).not.toThrow()
    expect(() => checkLanguageFolder('Images')).toThrow(/content\/Images\/: .*language tag/)
  })

  it('the folder sets the language unless the front matter declares one', () => {
    const iv = { lang: 'en', meta: { frontMatter: {} } } as unknown as Interview
    expect(withFolderLanguage(iv, 'ja').lang).toBe('ja')
    expect(withFolderLanguage(iv, null).lang).toBe('en')
    const declared = { lang: 'en', meta: { frontMatter: { lang: 'en' } } } as unknown as Interview
    expect(withFolderLanguage(declared, 'ja').lang).toBe('en')
  })

  it('defaults.yaml: credit keys only, under the article’s own front matter', () => {
    const defaults = readDefaults('license: CC BY 4.0\nsource: Kubernetes blog\n')
    const iv = { meta: { frontMatter: { license: 'MIT' } } } as unknown as Interview
    expect(withDefaults(iv, defaults).meta.frontMatter).toEqual({ license: 'MIT', source: 'Kubernetes blog' })
    expect(() => readDefaults('lang: ja\n')).toThrow(/unknown key "lang"/)
    expect(() => readDefaults('license: [a, b]\n')).toThrow(/"license" must be text/)
    expect(() => readDefaults('license: "open\n')).toThrow(/defaults\.yaml: /)
  })

  it('languages are named in their own language', () => {
    expect(languageName('en')).toBe('English')
    expect(languageName('ja')).toBe('日本語')
    expect(languageName('x-not-a-tag-at-all')).toBe('x-not-a-tag-at-all')
  })
})

describe('keeping the place across languages', () => {
  const shape = (turns: number[], intro = true): Shape => ({
    sections: turns.map((_, i) => (intro && i === 0 ? 'parley-intro' : `s${i}`)),
    turns,
    intro,
  })

  it('the same turn when every section has as many turns', () => {
    expect(hashInTranslation(shape([0, 2, 4]), shape([0, 2, 4]), { section: 2, turn: 5 })).toBe('#turn-5')
    // An intro with no turns in one language and none at all in the other is the same structure.
    expect(sameTurnStructure(shape([0, 2, 4]), shape([2, 4], false))).toBe(true)
  })

  it('else the section at the same position (by its own id), else the top', () => {
    const from = shape([0, 2, 4, 2])
    const to: Shape = { sections: ['parley-intro', '导言', '功能和工作'], turns: [0, 2, 4], intro: true }
    expect(hashInTranslation(from, to, { section: 2, turn: 5 })).toBe('#功能和工作')
    expect(hashInTranslation(from, to, { section: 3, turn: 8 })).toBe('')
    expect(hashInTranslation(from, to, { section: 0, turn: null })).toBe('')
    expect(hashInTranslation(from, to, null)).toBe('')
    // Positions count titled sections only: an intro missing on one side does not shift them.
    expect(hashInTranslation(shape([2, 4], false), to, { section: 1, turn: null })).toBe('#功能和工作')
  })

  it('the built-in seed and its translations: en ↔ ja keep the turn, zh-cn ↔ en the section', () => {
    const read = (file: string): Interview => {
      const result = parseInterview(readFileSync(new URL(`../../content/${file}`, import.meta.url), 'utf8'), { file })
      if (!result.ok) throw new Error(result.error.message)
      return result.interview
    }
    const zh = shapeOf(read('sig-cloud-provider-spotlight-2024.zh-cn.md'))
    const en = shapeOf(read('en/sig-cloud-provider-spotlight-2024.md'))
    const ja = shapeOf(read('ja/sig-cloud-provider-spotlight-2024.md'))
    expect(en.turns.reduce((a, b) => a + b)).toBe(16)
    expect(ja.turns.reduce((a, b) => a + b)).toBe(16)
    const enTurn11 = { section: en.sections.indexOf('accomplishments'), turn: 11 }
    expect(hashInTranslation(en, ja, enTurn11)).toBe('#turn-11')
    expect(hashInTranslation(ja, en, enTurn11)).toBe('#turn-11')
    expect(hashInTranslation(zh, en, { section: zh.sections.indexOf('功能和工作'), turn: 4 })).toBe('#functioning-and-working')
  })
})

describe('credit', () => {
  it('links only absolute http(s) URLs: front matter is untrusted', () => {
    expect(httpUrl('https://k8s.dev/blog/x/')).toBe('https://k8s.dev/blog/x/')
    expect(httpUrl('javascript:alert(1)')).toBeNull()
    expect(httpUrl(' java\tscript:alert(1)')).toBeNull()
    expect(httpUrl('/relative')).toBeNull()
    expect(httpUrl(42)).toBeNull()
  })

  it('reads the original, source and licence from the front matter', () => {
    const iv = {
      meta: { canonicalUrl: 'https://k8s.dev/x', frontMatter: { source: 'Blog', sourceUrl: 'javascript:x', license: 'CC BY 4.0', licenseUrl: 'https://cc/by' } },
    } as unknown as Interview
    expect(creditOf(iv)).toEqual({ original: 'https://k8s.dev/x', source: { text: 'Blog', url: null }, license: { text: 'CC BY 4.0', url: 'https://cc/by' } })
  })
})
