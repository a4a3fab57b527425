/**
 * Preview cards (Open Graph / Twitter images): 1200×630 PNGs drawn at build time without a browser,
 * by Satori (layout and text to SVG) and resvg (SVG to PNG). What a card says is decided here as a
 * plain `CardInput` (tested directly); the drawing only lays it out. Text is clipped to a length
 * that fits (`clip`) and Satori's line clamp ellipsises whatever still would not.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import satori from 'satori'
import { clip, pairsOf, speakerColours, turnsOf } from '../core/reader/share'
import type { Interview, Section, Turn } from '../core/types'
import { cardFamily, createFontLoader, type CardWeight } from './card-fonts'

export const CARD_WIDTH = 1200
export const CARD_HEIGHT = 630
/** Over this many turns an interview gets a card per section instead of per question and answer. */
export const DEFAULT_CARD_TURN_LIMIT = 300
/** Lengths that fit the card's lines at its font sizes (Satori's line clamp catches the rest). */
const TITLE_CHARS = 110
const QUESTION_CHARS = 150
const ANSWER_CHARS = 260
/** The reader's speaker colours (`--speaker-N` in src/styles/base.css, light theme). */
export const SPEAKER_COLOURS = ['#1f5fa8', '#a3400f', '#2e7034', '#7a3fa0', '#9c2c4f', '#216d75']
/** Bump when the drawing changes, so cached cards are drawn again. */
const DRAWING_VERSION = 1

export interface CardLine {
  speaker: string
  colour: string
  text: string
}

export type CardInput =
  | { kind: 'interview'; title: string; lang: string; site: string; date: string | null; speakers: { name: string; colour: string }[] }
  | { kind: 'turns'; title: string; lang: string; site: string; heading: string | null; question: CardLine | null; answer: CardLine | null }

export interface PlannedCard {
  /** Path of the PNG below the output folder (`cards/<address>/turn-3.png`). */
  file: string
  input: CardInput
}

export interface CardPlan {
  interview: PlannedCard
  /** The card of each turn id and section id. */
  byTarget: Map<string, PlannedCard>
  cards: PlannedCard[]
}

const colourOf = (i: number): string => SPEAKER_COLOURS[i % SPEAKER_COLOURS.length]!

/**
 * Which cards an interview gets and which page shows which: one for the interview (its page and
 * sections without a card of their own), and one per question-and-answer pair (both turns' pages),
 * or, over `turnLimit` turns, one per section (its page and its turns' pages).
 */
export function planCards(interview: Interview, address: string, site: string, turnLimit = DEFAULT_CARD_TURN_LIMIT): CardPlan {
  const dir = `cards/${address}`
  const looks = speakerColours(interview.speakers)
  const base = { title: clip(interview.meta.title, TITLE_CHARS), lang: interview.lang, site }
  const line = (turn: Turn | null, chars: number): CardLine | null => {
    if (!turn) return null
    const look = looks.get(turn.speaker)
    return { speaker: look?.name ?? turn.speaker, colour: colourOf(look?.colour ?? 0), text: clip(turn.text, chars) }
  }
  const interviewCard: PlannedCard = {
    file: `${dir}/index.png`,
    input: {
      kind: 'interview',
      ...base,
      date: interview.meta.date ? /^\d{4}-\d{2}-\d{2}/.exec(interview.meta.date)?.[0] ?? null : null,
      speakers: interview.speakers.map((s, i) => ({ name: s.name, colour: colourOf(i) })),
    },
  }
  const byTarget = new Map<string, PlannedCard>()
  const cards = [interviewCard]
  const turns = turnsOf(interview)
  if (turns.length > turnLimit) {
    interview.sections.forEach((section: Section, i) => {
      const own = turns.filter((t) => t.sectionId === section.id)
      const [first] = pairsOf(own)
      const card: PlannedCard = {
        file: `${dir}/section-${i + 1}.png`,
        input: { kind: 'turns', ...base, heading: section.title, question: line(first?.question ?? null, QUESTION_CHARS), answer: line(first?.answer ?? null, ANSWER_CHARS) },
      }
      cards.push(card)
      byTarget.set(section.id, card)
      for (const turn of own) byTarget.set(turn.id, card)
    })
  } else {
    for (const pair of pairsOf(turns)) {
      const card: PlannedCard = {
        file: `${dir}/${pair.first.id}.png`,
        input: { kind: 'turns', ...base, heading: null, question: line(pair.question, QUESTION_CHARS), answer: line(pair.answer, ANSWER_CHARS) },
      }
      cards.push(card)
      for (const turn of [pair.question, pair.answer]) if (turn) byTarget.set(turn.id, card)
    }
  }
  return { interview: interviewCard, byTarget, cards }
}

/** Every character a card draws, for choosing its fonts. */
export function cardText(input: CardInput): string {
  const lines = input.kind === 'interview' ? input.speakers.map((s) => s.name) : [input.heading ?? '', ...[input.question, input.answer].flatMap((l) => (l ? [l.speaker, l.text] : []))]
  return [input.title, input.site, input.kind === 'interview' ? input.date ?? '' : '', ...lines, '·…—'].join('')
}

