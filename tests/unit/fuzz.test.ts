/**
 * Fuzzing `parseInterview` with a fixed seed, so CI runs the same cases every time and a failure
 * prints a reproducible counterexample. Inputs are generated interviews (bench/generate.ts) that
 * are then cut, spliced and sprinkled with hostile fragments, under hostile front matter.
 *
 * Every parse must satisfy every invariant in INVARIANTS; a new rule is one more entry there.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateInterview } from '../../bench/generate'
import { parseInterview } from '../../src/core/parse'
import type { Interview, Turn } from '../../src/core/types'

const SEED = 15
const RUNS = 2000

const turnsOf = (interview: Interview): Turn[] => interview.sections.flatMap((s) => s.blocks.filter((b): b is Turn => b.kind === 'turn'))

/** What every parsed model must satisfy, by name (the name is in the failure message). */
const INVARIANTS: Record<string, (interview: Interview) => void> = {
  'JSON-safe: a JSON round trip gives the same model': (interview) => {
    // toEqual, not toStrictEqual: a front-matter key named `constructor` is data, not a type to compare.
    expect(JSON.parse(JSON.stringify(interview))).toEqual(interview)
  },
  'turn ids are unique': (interview) => {
    const ids = turnsOf(interview).map((t) => t.id)
    expect(new Set(ids).size).toBe(ids.length)
  },
  'section ids are unique': (interview) => {
    const ids = interview.sections.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
  },
  'no empty turn: a label with nothing after it stays as written, as narration': (interview) => {
    const empty = turnsOf(interview).filter((t) => t.text.trim() === '' && t.html.replace(/<[^>]*>/g, '').trim() === '')
    expect(empty.map((t) => `${t.id} (lines ${t.lines.start}-${t.lines.end})`)).toEqual([])
  },
}

/** Parsing never throws; a model that comes out satisfies every invariant. */
function checkParse(source: string): void {
  const result = parseInterview(source, { file: 'fuzz.md' })
  if (!result.ok) {
    expect(result.error.kind).toBe('parse-error')
    return
  }
  for (const [name, check] of Object.entries(INVARIANTS)) {
    try {
      check(result.interview)
    } catch (error) {
      throw new Error(`invariant "${name}" failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

/** YAML values that are not plain JSON once loaded, or that look like something else. */
const YAML_VALUES = [
  '.nan', '.NaN', '.inf', '-.inf', '+.Inf', '-0', '-0.0', '0x1F', '0o17', '1e400', '-1e400', '123456789012345678901234567890',
  '2024-01-02', '2024-01-02T03:04:05Z', '~', 'null', 'true', 'no', "''", '"$\'"', '"$`"', '"$&"', '"$1"', '[1, .nan, [.inf]]',
  '{a: .nan}', '&a [1, 2]', '*a', '"\\u0000"', '"\\uD800"', '"..\\u002F.."', '>-\n  folded', '|\n  literal',
]
const FM_KEYS = ['title', 'slug', 'date', 'lang', 'description', 'tags', 'author', 'translationKey', '__proto__', 'constructor', 'x']
const frontMatter = fc
  .array(fc.tuple(fc.constantFrom(...FM_KEYS), fc.oneof(fc.constantFrom(...YAML_VALUES), fc.string({ maxLength: 6 }))), { maxLength: 6 })
  .map((pairs) => `---\n${pairs.map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n`)

/** Pieces that change structure: labels, headings, fences, comments, breaks, and empty labels. */
const FRAGMENTS = [
  '**Ann**:', '**Ann**: ', 'Ann:', 'Q: ', 'A：', '\n## ', '\n### Why?\n', '\n---\n', '<!-- ', '-->', '<!-- a --> b ', '```\n', '~~~',
  '\n\n', '\r\n', '\uFEFF', '\u0000', '[', '![', '`', '> ', '- ', '1. ', '{#turn-1}', '{#parley-intro}', '**', '：', '?', 'éñ汉字',
]

/** A generated interview, cut and spliced: removals, fragment insertions and repeated slices. */
const fuzzedArticle = fc
  .record({
    generated: fc.record({
      turns: fc.integer({ min: 0, max: 30 }),
      sections: fc.integer({ min: 1, max: 6 }),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      labelStyle: fc.constantFrom('bold' as const, 'plain' as const, 'cjk' as const),
      maxParagraphs: fc.integer({ min: 0, max: 3 }),
    }),
    frontMatter: fc.option(frontMatter, { nil: null }),
    edits: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        cut: fc.nat({ max: 40 }),
        insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ generated, frontMatter: fm, edits }) => {
    let text = generateInterview(generated).source
    if (fm !== null) text = fm + text.replace(/^---\n[\s\S]*?\n---\n/, '')
    for (const { at, cut, insert } of edits) {
      const pos = Math.floor(at * text.length)
      text = text.slice(0, pos) + insert + text.slice(pos + cut)
    }
    return text
  })

describe('fuzzing parseInterview (fixed seed)', { timeout: 120_000 }, () => {
  it(`${RUNS} fuzzed articles: never throws, and every model keeps every invariant`, () => {
    fc.assert(fc.property(fuzzedArticle, checkParse), { numRuns: RUNS, seed: SEED })
  })

  it('front matter of any YAML value (.nan, .inf, -0, dates, aliases) leaves the model JSON-safe', () => {
    fc.assert(
      fc.property(frontMatter, fc.string({ maxLength: 20 }), (fm, body) => checkParse(`${fm}\n**A**: Why?\n\n**B**: ${body}\n`)),
      { numRuns: RUNS, seed: SEED },
    )
  })

  it('turns .nan, .inf, -.inf and -0 into JSON values a stored copy keeps', () => {
    const result = parseInterview('---\nratio: .nan\nmax: .inf\nmin: -.inf\nzero: -0\nlist: [.NaN, 1]\n---\n\n**A**: Why?\n\n**B**: Because.\n')
    expect(result.ok && result.interview.meta.frontMatter).toEqual({ ratio: '.nan', max: '.inf', min: '-.inf', zero: 0, list: ['.nan', 1] })
  })

  it('refuses front matter whose aliases expand to millions of values, with a message', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)]
    const result = parseInterview(`---\n${laughs.join('\n')}\n---\n\nA: hi\n`)
    expect(result.ok ? null : result.error).toMatchObject({ line: 2, message: expect.stringMatching(/front matter expands to more than 100,000 values/) })
  })
})
