import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  decodeHash,
  filterToSpeakers,
  parseTarget,
  parseViewState,
  patchViewState,
  type ViewChange,
  resolveFilter,
  speakerLookup,
  serialiseViewState,
  type Target,
  type ViewState,
} from '../../src/core/reader/url-state'

// Ids as the parser produces them: slug characters including CJK, never `%` (the slugger strips it).
const idChar = fc.constantFrom(...'abcxyz019-_导言功能和工作重要的子项目'.split(''))
const id = fc.array(idChar, { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''))

const target: fc.Arbitrary<Target | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 1, max: 5000 }).map((n): Target => ({ kind: 'turn', id: `turn-${n}`, index: n })),
  id.filter((s) => !/^turn-[1-9]/.test(s)).map((s): Target => ({ kind: 'section', id: s })),
)

// Search and quote text: any Unicode, including `&`, `=`, `#`, `%`, `+` and spaces that URLs escape.
const text = fc.string({ unit: fc.constantFrom(...Array.from('ab &=#%+?,-/中文：　Ａ😀')), maxLength: 12 })
const nonEmpty = text.filter((s) => s !== '')

const state: fc.Arbitrary<ViewState> = fc.record(
  {
    speakers: fc.oneof(fc.constant(null), fc.uniqueArray(id, { maxLength: 5 })),
    target,
    q: nonEmpty,
    quote: fc.record({ exact: nonEmpty, prefix: text, suffix: text }),
  },
  { requiredKeys: ['speakers', 'target'] },
)

describe('url-state', () => {
  it('round-trips any view state through the URL form', () => {
    fc.assert(
      fc.property(state, (s) => {
        const { query, hash } = serialiseViewState(s)
        expect(parseViewState(query, hash)).toEqual(s)
      }),
    )
  })

  it('round-trips through a real URL, where the browser percent-encodes the hash', () => {
    fc.assert(
      fc.property(state, (s) => {
        const { query, hash } = serialiseViewState(s)
        const url = new URL('https://example.org/slug')
        for (const v of query.speaker ?? []) url.searchParams.append('speaker', v)
        for (const key of ['q', 'quote', 'qp', 'qs'] as const) {
          const v = query[key]
          if (v !== undefined) url.searchParams.set(key, v)
        }
        url.hash = hash
        const reread = new URL(url.href)
        const speakers = reread.searchParams.has('speaker') ? reread.searchParams.getAll('speaker') : undefined
        const one = (key: string): string | undefined => reread.searchParams.get(key) ?? undefined
        const parsed = parseViewState({ speaker: speakers, q: one('q'), quote: one('quote'), qp: one('qp'), qs: one('qs') }, reread.hash)
        expect(parsed).toEqual(s)
      }),
    )
  })

  it('decodes percent-encoded CJK hashes and keeps raw ones', () => {
    expect(decodeHash('#%E5%AF%BC%E8%A8%80')).toBe('导言')
    expect(decodeHash('#导言')).toBe('导言')
    expect(decodeHash('#100%')).toBe('100%')
    expect(parseTarget('#turn-3')).toEqual({ kind: 'turn', id: 'turn-3', index: 3 })
    expect(parseTarget('#turn-0')).toEqual({ kind: 'section', id: 'turn-0' })
    expect(parseTarget('')).toBeNull()
  })

  it('reads repeated, empty and missing speaker values', () => {
    expect(parseViewState({}, '').speakers).toBeNull()
    expect(parseViewState({ speaker: 'michael' }, '').speakers).toEqual(['michael'])
    expect(parseViewState({ speaker: ['a', 'b', 'a'] }, '').speakers).toEqual(['a', 'b'])
    expect(parseViewState({ speaker: '' }, '').speakers).toEqual([])
    expect(parseViewState({ speaker: null }, '').speakers).toEqual([])
  })

  it('ignores unknown speakers and reports them', () => {
    const known = ['arujjwal', 'michael']
    expect(resolveFilter(['michael', 'bob'], known)).toEqual({ visible: new Set(['michael']), unknown: ['bob'], active: true, renamed: false })
    expect(resolveFilter(['bob'], known)).toEqual({ visible: new Set(known), unknown: ['bob'], active: false, renamed: false })
    expect(resolveFilter([], known).visible.size).toBe(0)
    expect(resolveFilter(null, known).active).toBe(false)
  })

  it('accepts a speaker by displayed name or alias in any case and width, and says the URL needs its id', () => {
    const people = [
      { id: 'arujjwal', name: 'Arujjwal', aliases: ['Arujjwal', 'Arujjwal Negi'] },
      { id: 'michael', name: 'Michael', aliases: ['Michael', 'Michael McCune'] },
    ]
    const known = people.map((p) => p.id)
    const lookup = speakerLookup(people)
    for (const ref of ['Michael', 'MICHAEL', 'michael mccune', 'ＭＩＣＨＡＥＬ']) {
      expect(resolveFilter([ref], known, lookup)).toEqual({ visible: new Set(['michael']), unknown: [], active: true, renamed: true })
    }
    expect(resolveFilter(['michael'], known, lookup).renamed).toBe(false)
    expect(resolveFilter(['Arujjwal Negi', 'bob'], known, lookup)).toEqual({ visible: new Set(['arujjwal']), unknown: ['bob'], active: true, renamed: true })
  })

  it('writes filters in speaker order and drops the query when everyone is shown', () => {
    const known = ['a', 'b', 'c']
    expect(filterToSpeakers(new Set(['c', 'a']), known)).toEqual(['a', 'c'])
    expect(filterToSpeakers(new Set(known), known)).toBeNull()
    expect(filterToSpeakers(new Set(), known)).toEqual([])
  })

  it('reads search and quote params, treating empty ones as absent', () => {
    expect(parseViewState({ q: '' }, '').q).toBeUndefined()
    expect(parseViewState({ q: ['云', '雨'] }, '').q).toBe('云')
    expect(parseViewState({ q: [null, '云'] }, '').q).toBe('云')
    expect(parseViewState({ qp: 'a', qs: 'b' }, '').quote).toBeUndefined()
    expect(parseViewState({ quote: '接入点', qs: '。' }, '#turn-3')).toEqual({
      speakers: null, target: { kind: 'turn', id: 'turn-3', index: 3 }, quote: { exact: '接入点', prefix: '', suffix: '。' },
    })
    expect(serialiseViewState({ speakers: null, target: null, quote: { exact: 'x', prefix: '', suffix: '' } }).query).toEqual({ quote: 'x' })
  })
})

