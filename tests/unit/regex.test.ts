import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allMatches } from '../../src/core/regex'

describe('allMatches', () => {
  it('finds what String.prototype.matchAll finds, empty matches and astral characters included', () => {
    const patterns = [/a+/g, /b*/g, /\p{L}/gu, /(?:)/gu, /x|(?=y)/g]
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.string({ unit: fc.constantFrom('a', 'b', 'x', 'y', '😀', '导', ' ') }), (re, text) => {
        const mine = allMatches(re, text).map((m) => [m.index, m[0]])
        const native = [...text.matchAll(re)].map((m) => [m.index, m[0]])
        expect(mine).toEqual(native)
        expect(re.lastIndex).toBe(0)
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses a pattern without the g flag instead of looping forever', () => {
    expect(() => allMatches(/a/, 'aaa')).toThrow(/global/)
  })
})
