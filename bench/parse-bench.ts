/**
 * Parse throughput and scaling benchmark: `npm run bench` (not part of `npm test`).
 *
 * 1. Throughput: `parseInterview` on the seed article and on a generated 5,000-turn interview, as MB/s
 *    and ms/op (median of several samples after warm-up), and the ratio to markdown-it's own
 *    `render` of the same text measured in the same run, interleaved sample by sample so machine
 *    noise hits both alike (the ratio is the median of back-to-back pairs). Target: parse ≤ 1.5×
 *    markdown-it render.
 * 2. Scaling: pathological inputs at sizes n, 2n, 4n. time(4n)/time(n) should be ≈ 4 for linear
 *    work; above 8 is flagged SUPERLINEAR. markdown-it's growth on the same inputs is shown as the
 *    baseline (if markdown-it itself is superlinear, the parser cannot do better than it).
 * 3. Quote links (`-- quote`): opening a 200-character quote that was edited since (10 typos) in a
 *    20,000- and a 30,000-character turn, and one that is gone from a generated 5,000-turn interview
 *    (every turn searched), against the reader's own search (`findMatches`) over the same text in
 *    the same run: anchoring should cost a small multiple of one search keystroke, and grow
 *    linearly with the text (30,000 vs 20,000 characters ≈ 1.5×).
 *
 * Nothing here asserts wall-clock times; only ratios measured in the same run are judged.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import MarkdownIt from 'markdown-it'
import { parseInterview } from '../src/core/parse'
import { makeQuote } from '../src/core/reader/quote'
import { findQuote } from '../src/core/reader/quote-match'
import { findMatches } from '../src/core/reader/search'
import { generateInterview, prose, withTypos } from './generate'

const TARGET_RATIO = 1.5
const SUPERLINEAR = 8
/**
 * Per function and warm-up round (three rounds) before the throughput samples. 150 ms was too short
 * on this two-core machine: V8's background compiles had not all landed, and the seed's per-pair
 * ratios scattered from 0.9× to 2.6× (median 1.6–1.8×). From 500 ms on they settle (1.3–1.4×).
 */
const WARM_UP_MS = 500
/** A family stops growing once one parse takes longer than this (keeps the bench bounded). */
const MAX_SINGLE_RUN_MS = 8000

const md = new MarkdownIt({ html: false })
const renderMd = (text: string): unknown => md.render(text)

