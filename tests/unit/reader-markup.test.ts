import { describe, expect, it } from 'vitest'
import { cssString, speakerRulesCss, type SpeakerLook } from '../../src/components/speaker-look'
import { nearestFirst } from '../../src/composables/use-collapsed-turns'

describe('speaker rules (turn avatars drawn by CSS)', () => {
  it('escapes every character of an article-given id or initials, so nothing ends the string or the style', () => {
    expect(cssString('michael-2_x')).toBe('"michael-2_x"')
    expect(cssString('a"b')).toBe('"a\\22 b"')
    expect(cssString('</style><script>')).toBe('"\\3c \\2f style\\3e \\3c script\\3e "')
    expect(cssString('李雷😀')).toBe('"\\674e \\96f7 \\1f600 "')
    const looks = new Map<string, SpeakerLook>([['x"]{}</style>', { name: 'X', initials: 'X"', colour: 1 }]])
    const css = speakerRulesCss(looks)
    expect(css).not.toMatch(/<|\]\{\}/)
    expect(css).toBe('.turn[data-speaker="x\\22 \\5d \\7b \\7d \\3c \\2f style\\3e "]>header::before{content:"X\\22 "/""}')
  })
})

describe('nearestFirst (the filter changes the turns around the screen first)', () => {
  it('visits every index once, outwards from the start', () => {
    expect(nearestFirst(6, 2)).toEqual([2, 3, 1, 4, 0, 5])
    expect(nearestFirst(4, 0)).toEqual([0, 1, 2, 3])
    expect(nearestFirst(4, 3)).toEqual([3, 2, 1, 0])
    expect(nearestFirst(0, 0)).toEqual([])
    const big = nearestFirst(5000, 4321)
    expect(new Set(big).size).toBe(5000)
    expect(big.slice(0, 3)).toEqual([4321, 4322, 4320])
  })
})
