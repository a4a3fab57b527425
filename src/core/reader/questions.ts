/**
 * Questions as landmarks: the interviewer's turns, numbered Q1…Qn in document order, and for every
 * turn the question it follows. Derived from the parser's roles only, so it stays pure and cheap.
 */
import type { Section, Turn } from '../types'

export interface QuestionIndex {
  /** The question turns in document order (Q1 is `list[0]`). */
  list: Turn[]
  /** Question turn id → its number (1-based). */
  numberOf: Map<string, number>
  /** Any turn id → the id of the latest question at or before it (none before the first question). */
  questionOf: Map<string, string>
  /** Section id → its questions, in order. */
  bySection: Map<string, Turn[]>
}

export function isQuestion(turn: Turn): boolean {
  return turn.role === 'interviewer'
}

export function indexQuestions(sections: readonly Section[]): QuestionIndex {
  const index: QuestionIndex = { list: [], numberOf: new Map(), questionOf: new Map(), bySection: new Map() }
  let last: string | null = null
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'turn') continue
      if (isQuestion(block)) {
        index.list.push(block)
        index.numberOf.set(block.id, index.list.length)
        const inSection = index.bySection.get(section.id)
        if (inSection) inSection.push(block)
        else index.bySection.set(section.id, [block])
        last = block.id
      }
      if (last) index.questionOf.set(block.id, last)
    }
  }
  return index
}

/** A question's first line, for one-line previews (the outline, the pinned question). */
export function firstLine(text: string, max = 160): string {
  const line = text.trim().split('\n', 1)[0] ?? ''
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** Speaker colour from the speaker's id (itself from the name): the same person keeps a colour across filters, edits and interviews. */
export function speakerColour(id: string, colours = 6): number {
  // FNV-1a: tiny, and spreads short ids that differ in one letter.
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193)
  return (hash >>> 0) % colours
}
