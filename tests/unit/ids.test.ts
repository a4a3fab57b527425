import fc from 'fast-check'
import { slug as githubSlug } from 'github-slugger'
import { describe, expect, it } from 'vitest'
import { createSectionIdFactory, createSpeakerIdFactory, INTRO_SECTION_ID, slug } from '../../src/core/ids'

describe('section ids', () => {
  it('are GitHub-style slugs that keep CJK and dedupe with -1, -2', () => {
    const id = createSectionIdFactory()
    expect(['导言', 'About SIG Storage', '导言', '导言', 'Q&A: what’s next?'].map((t) => id(t, null))).toEqual([
      '导言',
      'about-sig-storage',
      '导言-1',
      '导言-2',
      'qa-whats-next',
    ])
  })

  it('take an explicit {#anchor} as given', () => {
    expect(createSectionIdFactory()('Dockershim removal', 'dockershim-removal')).toBe('dockershim-removal')
  })

  it('never look like turn ids or ids derived from them, nor use the app prefix', () => {
    const id = createSectionIdFactory()
    const ids = ['Turn 1', 'turn 12 speaker', 'Parley intro', '!!!', '!!!'].map((t) => id(t, null))
    for (const value of ids) {
      expect(value).not.toMatch(/^turn-\d+(?:-|$)/)
      expect(value).not.toMatch(/^parley-/)
    }
    expect(new Set([...ids, INTRO_SECTION_ID]).size).toBe(ids.length + 1)
  })
})

describe('speaker ids', () => {
  it('are readable, unique and never empty', () => {
    const id = createSpeakerIdFactory()
    expect(['Arujjwal', 'DM & RL', '小王', '???', 'Arujjwal'].map(id)).toEqual(['arujjwal', 'dm--rl', '小王', 'speaker', 'arujjwal-1'])
  })
})

describe('slug', () => {
  it('is github-slugger\'s slug on generated text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '_', '-', ' ', '.', '!', 'é', '导', '\t', '\u00a0', 'İ', '²', '½', '😀', '‿', 'Ⓐ', 'Ⅻ') })
    fc.assert(fc.property(text, (t) => slug(t) === githubSlug(t)), { numRuns: 5000 })
    expect(slug('Michael McCune')).toBe('michael-mccune')
  })

  it('differs from github-slugger only by keeping letters and marks assigned after its Unicode 13 data', () => {
    const differences: string[] = []
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const char = String.fromCodePoint(cp)
      if (slug(char) === githubSlug(char)) continue
      // github-slugger removes characters its data does not know; anything else is a real difference.
      if (githubSlug(char) !== '' || !/[\p{Alphabetic}\p{M}\p{Nd}]/u.test(char)) differences.push(cp.toString(16))
    }
    expect(differences).toEqual([])
  })
})
