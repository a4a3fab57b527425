/**
 * Property tests for `parseInterview`: totality, id invariants, line coverage, label removal, and
 * exact results on generated interviews (bench/generate.ts).
 */
import fc from 'fast-check'
import { splitMetadataHeader } from '../../src/core/front-matter-formats'
import { describe, expect, it } from 'vitest'
import { parseInterview } from '../../src/core/parse'
import type { Interview, Turn } from '../../src/core/types'
import { generateInterview } from '../../bench/generate'

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const FRAGMENTS = [
  '---\n', '## h\n', '## Intro\n', '# Title\n', '### Why?\n', '**A**: x\n\n', '**B**: y?\n\n', '**A:** z\n\n', 'A: ', 'B: ',
  'Q: ', 'A：', '问：', '<!-- ', '-->', '<!-- c -->', '\r\n', '\n', '\n\n', '\uFEFF', '- item\n', '1. **What?**\n', '  answer\n',
  '```\n', '~~~\n', '{#id}', '{#turn-1}', '：', ':', '**', '*', '> ', '    ', 'text', 'Michael', '作者：X\n\n', 'title: t\n',
  '[a](https://x.y)', '***\n', '## turn-1\n', '## parley-intro\n', ' ', '\t', '?', '**Q?**\n\n',
]

const markdownish = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''))
const anyInput = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }) /* fast-check 4's fullUnicodeString */, markdownish, markdownish)

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function parseOk(source: string): Interview | null {
  const result = parseInterview(source, { file: 'prop.md' })
  return result.ok ? result.interview : null
}

const allTurns = (interview: Interview): Turn[] => interview.sections.flatMap((s) => s.blocks.filter((b): b is Turn => b.kind === 'turn'))

/**
 * 1-based numbers of the lines that carry content outside front matter and HTML comments, computed
 * here on purpose without the parser's own helpers: normalise newlines, drop a leading BOM, skip a
 * closed `---` front matter, then walk the text character by character, blanking `<!-- … -->`
 * (unclosed runs to the end) except inside fenced code blocks (a line opening with ``` or ~~~,
 * closed by a later line that starts with the same fence).
 */
function contentLines(source: string): number[] {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  let first = 0
  if (/^---[ \t]*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(l))
    if (close !== -1) first = close + 1
  } else if (splitMetadataHeader(lines.join('\n'))) {
    // A `Key: value` header (Pelican) is front matter too: it runs to the first blank line.
    const blank = lines.findIndex((l) => l.trim() === '')
    first = blank === -1 ? lines.length : blank
  }
  const out: number[] = []
  let inComment = false
  let fence: string | null = null
  for (let i = first; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (!inComment && fence !== null) {
      if (line.trimStart().startsWith(fence)) fence = null
      if (/[^ \t]/.test(line)) out.push(i + 1)
      continue
    }
    if (!inComment) {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line)
      if (open) {
        fence = open[1] ?? null
        out.push(i + 1)
        continue
      }
    }
    let visible = ''
    let pos = 0
    while (pos < line.length) {
      if (inComment) {
        const end = line.indexOf('-->', pos)
        if (end === -1) break
        inComment = false
        pos = end + 3
      } else {
        const start = line.indexOf('<!--', pos)
        if (start === -1) {
          visible += line.slice(pos)
          break
        }
        visible += line.slice(pos, start)
        inComment = true
        pos = start + 4
      }
    }
    if (/[^ \t]/.test(visible)) out.push(i + 1)
  }
  return out
}