interface Node {
  type: string
  props: { style?: Record<string, unknown>; children?: (Node | string)[] | string; lang?: string }
}
const h = (type: string, style: Record<string, unknown>, children: (Node | string)[] | string = []): Node => ({ type, props: { style, children } })
const PADDING = { x: 64, y: 48, top: 16 }
/** Satori lays out text without wrapping unless a block has a width: every text block gets one. */
const TEXT_WIDTH = CARD_WIDTH - 2 * PADDING.x
/** A block of text cut with an ellipsis after `lines` lines. */
const clamped = (text: string, lines: number, style: Record<string, unknown>): Node => h('div', { display: 'block', lineClamp: lines, overflow: 'hidden', ...style }, text)

function footer(input: CardInput): Node {
  return h('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 26, color: '#555', width: TEXT_WIDTH }, [
    input.kind === 'turns' ? clamped(input.title, 1, { maxWidth: 860 }) : h('div', {}, input.date ?? ''),
    h('div', { fontWeight: 700, color: '#1f5fa8' }, `Parley · ${input.site}`),
  ])
}

function said(line: CardLine, lines: number, size: number): Node {
  return h('div', { display: 'flex', flexDirection: 'column', borderLeft: `10px solid ${line.colour}`, paddingLeft: 28 }, [
    clamped(line.speaker, 1, { fontSize: 30, fontWeight: 700, color: line.colour, marginBottom: 8, width: TEXT_WIDTH - 38 }),
    clamped(line.text, lines, { fontSize: size, lineHeight: 1.35, color: '#1b1b1b', width: TEXT_WIDTH - 38 }),
  ])
}

function layout(input: CardInput, fontFamily: string): Node {
  const body: Node[] =
    input.kind === 'interview'
      ? [
          clamped(input.title, 3, { fontSize: 64, fontWeight: 700, lineHeight: 1.2, color: '#1b1b1b', width: TEXT_WIDTH }),
          h('div', { display: 'flex', flexWrap: 'wrap', gap: 24, fontSize: 32 }, input.speakers.slice(0, 6).map((s) =>
            h('div', { display: 'flex', alignItems: 'center', gap: 12, color: s.colour }, [h('div', { width: 22, height: 22, borderRadius: 11, backgroundColor: s.colour }), s.name]),
          )),
        ]
      : [
          ...(input.heading ? [clamped(input.heading, 1, { fontSize: 34, fontWeight: 700, color: '#555', width: TEXT_WIDTH })] : []),
          ...(input.question ? [said(input.question, input.answer ? 2 : 5, 38)] : []),
          ...(input.answer ? [said(input.answer, input.question ? 4 : 6, 34)] : []),
        ]
  // Sizes are the content box: Satori adds padding and border to width and height.
  return h('div', { width: TEXT_WIDTH, height: CARD_HEIGHT - 2 * PADDING.y - PADDING.top, display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: `${PADDING.y}px ${PADDING.x}px`, backgroundColor: '#fbfaf7', borderTop: `${PADDING.top}px solid #1f5fa8`, fontFamily }, [
    h('div', { display: 'flex', flexDirection: 'column', gap: 32 }, body),
    footer(input),
  ])
}

export type FontLoader = ReturnType<typeof createFontLoader>

/**
 * The card as SVG, and the characters its fonts did not have (Satori asks for more fonts for those:
 * a script Noto Sans SC lacks, an emoji). They are drawn as nothing; the build names them.
 */
export async function cardSvg(input: CardInput, fonts: FontLoader): Promise<{ svg: string; missing: string[] }> {
  const text = cardText(input)
  const weights: CardWeight[] = [400, 700]
  const loaded = weights.flatMap((w) => fonts(text, w))
  const missing: string[] = []
  const svg = await satori(layout(input, cardFamily(loaded)) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loaded,
    loadAdditionalAsset: async (_code, segment) => {
      missing.push(segment)
      return []
    },
  })
  return { svg, missing }
}

export async function drawCard(input: CardInput, fonts: FontLoader, warn: (message: string) => void = () => {}): Promise<Buffer> {
  const { svg, missing } = await cardSvg(input, fonts)
  if (missing.length > 0) warn(`preview card "${input.title}": no glyph for ${JSON.stringify([...new Set(missing.join(''))].join(''))}`)
  return new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng()
}

/**
 * Draw the cards into `outDir`, reusing a card drawn earlier from the same input (the cache folder
 * outlives `dist/`): a rebuild, a test build or CI's second build draws nothing that did not change.
 */
export async function writeCards(cards: readonly PlannedCard[], outDir: string, cacheDir: string, warn?: (message: string) => void): Promise<{ drawn: number; cached: number }> {
  const fonts = createFontLoader()
  await mkdir(cacheDir, { recursive: true })
  let drawn = 0
  for (const card of cards) {
    const key = createHash('sha256').update(JSON.stringify([DRAWING_VERSION, card.input])).digest('hex').slice(0, 32)
    const cached = path.join(cacheDir, `${key}.png`)
    let png: Buffer
    if (existsSync(cached)) png = await readFile(cached)
    else {
      png = await drawCard(card.input, fonts, warn)
      await writeFile(cached, png)
      drawn++
    }
    const file = path.join(outDir, card.file)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, png)
  }
  return { drawn, cached: cards.length - drawn }
}
