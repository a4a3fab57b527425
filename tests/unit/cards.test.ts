/**
 * Preview cards: what each card says (from the generator's input, not by reading the image back),
 * which fonts it gets, and that it is a 1200×630 PNG.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { chunksFor, covers, createFontLoader, fontChunks, parseUnicodeRange } from '../../src/node/card-fonts'
import { CARD_HEIGHT, CARD_WIDTH, cardSvg, cardText, drawCard, planCards, type CardInput } from '../../src/node/cards'
import { pairsOf, turnsOf } from '../../src/core/reader/share'
import { parseOk, pngSize } from './helpers'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const seed = parseOk(readFileSync(path.join(ROOT, 'content/sig-cloud-provider-spotlight-2024.zh-cn.md'), 'utf8'), 'sig-cloud-provider-spotlight-2024.zh-cn.md')
const turns = turnsOf(seed)
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()


describe('card plan', () => {
  it('one card for the interview and one per question and answer; each turn points to the card with its words', () => {
    const plan = planCards(seed, 'sig-x', 'interviews.test')
    expect(plan.cards).toHaveLength(1 + pairsOf(turns).length)
    expect(plan.interview.input).toMatchObject({ kind: 'interview', title: seed.meta.title, date: '2024-03-02', site: 'interviews.test' })
    expect(plan.interview.input.kind === 'interview' && plan.interview.input.speakers.map((s) => s.name)).toEqual(seed.speakers.map((s) => s.name))
    for (const turn of turns) {
      const card = plan.byTarget.get(turn.id)
      expect(card, turn.id).toBeDefined()
      const input = card!.input as Extract<CardInput, { kind: 'turns' }>
      const line = turn.role === 'interviewer' ? input.question : input.answer
      expect(line?.speaker).toBe(seed.speakers.find((s) => s.id === turn.speaker)!.name)
      // The card's text is the turn's own start (clipped with an ellipsis when it is long).
      expect(squash(turn.text).startsWith(line!.text.replace(/…$/, ''))).toBe(true)
      expect(line!.text.length).toBeGreaterThan(Math.min(20, squash(turn.text).length - 1))
    }
  })

  it('over the turn limit, one card per section that every turn of the section shares', () => {
    const plan = planCards(seed, 'sig-x', 'interviews.test', 3)
    expect(plan.cards).toHaveLength(1 + seed.sections.length)
    for (const turn of turns) expect(plan.byTarget.get(turn.id)).toBe(plan.byTarget.get(turn.sectionId))
    const section = seed.sections.find((s) => s.title)!
    expect((plan.byTarget.get(section.id)!.input as Extract<CardInput, { kind: 'turns' }>).heading).toBe(section.title)
  })

  it('clips long text so it fits its lines', () => {
    const long = parseOk(`---\ntitle: "${'Long title '.repeat(30)}"\n---\n\n**Ann**: ${'why '.repeat(200)}?\n\n**Bo**: ${'because '.repeat(300)}\n\n**Ann**: ok?\n\n**Bo**: yes\n`)
    const input = planCards(long, 'x', 'site').cards[1]!.input as Extract<CardInput, { kind: 'turns' }>
    expect(input.title.length).toBeLessThanOrEqual(110)
    expect(input.question!.text.length).toBeLessThanOrEqual(150)
    expect(input.answer!.text.length).toBeLessThanOrEqual(260)
    expect(input.answer!.text.endsWith('…')).toBe(true)
  })
})

describe('card fonts', () => {
  it('reads unicode ranges as fontsource writes them', () => {
    expect(parseUnicodeRange('U+4e00-4e0f,U+3001, U+ff01-ff0f')).toEqual([[0x4e00, 0x4e0f], [0x3001, 0x3001], [0xff01, 0xff0f]])
  })

  it('a Chinese card loads Noto Sans SC files that hold every character it draws', () => {
    const input = planCards(seed, 'sig-x', 'interviews.test').cards[1]!.input
    const text = cardText(input)
    const chosen = chunksFor(text, fontChunks(400))
    expect(chosen.length).toBeGreaterThan(1)
    expect(chosen.length).toBeLessThan(fontChunks(400).length / 2)
    for (const ch of new Set(Array.from(text.replace(/\s/g, '')))) {
      expect(chosen.some((c) => covers(c, ch.codePointAt(0)!)), ch).toBe(true)
    }
  })

  it('Satori finds a glyph for every character of a Chinese card in those files, and reports a script they lack', async () => {
    const fonts = createFontLoader()
    const chinese = planCards(seed, 'sig-x', 'interviews.test').cards[1]!.input
    expect((await cardSvg(chinese, fonts)).missing).toEqual([])
    const thai = { ...chinese, title: 'สวัสดีครับ' }
    expect((await cardSvg(thai, fonts)).missing.join('')).toContain('ส')
  }, 60_000)
})

describe('card image', () => {
  it('is a 1200×630 PNG', async () => {
    const png = await drawCard(planCards(seed, 'sig-x', 'interviews.test').cards[0]!.input, createFontLoader())
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT })
  }, 60_000)
})