let sink = 0
/** Parsed under its own file name, as the build, the CLI and the browser do (a `.zh-cn.md` name gives the language). */
function parseOnce(text: string, file = 'bench.md'): { ok: boolean; message: string | null } {
  const result = parseInterview(text, { file })
  sink += result.ok ? result.interview.sections.length : 1
  return { ok: result.ok, message: result.ok ? null : result.error.message }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** One sample: run `fn` enough times to fill `minMs`, return ms per call. */
function sample(fn: () => unknown, minMs: number): number {
  let calls = 0
  const start = performance.now()
  let elapsed = 0
  do {
    fn()
    calls++
    elapsed = performance.now() - start
  } while (elapsed < minMs)
  return elapsed / calls
}

/**
 * ms/op samples of two functions, taken alternately (a, b, a, b, …) after a warm-up, so a burst of
 * noise on the machine lands on both. The judged ratio is the median of the per-pair ratios: a burst
 * that hits one sample skews one pair, and the median sets that pair aside.
 */
function compare(a: () => unknown, b: () => unknown, samples: number, minMs: number, warmUpMs = WARM_UP_MS): { aMs: number; bMs: number; ratio: number } {
  // Warm-up (JIT tiers, regex compilation, caches) alternating like the samples, so both are in steady state.
  for (let round = 0; round < 3; round++) for (const fn of [a, b]) sample(fn, warmUpMs)
  const aTimes: number[] = []
  const bTimes: number[] = []
  for (let s = 0; s < samples; s++) {
    aTimes.push(sample(a, minMs))
    bTimes.push(sample(b, minMs))
  }
  return { aMs: median(aTimes), bMs: median(bTimes), ratio: median(aTimes.map((t, i) => t / (bTimes[i] as number))) }
}

function pad(value: string, width: number, right = false): string {
  return right ? value.padStart(width) : value.padEnd(width)
}

function table(headers: string[], rows: string[][], rightFrom = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i] ?? 0, i >= rightFrom)).join('  ')
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')
const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2))
const fmtSize = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`)

// ---------------------------------------------------------------------------------------------
// 1. Throughput
// ---------------------------------------------------------------------------------------------

function throughput(): void {
  const seedPath = fileURLToPath(new URL('../content/sig-cloud-provider-spotlight-2024.zh-cn.md', import.meta.url))
  const inputs: Array<{ name: string; file: string; text: string; samples: number; minMs: number }> = [
    { name: 'seed article (zh-cn)', file: path.basename(seedPath), text: readFileSync(seedPath, 'utf8'), samples: 41, minMs: 40 },
    { name: 'generated 5,000 turns', file: 'generated.md', text: generateInterview({ turns: 5000, sections: 20, seed: 42 }).source, samples: 7, minMs: 1 },
    { name: 'generated 5,000 turns, CJK `Name：`', file: 'generated-cjk.md', text: generateInterview({ turns: 5000, sections: 20, seed: 43, labelStyle: 'cjk' }).source, samples: 5, minMs: 1 },
  ]
  const rows: string[][] = []
  for (const input of inputs) {
    const check = parseOnce(input.text, input.file)
    const size = bytes(input.text)
    const { aMs: parseMs, bMs: mdMs, ratio } = compare(() => parseOnce(input.text, input.file), () => renderMd(input.text), input.samples, input.minMs)
    rows.push([
      input.name,
      fmtSize(size),
      check.ok ? 'ok' : `ERROR`,
      fmtMs(parseMs),
      (size / 1e6 / (parseMs / 1000)).toFixed(1),
      fmtMs(mdMs),
      (size / 1e6 / (mdMs / 1000)).toFixed(1),
      `${ratio.toFixed(2)}×`,
      ratio <= TARGET_RATIO ? 'PASS' : 'OVER',
    ])
    if (!check.ok) console.log(`  ${input.name}: ${check.message}`)
  }
  console.log(`\nThroughput (medians of samples after warm-up; ratio = median of back-to-back pairs; target parse ≤ ${TARGET_RATIO}× markdown-it render)\n`)
  console.log(table(['input', 'size', 'result', 'parse ms/op', 'parse MB/s', 'md ms/op', 'md MB/s', 'ratio', 'target'], rows))
}

// ---------------------------------------------------------------------------------------------
// 2. Scaling on pathological inputs
// ---------------------------------------------------------------------------------------------

interface Family {
  name: string
  /** Base size n; the family is timed at n, 2n and 4n. */
  n: number
  make: (n: number) => string
}

const lines = (count: number, line: (i: number) => string): string => {
  const out: string[] = new Array(count)
  for (let i = 0; i < count; i++) out[i] = line(i)
  return out.join('\n')
}

const FAMILIES: Family[] = [
  { name: 'nested `> ` quotes on one line', n: 2500, make: (n) => `${'> '.repeat(n)}x\n` },
  { name: 'nested `>` quotes, one level per line', n: 2500, make: (n) => lines(n, (i) => `${'>'.repeat(Math.min(i + 1, 200))} x`) },
  { name: 'nested `- ` list markers on one line', n: 2500, make: (n) => `${'- '.repeat(n)}x\n` },
  { name: 'list indentation staircase (100 deep, repeated)', n: 2500, make: (n) => lines(n, (i) => `${'  '.repeat(i % 100)}- item ${i}`) },
  { name: '`**` openers', n: 2500, make: (n) => `${'**'.repeat(n)}a\n` },
  { name: '`**a ` unclosed openers', n: 25000, make: (n) => '**a '.repeat(n) },
  { name: '`a:` repeated on one line', n: 25000, make: (n) => 'a:'.repeat(n) },
  { name: '`**a**:` repeated on one line', n: 16000, make: (n) => '**a**:'.repeat(n) },
  { name: 'one long line of colons', n: 25000, make: (n) => ':'.repeat(n) },
  { name: 'colons `：` (fullwidth) line', n: 25000, make: (n) => '：'.repeat(n) },
  { name: 'long line of words (4n = 1 MB)', n: 262144, make: (n) => 'word '.repeat(n / 5) },
  { name: 'long line, no spaces (4n = 1 MB)', n: 262144, make: (n) => 'x'.repeat(n) },
  { name: 'many labels: `A: x` / `B: y?` turns (4n = 100k)', n: 25000, make: (n) => lines(n, (i) => (i % 2 ? 'B: yes\n' : 'A: why?\n')) },
  { name: 'many labels: `**A**: x` turns', n: 25000, make: (n) => lines(n, (i) => (i % 2 ? '**B**: yes\n' : '**A**: why?\n')) },
  { name: 'distinct speakers, each labelled twice', n: 2000, make: (n) => lines(n, (i) => `Speaker${i}: hi?\n\nSpeaker${i}: yes\n`) },
  { name: 'many `##` headings', n: 10000, make: (n) => lines(n, (i) => `## Heading ${i % 50}\n\ntext\n`) },
  { name: 'many HTML comments', n: 10000, make: (n) => lines(n, (i) => `<!-- c${i} --> A: hi ${i}\n`) },
  { name: '`<!-- a --> b ` repeated on one line', n: 65536, make: (n) => '<!-- a --> b '.repeat(n / 13) },
  { name: '`[` repeated (markdown-it link scan)', n: 25000, make: (n) => '['.repeat(n) },
  { name: '`![` repeated (markdown-it image scan)', n: 12500, make: (n) => '!['.repeat(n) },
  { name: 'unclosed `<!--` then text', n: 25000, make: (n) => `<!--\n${lines(n, () => 'A: hidden')}` },
  { name: 'many fences', n: 10000, make: (n) => lines(n, () => '```\ncode: x\n```\n') },
]

