import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findMatches, normalise, stepHit } from '../../src/core/reader/search'

const hits = (text: string, q: string): string[] => findMatches(text, q).map((r) => text.slice(r.start, r.end))

describe('search normalisation', () => {
  it('ignores case', () => {
    expect(hits('Kubernetes and KUBERNETES and kubernetes', 'kubernetes')).toHaveLength(3)
    expect(hits('SIG Cloud Provider', 'cloud PROVIDER')).toEqual(['Cloud Provider'])
  })

  it('ignores width (NFKC): full-width Latin and digits, half-width katakana, ligatures', () => {
    expect(hits('在ＫＵＢＥＲＮＥＴＥＳ上运行', 'kubernetes')).toEqual(['ＫＵＢＥＲＮＥＴＥＳ'])
    expect(hits('Windows 3.1', 'ｗｉｎｄｏｗｓ　３')).toEqual(['Windows 3'])
    expect(hits('ｶﾀｶﾅ', 'カタカナ')).toEqual(['ｶﾀｶﾅ'])
    expect(hits('the ﬁle', 'file')).toEqual(['ﬁle'])
  })

  it('finds CJK substrings without word splitting, and full-width punctuation as ASCII', () => {
    const text = 'SIG 云提供商致力于在 Kubernetes 和各种云提供商之间创建无缝集成。'
    expect(hits(text, '云提供商')).toEqual(['云提供商', '云提供商'])
    expect(hits('Michael：嗨', 'michael:')).toEqual(['Michael：'])
  })

  it('maps hits back to original offsets even when folding changes length', () => {
    // `İ` lower-cases to two code units; the hit after it must still land on the original text.
    const text = 'İstanbul ＡＢ İ ab'
    expect(hits(text, 'ab')).toEqual(['ＡＢ', 'ab'])
    expect(findMatches(text, 'ab')[1]).toEqual({ start: 14, end: 16 })
  })

  it('keeps astral characters whole', () => {
    expect(hits('a😀b😀', '😀')).toEqual(['😀', '😀'])
    // …also when a length-changing fold (ﬁ → fi) comes after them.
    expect(hits('😀ﬁ😀b', '😀')).toEqual(['😀', '😀'])
    expect(findMatches('😀ﬁ😀b', 'b')).toEqual([{ start: 5, end: 6 }])
    expect(findMatches('😀ﬁ😀b', 'i😀')).toEqual([{ start: 2, end: 5 }])
  })

  it('returns nothing for an empty or blank query', () => {
    expect(findMatches('abc', '')).toEqual([])
    expect(findMatches('abc', '   ')).toEqual([])
  })

  it('every hit, normalised, equals the normalised query, and hits never overlap', () => {
    const unit = fc.constantFrom(...Array.from('aAａＡ bB云雲ﬁ：:İ'))
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.string({ unit, minLength: 1, maxLength: 3 }), (text, q) => {
        let end = 0
        for (const r of findMatches(text, q)) {
          expect(r.start).toBeGreaterThanOrEqual(end)
          end = r.end
          expect(normalise(text.slice(r.start, r.end)).text).toContain(normalise(q.trim()).text)
        }
      }),
    )
  })

  it('steps through hits, wrapping round', () => {
    expect(stepHit(-1, 3, 1)).toBe(0)
    expect(stepHit(-1, 3, -1)).toBe(2)
    expect(stepHit(2, 3, 1)).toBe(0)
    expect(stepHit(0, 3, -1)).toBe(2)
    expect(stepHit(0, 0, 1)).toBe(-1)
  })
})
