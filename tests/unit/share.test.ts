import { describe, expect, it } from 'vitest'
import { clip, pairAt, pairsOf, quoteMarkdown, sectionShareTitle, shareHref, sharePath, turnShareDescription, turnShareTitle, turnsOf } from '../../src/core/reader/share'
import { shareTarget } from '../../src/router/addresses'
import { parseOk } from './helpers'

const doc = parseOk(`---
title: Spotlight on SIG Example
---

## Intro

**Ann**: How did you start with Kubernetes, and what keeps you here?

**Bo**: I started in 2015 while building a data platform. The community kept me here.

## 导言

**Bo**: One more thing about the community.

**Ann**: 你是如何开始的？

**Bo**: 我从二〇一五年开始参与。

**Ann**: Thanks!
`)
const turns = turnsOf(doc)

describe('share texts', () => {
  it('a title is "Speaker: opening words — interview title"', () => {
    expect(turnShareTitle(doc, turns[1]!)).toBe('Bo: I started in 2015 while building a data platform. The… — Spotlight on SIG Example')
    expect(turnShareTitle(doc, turns[3]!)).toBe('Ann: 你是如何开始的？ — Spotlight on SIG Example')
    expect(sectionShareTitle(doc, doc.sections.find((s) => s.id === '导言')!)).toBe('导言 — Spotlight on SIG Example')
  })

  it('an answer is described with its question first; a question or follow-up alone', () => {
    expect(turnShareDescription(doc, pairAt(turns, 1))).toBe(
      'Ann: How did you start with Kubernetes, and what keeps you here? — Bo: I started in 2015 while building a data platform. The community kept me here.',
    )
    expect(pairAt(turns, 2).question).toBeNull()
    expect(turnShareDescription(doc, pairAt(turns, 2))).toBe('One more thing about the community.')
    expect(turnShareDescription(doc, pairAt(turns, 0))).toBe(turns[0]!.text)
  })

  it('pairs each question with its answer once, in order; other turns alone', () => {
    expect(pairsOf(turns).map((p) => [p.first.id, p.question?.id ?? null, p.answer?.id ?? null])).toEqual([
      ['turn-1', 'turn-1', 'turn-2'],
      ['turn-3', null, 'turn-3'],
      ['turn-4', 'turn-4', 'turn-5'],
      ['turn-6', 'turn-6', null],
    ])
  })

  it('clips at a word boundary, CJK anywhere, never longer than asked', () => {
    expect(clip('one two three four', 12)).toBe('one two…')
    expect(clip('一二三四五六七八九十', 5)).toBe('一二三四…')
    expect(clip('  short\n text ', 20)).toBe('short text')
    for (const n of [3, 10, 40]) expect(Array.from(clip('word '.repeat(30), n)).length).toBeLessThanOrEqual(n)
  })
})

describe('share links', () => {
  const ctx = { site: 'https://interviews.test', base: '/', address: 'sig-x', builtIn: true, search: '' }
  const hashHref = 'http://localhost:4173/sig-x#turn-5'

  it('is the share page on a configured site, with the query kept', () => {
    expect(shareHref(ctx, 'turn-5', hashHref)).toBe('https://interviews.test/sig-x/turn-5')
    expect(shareHref({ ...ctx, base: '/parley/', address: 'ja/sig-x', search: '?speaker=bo' }, '导言', hashHref)).toBe(
      'https://interviews.test/parley/ja/sig-x/%E5%AF%BC%E8%A8%80?speaker=bo',
    )
  })

  it('is the #turn-N link without a site, or for an interview opened in this browser', () => {
    expect(shareHref({ ...ctx, site: '' }, 'turn-5', hashHref)).toBe(hashHref)
    expect(shareHref({ ...ctx, builtIn: false }, 'turn-5', hashHref)).toBe(hashHref)
  })

  it('the router reads a share address back to its interview and target', () => {
    const builtIn = new Set(['sig-x', 'ja/sig-x', 'ja'])
    const is = (a: string): boolean => builtIn.has(a)
    expect(shareTarget(`/${sharePath('sig-x', 'turn-5')}`, is)).toEqual({ address: 'sig-x', target: 'turn-5' })
    expect(shareTarget(`/${sharePath('ja/sig-x', '导言')}/`, is)).toEqual({ address: 'ja/sig-x', target: '导言' })
    // `/ja/sig-x` is the Japanese reader, not a section "sig-x" of an interview called "ja".
    expect(shareTarget('/ja/sig-x', is)).toBeNull()
    expect(shareTarget('/sig-x', is)).toBeNull()
    expect(shareTarget('/unknown/turn-5', is)).toBeNull()
    expect(shareTarget('/sig-x/a/b/c', is)).toBeNull()
    expect(shareTarget('/sig-x/%E0%A4%A', is)).toBeNull()
  })
})

describe('Copy quote', () => {
  it('is a Markdown block quote with speaker, interview and link', () => {
    expect(quoteMarkdown({ text: 'The community\n\nkept me here.', speaker: 'Bo', title: 'Spotlight on [SIG] *Example*', url: 'https://interviews.test/sig-x/turn-2?quote=a>b' })).toBe(
      '> The community\n>\n> kept me here.\n>\n> — Bo, [Spotlight on \\[SIG\\] \\*Example\\*](<https://interviews.test/sig-x/turn-2?quote=a%3Eb>)\n',
    )
  })
})