interface Point {
  size: number
  parseMs: number
  mdMs: number
  ok: boolean
  message: string | null
}

function measurePoint(text: string): Point {
  const first = performance.now()
  const check = parseOnce(text)
  const firstMs = performance.now() - first
  // Big inputs: few samples of one call each; small inputs: batch calls to get above timer noise.
  const samples = firstMs > 150 ? 3 : 5
  const minMs = firstMs > 50 ? 0 : 20
  const timed = firstMs > 400
    ? { aMs: Math.min(firstMs, sample(() => parseOnce(text), 0)), bMs: sample(() => renderMd(text), 0) }
    : compare(() => parseOnce(text), () => renderMd(text), samples, minMs, Math.min(minMs, 20))
  const parseMs = timed.aMs
  const mdMs = timed.bMs
  return { size: bytes(text), parseMs, mdMs, ok: check.ok, message: check.message }
}

/**
 * SUPERLINEAR when the parser's growth is above the threshold and clearly above markdown-it's on the
 * same inputs; when markdown-it grew as much, the run was noisy (or markdown-it itself is the cause).
 */
function verdict(growth: number, mdGrowth: number): string {
  if (!(growth > SUPERLINEAR)) return 'linear'
  if (Number.isFinite(mdGrowth) && growth < 2 * mdGrowth) return 'noisy (md too)'
  return 'SUPERLINEAR'
}

