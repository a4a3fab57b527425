/**
 * One pass of small rules over the units, in markdown-it's style: each rule reads a unit once and
 * leaves one note on it; the speaker decision and the conversation walk only read the notes.
 */
import { endsWithQuestion, isWhollyEmphasised, paragraphLabel, type Unit } from './blocks'
import { bylineKind, type BylineKind } from './bylines'
import type { LabelMatch } from './labels'
import { plainText } from './markdown'

/** How a unit looks, for telling a question's shape from its answer's. */
export type Shape = 'bold' | 'italic' | 'quote' | 'dash' | 'lead' | 'plain' | 'term' | 'heading' | 'other'

export interface Notes {
  /** `Name:` (or a definition-list term read as a name) at the start of the unit. */
  label: LabelMatch | null
  /** The label is a byline (`作者：`, `**Author:**`): narration that names people. */
  byline: BylineKind | null
  /** `[music]`, `(laughter)`, `**Break:**`: a transcript's stage direction, never a speaker. */
  stage: boolean
  shape: Shape
  /** The unit's text ends with a question mark. */
  asks: boolean
  /** Length of the unit's text: questions are short beside their answers. */
  length: number
}

/** Stage directions of transcripts, in the languages we read; a label with one of these names is not a person. */
const STAGE_WORDS = new Set([
  'break', 'music', 'intro', 'outro', 'pause', 'laughter', 'laughs', 'applause', 'silence', 'crosstalk', 'inaudible', 'ad',
  'advertisement', 'sponsor', 'interlude', 'end', 'musik', 'pause', 'musique', 'rires', 'música', 'risas', 'musica', 'музыка',
  'пауза', 'музика', '音乐', '笑', '停顿', '音楽', '休憩', '음악',
])
/** A bracketed aside alone in its paragraph, at most this long, is a stage direction (`[music]`). */
const MAX_STAGE_LENGTH = 40
const BRACKETED = /^[[(（［]([^\])）］]+)[\])）］]$/u

/** `――どうして？`: Japanese (and some Chinese) interviews mark questions with a leading dash. */
const DASH_LEAD = /^[―—]{1,2}/u

export function annotate(unit: Unit): Notes {
  if (unit.type === 'heading') return { label: null, byline: null, stage: false, shape: 'heading', asks: endsWithQuestion(unit.title), length: unit.title.length }
  if (unit.type !== 'paragraph') {
    const shape: Shape = unit.tokens[0]?.type === 'blockquote_open' ? 'quote' : 'other'
    const text = shape === 'quote' ? plainText(unit.tokens) : ''
    return { label: null, byline: null, stage: false, shape, asks: shape === 'quote' && endsWithQuestion(text), length: text.length }
  }
  const content = unit.inline.content
  const label = paragraphLabel(unit.inline)
  const byline = label ? bylineKind(label.name) : null
  const text = plainText([unit.inline])
  return {
    label,
    byline,
    stage: isStageDirection(text, label),
    shape: shapeOf(unit, text),
    asks: endsWithQuestion(label ? label.rest : content),
    length: text.length,
  }
}

/** A definition-list term: a speaker's name on its own line, or a question. */
export function annotateTerm(unit: Extract<Unit, { type: 'paragraph' }>): Notes {
  const text = plainText([unit.inline])
  const asks = endsWithQuestion(text)
  const label: LabelMatch | null = asks ? null : { name: text, form: 'plain', rest: '', time: null }
  return { label, byline: null, stage: false, shape: 'term', asks, length: text.length }
}

function isStageDirection(text: string, label: LabelMatch | null): boolean {
  if (label) return STAGE_WORDS.has(label.name.toLowerCase())
  if (text.length > MAX_STAGE_LENGTH) return false
  const inner = BRACKETED.exec(text)?.[1]
  return inner !== undefined && !/\d{1,2}:\d{2}/.test(inner)
}

function shapeOf(unit: Extract<Unit, { type: 'paragraph' }>, text: string): Shape {
  if (isWhollyEmphasised(unit.inline, 'strong')) return DASH_LEAD.test(text) ? 'dash' : 'bold'
  if (isWhollyEmphasised(unit.inline, 'em')) return DASH_LEAD.test(text) ? 'dash' : 'italic'
  if (DASH_LEAD.test(text)) return 'dash'
  // The question line of `Q?␠␠` + answer, split from its paragraph (src/core/blocks.ts).
  return unit.inline.meta?.questionLead ? 'lead' : 'plain'
}


/**
 * The shapes that carry questions in this article. Bold and italic questions stand out on their own;
 * a quoted or plain question only when an answer of another shape follows it at least twice
 * (questions in plain text answered in quotes, or the reverse). Plain questions answered in plain
 * text stand out only by being short beside long answers, and only in an article that says it is an
 * interview (`interviewNamed`): essays ask rhetorical questions too.
 */
export function questionShapes(notes: Notes[], interviewNamed: boolean): Set<Shape> {
  const answered = new Map<Shape, number>()
  let plainAsked = 0
  let plainAnswered = 0
  for (let i = 0; i + 1 < notes.length; i++) {
    const q = notes[i] as Notes
    const a = notes[i + 1] as Notes
    if (!q.asks || q.label) continue
    if (q.shape === 'plain') plainAsked++
    if (a.label || a.shape === 'heading') continue
    if (q.shape === 'plain' && a.shape === 'plain' && isShortQuestion(q) && !a.asks && a.length > q.length) plainAnswered++
    if (a.shape === q.shape) continue
    if (q.shape === 'plain' && a.shape !== 'quote') continue
    answered.set(q.shape, (answered.get(q.shape) ?? 0) + 1)
  }
  const shapes = new Set<Shape>(['bold', 'italic'])
  for (const [shape, count] of answered) if (count >= MIN_ANSWERED_QUESTIONS) shapes.add(shape)
  if (interviewNamed && plainAnswered >= MIN_PLAIN_QUESTIONS && plainAnswered * 2 >= plainAsked) shapes.add('plain')
  return shapes
}

/** Two answered questions make a pattern; one is a rhetorical question before a quote. */
const MIN_ANSWERED_QUESTIONS = 2
/** Plain questions need more of a pattern: three, and at least half of the plain questions asked. */
const MIN_PLAIN_QUESTIONS = 3
/** A question paragraph is a sentence or two; a longer paragraph that ends in `?` is an answer musing. */
const MAX_QUESTION_LENGTH = 240

export function isShortQuestion(note: Notes): boolean {
  return note.asks && note.length <= MAX_QUESTION_LENGTH
}