describe('patchViewState: the one way view state is written', () => {
  const from = { query: { utm_source: 'feed', speaker: ['michael'], q: 'cloud', quote: 'x', qp: 'a', qs: 'b' }, hash: '#%E5%AF%BC%E8%A8%80' }

  it('replaces only the parts given and keeps foreign keys, the other parts and the hash as written', () => {
    expect(patchViewState(from, { speakers: ['arujjwal', 'michael'] })).toEqual({
      query: { utm_source: 'feed', q: 'cloud', quote: 'x', qp: 'a', qs: 'b', speaker: ['arujjwal', 'michael'] },
      hash: '#%E5%AF%BC%E8%A8%80',
    })
    expect(patchViewState(from, { q: 'provider' }).query).toEqual({ ...from.query, q: 'provider' })
    expect(patchViewState(from, { target: { kind: 'turn', id: 'turn-3', index: 3 } })).toEqual({ query: from.query, hash: '#turn-3' })
  })

  it('removes a part given as null, or a search given as empty', () => {
    expect(patchViewState(from, { speakers: null, quote: null, q: '' }).query).toEqual({ utm_source: 'feed' })
    expect(patchViewState(from, { target: null }).hash).toBe('')
    // "Nobody" is a filter, not the absence of one.
    expect(patchViewState(from, { speakers: [] }).query.speaker).toEqual([''])
  })

  it('a quote link: the passage and its turn, the filter kept, the search dropped', () => {
    const quote = { exact: 'in-tree', prefix: 'the ', suffix: ' cloud' }
    expect(patchViewState({ query: { speaker: 'michael', q: 'cloud' }, hash: '' }, { target: { kind: 'turn', id: 'turn-4', index: 4 }, quote, q: null })).toEqual({
      query: { speaker: 'michael', quote: 'in-tree', qp: 'the ', qs: ' cloud' },
      hash: '#turn-4',
    })
  })

  it('reads back as the old state with the change applied, for any state and change', () => {
    const change: fc.Arbitrary<ViewChange> = fc.record(
      { speakers: fc.oneof(fc.constant(null), fc.uniqueArray(id, { maxLength: 5 })), target, q: fc.oneof(fc.constant(null), nonEmpty), quote: fc.oneof(fc.constant(null), fc.record({ exact: nonEmpty, prefix: text, suffix: text })) },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(state, change, (s, c) => {
        const before = serialiseViewState(s)
        const after = patchViewState({ query: { ...before.query, other: 'kept' }, hash: before.hash }, c)
        const expected: ViewState = { speakers: 'speakers' in c ? c.speakers ?? null : s.speakers, target: 'target' in c ? c.target ?? null : s.target }
        const q = 'q' in c ? c.q : s.q
        const quote = 'quote' in c ? c.quote : s.quote
        if (q) expected.q = q
        if (quote) expected.quote = quote
        expect(parseViewState(after.query, after.hash)).toEqual(expected)
        expect(after.query.other).toBe('kept')
      }),
    )
  })
})