function scaling(): void {
  console.log(`\nScaling on pathological inputs (n, 2n, 4n; growth = time(4n)/time(n): ≈4 linear, >${SUPERLINEAR} SUPERLINEAR)\n`)
  const rows: string[][] = []
  const errors: string[] = []
  for (const family of FAMILIES) {
    const points: Point[] = []
    for (const k of [1, 2, 4]) {
      const point = measurePoint(family.make(family.n * k))
      points.push(point)
      if (!point.ok) errors.push(`${family.name} @ ${k}n: ${point.message}`)
      if (point.parseMs > MAX_SINGLE_RUN_MS) break
    }
    const [p1, p2, p4] = points
    const growth = p1 && p4 ? p4.parseMs / p1.parseMs : NaN
    const mdGrowth = p1 && p4 ? p4.mdMs / p1.mdMs : NaN
    // When a family was cut short, extrapolate from the last step so the verdict is still shown.
    const partial = !p4 && p1 && p2 ? (p2.parseMs / p1.parseMs) ** 2 : NaN
    const judged = Number.isNaN(growth) ? partial : growth
    const last = points[points.length - 1] as Point
    rows.push([
      family.name,
      fmtSize(last.size),
      points.map((p) => fmtMs(p.parseMs)).join(' / '),
      Number.isNaN(growth) ? `~${partial.toFixed(1)} (cut)` : growth.toFixed(1),
      points.map((p) => fmtMs(p.mdMs)).join(' / '),
      mdGrowth.toFixed(1),
      `${(last.parseMs / last.mdMs).toFixed(1)}×`,
      points.every((p) => p.ok) ? 'ok' : 'ERROR',
      verdict(judged, mdGrowth),
    ])
  }
  console.log(table(['family', 'size @4n', 'parse ms n/2n/4n', 'growth', 'md ms n/2n/4n', 'md growth', 'parse/md @4n', 'result', 'verdict'], rows, 1))
  if (errors.length > 0) {
    console.log('\nInputs the parser refused (ok: false):')
    for (const e of errors) console.log(`  - ${e}`)
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Quote links
// ---------------------------------------------------------------------------------------------

function quoteLinks(): void {
  const rows: string[][] = []
  const errors: string[] = []
  const run = (name: string, texts: string[], quote: ReturnType<typeof makeQuote>, expectFound: boolean): number => {
    const found = findQuote(texts, quote)
    if (!!found !== expectFound) errors.push(`${name}: expected the quote ${expectFound ? 'found' : 'not found'}, got ${JSON.stringify(found)}`)
    const all = texts.join('\n')
    const r = compare(() => findQuote(texts, quote), () => findMatches(all, quote.exact), 7, 100)
    rows.push([name, fmtSize(all.length), fmtMs(r.aMs), fmtMs(r.bMs), `${r.ratio.toFixed(1)}×`])
    return r.aMs
  }
  const turnMs: number[] = []
  for (const chars of [20_000, 30_000]) {
    const turn = prose(chars, chars)
    const at = Math.floor(chars * 0.7)
    turnMs.push(run(`edited quote, one ${chars.toLocaleString('en')}-char turn`, [withTypos(turn, at, 200)], makeQuote(turn, at, at + 200), true))
  }
  const big = parseInterview(generateInterview({ turns: 5000, sections: 20, seed: 42 }).source, { file: 'big.md' })
  if (!big.ok) throw new Error('the generated interview does not parse')
  const texts = big.interview.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'turn').map((b) => b.text))
  const elsewhere = prose(2_000, 1)
  run(`quote gone, ${texts.length} turns`, texts, makeQuote(elsewhere, 1_000, 1_200), false)
  console.log('\nQuote links: a 200-char quote (10 typos when edited) vs the reader\'s search over the same text (median of 7 paired samples)\n')
  console.log(table(['case', 'text', 'anchor ms', 'search ms', 'anchor/search'], rows))
  console.log(`\nGrowth 20,000 → 30,000 chars: ${((turnMs[1] ?? NaN) / (turnMs[0] ?? NaN)).toFixed(2)}× (linear: 1.5×)`)
  for (const e of errors) console.log(`  - ${e}`)
}

// `npm run bench -- throughput`, `-- scaling` or `-- quote` runs one part; no argument runs all.
const parts = process.argv.slice(2)
const started = performance.now()
if (parts.length === 0 || parts.includes('throughput')) throughput()
if (parts.length === 0 || parts.includes('scaling')) scaling()
if (parts.length === 0 || parts.includes('quote')) quoteLinks()
console.log(`\nTotal bench time: ${((performance.now() - started) / 1000).toFixed(1)} s (sink ${sink % 10})`)
