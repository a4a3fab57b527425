/**
 * Linear time on the shapes that once were (or could be) quadratic. Times are never
 * asserted: only the growth from n to 8n, measured in the same run, which is ≈ 8 for linear work
 * and ≈ 64 for quadratic. The bound 24 leaves room for a busy machine and for the garbage
 * collector, which makes even a plain indexOf loop grow up to 2× faster than its input here.
 */
import { describe, expect, it } from 'vitest'
import { stripHtmlComments } from '../../src/core/comments'
import { plainText } from '../../src/core/markdown'
import { parseInterview } from '../../src/core/parse'
import { md } from '../../src/core/render'

const FACTOR = 8
const MAX_GROWTH = 24

/**
 * time(FACTOR·n) / time(n), each the fastest of a few runs (noise from other processes only ever adds
 * time), the two sizes taking turns so a busy spell on the machine lands on both. One warm-up run at
 * n first, so compilation is not counted.
 */
function growth(make: (n: number) => string, n: number, work: (input: string) => unknown, times = 5): number {
  const small = make(n)
  const large = make(FACTOR * n)
  work(small)
  // CPU time of this process, not wall-clock time: while other processes hold the cores, the clock runs
  // on and the work does not (at load 17 on two cores one large run read 70× the small one).
  const cpuMs = (): number => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
  const time = (input: string): number => {
    const started = cpuMs()
    work(input)
    return cpuMs() - started
  }
  let bestSmall = Infinity
  let bestLarge = Infinity
  for (let i = 0; i < times; i++) {
    bestLarge = Math.min(bestLarge, time(large))
    bestSmall = Math.min(bestSmall, time(small))
  }
  return bestLarge / bestSmall
}

const repeatToLength = (unit: string) => (n: number): string => unit.repeat(Math.ceil(n / unit.length))

describe('linear time', { timeout: 120_000 }, () => {
  it('stripHtmlComments on one line of `<!-- a --> b ` (250 kB → 2 MB: at 125 kB one run takes a millisecond, too short to time on a busy machine)', () => {
    expect(growth(repeatToLength('<!-- a --> b '), 250_000, stripHtmlComments)).toBeLessThan(MAX_GROWTH)
  })

  it('stripHtmlComments on a line of code spans before one late comment (125 kB → 1 MB)', () => {
    const make = (n: number): string => `${repeatToLength('`a` ')(n)}<!-- c -->`
    expect(growth(make, 125_000, stripHtmlComments)).toBeLessThan(MAX_GROWTH)
  })

  it('stripHtmlComments on a line of unclosed backtick runs, each longer than the last', () => {
    // Each run looks for a closing run of its own length further on and finds none.
    const make = (n: number): string => {
      const runs: string[] = []
      for (let length = 1, size = 0; size < n; length++, size += length + 2) runs.push(`${'`'.repeat(length % 500 || 500)}x `)
      return `${runs.join('')}<!-- c -->`
    }
    expect(growth(make, 125_000, stripHtmlComments)).toBeLessThan(MAX_GROWTH)
  })

  it('parseInterview on 100k labels (`A: why?` / `B: yes`, 12.5k → 100k lines)', () => {
    const make = (n: number): string => Array.from({ length: n }, (_, i) => (i % 2 ? 'B: yes\n' : 'A: why?\n')).join('\n')
    expect(growth(make, 12_500, (s) => parseInterview(s), 3)).toBeLessThan(MAX_GROWTH)
  })

  it('plainText of a long intro: a heading and a paragraph, repeated (20k → 160k blocks)', () => {
    const make = (n: number): string => Array.from({ length: n / 2 }, (_, i) => `## Heading ${i % 50}\n\ntext\n`).join('\n')
    const tokensOf = new Map<string, ReturnType<typeof md.parse>>()
    const work = (source: string): string => {
      let tokens = tokensOf.get(source)
      if (!tokens) tokensOf.set(source, (tokens = md.parse(source, {})))
      return plainText(tokens)
    }
    expect(growth(make, 20_000, work, 7)).toBeLessThan(MAX_GROWTH)
  })
})