/** How many blocks (section heading, turn, narration) cover each line. */
function coverage(interview: Interview): Map<number, number> {
  const count = new Map<number, number>()
  const add = (start: number, end: number): void => {
    for (let l = start; l <= end; l++) count.set(l, (count.get(l) ?? 0) + 1)
  }
  for (const section of interview.sections) {
    if (section.headingLines) add(section.headingLines.start, section.headingLines.end)
    for (const block of section.blocks) add(block.lines.start, block.lines.end)
  }
  return count
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('parseInterview properties', { timeout: 60_000 }, () => {
  it('(a) is total: any string gives { ok: true | false } and never throws', () => {
    fc.assert(
      fc.property(anyInput, (source) => {
        const result = parseInterview(source, { file: 'prop.md' })
        expect(typeof result.ok).toBe('boolean')
        if (result.ok) expect(Array.isArray(result.interview.sections)).toBe(true)
        else expect(result.error.kind).toBe('parse-error')
      }),
      { numRuns: 1500 },
    )
  })

  it('(a) never reports an internal error on Markdown-ish input', () => {
    fc.assert(
      fc.property(markdownish, (source) => {
        const result = parseInterview(source)
        if (!result.ok) expect(result.error.message).not.toMatch(/internal parser error/)
      }),
      { numRuns: 1000 },
    )
  })

  it('(b) turn ids are exactly turn-1..turn-N in document order', () => {
    fc.assert(
      fc.property(anyInput, (source) => {
        const interview = parseOk(source)
        if (!interview) return
        const turns = allTurns(interview)
        expect(turns.map((t) => t.id)).toEqual(turns.map((_, i) => `turn-${i + 1}`))
        for (let i = 1; i < turns.length; i++) {
          expect(turns[i]?.lines.start).toBeGreaterThan(turns[i - 1]?.lines.end ?? Infinity)
        }
        expect(new Set(turns.map((t) => t.id)).size).toBe(turns.length)
      }),
      { numRuns: 1000 },
    )
  })

  it('(c) every content line outside comments and front matter belongs to exactly one block', () => {
    fc.assert(
      fc.property(markdownish, (source) => {
        const interview = parseOk(source)
        if (!interview) return
        const covered = coverage(interview)
        const bad = contentLines(source).filter((line) => covered.get(line) !== 1)
        expect(bad.map((line) => `line ${line}: covered ${covered.get(line) ?? 0}×`)).toEqual([])
      }),
      { numRuns: 1500 },
    )
  })

  it('(d) section ids are unique and never look like turn ids', () => {
    fc.assert(
      fc.property(anyInput, (source) => {
        const interview = parseOk(source)
        if (!interview) return
        const ids = interview.sections.map((s) => s.id)
        expect(new Set(ids).size).toBe(ids.length)
        for (const id of ids) expect(id).not.toMatch(/^turn-\d+$/)
        for (const s of interview.sections) if (s.title !== null) expect(s.id.startsWith('parley-')).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })

  it('(e) turn text never starts with its own speaker label', () => {
    fc.assert(
      fc.property(markdownish, (source) => {
        const interview = parseOk(source)
        if (!interview) return
        const lines = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
        for (const turn of allTurns(interview)) {
          if (turn.label === null) continue
          // `A: A: x` (or `B:` with `**B**: y` on the next line) really does say the name twice; only
          // judge turns whose opening paragraph names it once.
          const end = lines.findIndex((line, i) => i >= turn.lines.start - 1 && line.trim() === '')
          const opening = lines.slice(turn.lines.start - 1, end === -1 ? undefined : end).join('\n')
          if (opening.split(turn.label).length > 2) continue
          // The label (with its colon) was removed; only a second, written-out copy could remain.
          const escaped = turn.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          expect(turn.text).not.toMatch(new RegExp(`^\\**${escaped}\\**\\s*[:：]`, 'u'))
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('generated interviews: exact turn count, speakers and roles, labels removed', () => {
    fc.assert(
      fc.property(
        fc.record({
          turns: fc.integer({ min: 2, max: 120 }),
          sections: fc.integer({ min: 1, max: 25 }),
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          labelStyle: fc.constantFrom('bold' as const, 'plain' as const, 'cjk' as const),
          maxParagraphs: fc.integer({ min: 0, max: 4 }),
        }),
        (options) => {
          const generated = generateInterview(options)
          const interview = parseOk(generated.source)
          expect(interview).not.toBeNull()
          if (!interview) return
          const turns = allTurns(interview)
          expect(turns.length).toBe(generated.turns.length)
          const byId = new Map(interview.speakers.map((s) => [s.id, s]))
          turns.forEach((turn, i) => {
            const expected = generated.turns[i]
            const speaker = byId.get(turn.speaker)
            expect(speaker?.name).toBe(expected?.speaker)
            expect(turn.role).toBe(expected?.role)
            expect(turn.label).toBe(expected?.speaker)
            expect(turn.text.startsWith(expected?.speaker ?? '')).toBe(false)
          })
          expect(interview.speakers.map((s) => s.name).sort()).toEqual([generated.interviewee, generated.interviewer].sort())
          expect(interview.sections.filter((s) => s.title !== null)).toHaveLength(generated.sections)
        },
      ),
      { numRuns: 150 },
    )
  })
})

/** Parser bugs found by these properties and the bench, kept as regressions. */
describe('regressions found by the properties and the bench', { timeout: 60_000 }, () => {
  const turnTexts = (source: string): string[] => {
    const interview = parseOk(source)
    return interview ? allTurns(interview).map((t) => t.text) : []
  }

  it('`<!--` inside inline code does not hide the rest of the article', () => {
    expect(turnTexts('A: Use `<!--` to open a comment?\n\nB: Right.\n')).toEqual(['Use <!-- to open a comment?', 'Right.'])
  })

  it('`<!--` inside an indented code block does not hide the rest of the article', () => {
    const interview = parseOk('    <!-- code\n\nvisible text\n')
    expect(interview?.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n')).toContain('visible text')
  })

  it('`<!--` inside a fenced block in a blockquote does not hide the rest of the article', () => {
    const interview = parseOk('> ```\n> <!--\n> ```\n\nvisible text\n')
    expect(interview?.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n')).toContain('visible text')
  })

  // CPU-heavy by design: the timeout above is for a loaded machine; alone it takes about a second.
  it('a document with 130,000 headings parses (no call-stack overflow)', () => {
    const result = parseInterview('## h\n'.repeat(130_000))
    expect(result.ok ? null : result.error.message).toBeNull()
  })
})
