/**
 * Turn formats as fixture files, in the style of markdown-it's `test/fixtures`: each
 * `tests/fixtures/forms/NAME.md` has a `NAME.json` written from the spec (not from the parser's
 * output) that lists the visible sections and, per turn, [speaker, role, opening words, time?].
 * A speaker written as `interviewer`/`interviewee` is an unnamed one: only the role is compared.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { visibleSections } from '../../src/cli/score'
import { parseOk, turnsOf } from './helpers'

interface Expected {
  title?: string
  sections: (string | null)[]
  turns: [speaker: string, role: string, starts: string, time?: string][]
}

const dir = join(import.meta.dirname, '../fixtures/forms')
const names = readdirSync(dir).filter((f) => f.endsWith('.md')).sort()
/** Leading question dashes (`――`) and markup are not words. */
const words = (text: string): string => text.normalize('NFKC').replace(/^[\s―—–*_]+/u, '').replace(/\s+/g, ' ')

describe('turn formats (tests/fixtures/forms)', () => {
  it('has a fixture per format', () => expect(names.length).toBeGreaterThanOrEqual(25))

  for (const name of names) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.md$/, '.json')), 'utf8')) as Expected
      const interview = parseOk(readFileSync(join(dir, name), 'utf8'), name)
      const byId = new Map(interview.speakers.map((s) => [s.id, s]))
      if (expected.title) expect(interview.meta.title).toBe(expected.title)
      expect(visibleSections(interview).map((s) => s.title).filter((t) => t !== null)).toEqual(expected.sections.filter((t) => t !== null))
      const actual = turnsOf(interview).map((turn) => {
        const speaker = byId.get(turn.speaker)
        return { names: [speaker?.name, ...(speaker?.aliases ?? [])], inferred: speaker?.inferred, role: turn.role, text: words(turn.text), time: turn.time ?? undefined }
      })
      const described = actual.map((t) => `${t.names[0]} (${t.role}) ${t.text.slice(0, 30)}${t.time ? ` @${t.time}` : ''}`)
      expect(described, 'turn count').toHaveLength(expected.turns.length)
      expected.turns.forEach(([speaker, role, starts, time], i) => {
        const turn = actual[i]!
        const where = `turn ${i + 1}: ${described[i]}`
        if (speaker === 'interviewer' || speaker === 'interviewee') expect(turn.inferred, where).toBe(true)
        else expect(turn.names, where).toContain(speaker)
        expect(turn.role, where).toBe(role)
        expect(turn.text.startsWith(words(starts)), `${where} should start "${starts}"`).toBe(true)
        if (time !== undefined) expect(turn.time, where).toBe(time)
      })
    })
  }
})
