/**
 * Share pages and preview cards: build time and output size with and without cards, in one run.
 *
 *   npm run bench:share            the seed site (content/), then generated interviews of 40, 80,
 *                                  160 turns (a card per question and answer) and 640 turns (over
 *                                  the 300-turn limit: a card per section)
 *   npm run bench:share -- drawing  only the card drawing, in this process, at 40, 80 and 160 turns
 *
 * Each site is built twice with bench/vite.bench.config.ts, `PARLEY_CARDS=0` and `=1`, the second
 * with an empty card cache (so every card is drawn). Reports wall time, the whole output, the share
 * pages and the cards; the doubling rows give the growth ratio, which stays near 2× when both grow
 * linearly with the number of turns.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseInterview } from '../src/core/parse'
import { planCards, writeCards } from '../src/node/cards'
import { generateInterview } from './generate'
import { fmtRatio, fmtSize, ROOT, run, table } from './util'

const BENCH = path.join(ROOT, '.bench/share')
const SIZES = [40, 80, 160]
const OVER_LIMIT = 640

interface Measured {
  ms: number
  total: number
  share: number
  sharePages: number
  cards: number
  cardFiles: number
}

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).filter((f) => statSync(f).isFile())
}

/** The share pages are the pages that hold a share page's markup (src/node/share-pages.ts). */
function measure(outDir: string, ms: number): Measured {
  const files = walk(outDir).map((f) => ({ file: f, rel: path.relative(outDir, f), size: statSync(f).size }))
  const shares = files.filter((f) => f.rel.endsWith('index.html') && readFileSync(f.file, 'utf8').includes('<main id="parley-main" class="share-page">'))
  const cards = files.filter((f) => f.rel.startsWith('cards/'))
  const sum = (list: { size: number }[]): number => list.reduce((n, f) => n + f.size, 0)
  return { ms, total: sum(files), share: sum(shares), sharePages: shares.length, cards: sum(cards), cardFiles: cards.length }
}

async function buildSite(name: string, contentDir: string, cards: boolean): Promise<Measured> {
  const outDir = path.join(BENCH, `dist-${name}-${cards ? 'cards' : 'plain'}`)
  const cache = path.join(BENCH, `cache-${name}`)
  rmSync(cache, { recursive: true, force: true })
  Object.assign(process.env, { PARLEY_BENCH_CONTENT: contentDir, PARLEY_BENCH_CACHE: cache, PARLEY_CARDS: cards ? '1' : '0' })
  const start = performance.now()
  await run('npx', ['vite', 'build', '--config', 'bench/vite.bench.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { quiet: true })
  return measure(outDir, performance.now() - start)
}

function content(name: string, turns: number | null): string {
  const dir = path.join(BENCH, `content-${name}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  if (turns === null) cpSync(path.join(ROOT, 'content'), dir, { recursive: true })
  else writeFileSync(path.join(dir, `generated-${turns}.md`), generateInterview({ turns, sections: Math.max(1, Math.round(turns / 40)), seed: turns }).source)
  return dir
}

async function main(): Promise<void> {
  if (process.argv[2] === 'drawing') {
    console.log(await drawingTimes())
    return
  }
  const sites: { name: string; turns: number | null }[] = [{ name: 'seed', turns: null }, ...[...SIZES, OVER_LIMIT].map((turns) => ({ name: `${turns}-turns`, turns }))]
  const rows: string[][] = []
  const byName = new Map<string, { plain: Measured; cards: Measured }>()
  for (const site of sites) {
    const dir = content(site.name, site.turns)
    const plain = await buildSite(site.name, dir, false)
    const cards = await buildSite(site.name, dir, true)
    byName.set(site.name, { plain, cards })
    rows.push([
      site.name,
      `${(plain.ms / 1000).toFixed(1)} s`,
      `${(cards.ms / 1000).toFixed(1)} s`,
      fmtSize(plain.total),
      fmtSize(cards.total),
      `${cards.sharePages} / ${fmtSize(cards.share)}`,
      `${cards.cardFiles} / ${fmtSize(cards.cards)}`,
    ])
    console.log(`built ${site.name}`)
  }
  console.log(`\n${table(['site', 'build, no cards', 'build, cards', 'dist, no cards', 'dist, cards', 'share pages', 'cards'], rows)}`)

  const growth: string[][] = []
  for (let i = 1; i < SIZES.length; i++) {
    const a = byName.get(`${SIZES[i - 1]}-turns`)!
    const b = byName.get(`${SIZES[i]}-turns`)!
    growth.push([
      `${SIZES[i - 1]} → ${SIZES[i]} turns`,
      fmtRatio((b.cards.ms - b.plain.ms) / (a.cards.ms - a.plain.ms)),
      fmtRatio(b.cards.share / a.cards.share),
      fmtRatio(b.cards.cards / a.cards.cards),
    ])
  }
  console.log(`\nGrowth per doubling of turns (linear ≈ 2×):\n${table(['', 'card drawing time', 'share pages bytes', 'card bytes'], growth)}`)
  console.log(`\nCard drawing alone, in this process (no build around it, empty cache):\n${await drawingTimes()}`)
}

/** Whole builds vary with the machine's load; drawing the cards alone shows their cost per card. */
async function drawingTimes(): Promise<string> {
  const rows: string[][] = []
  let previous: number | null = null
  for (const turns of SIZES) {
    const parsed = parseInterview(generateInterview({ turns, sections: Math.max(1, Math.round(turns / 40)), seed: turns }).source, { file: `generated-${turns}.md` })
    if (!parsed.ok) throw new Error(parsed.error.message)
    const { cards } = planCards(parsed.interview, 'x', 'bench.example')
    const dir = path.join(BENCH, `draw-${turns}`)
    rmSync(dir, { recursive: true, force: true })
    const start = performance.now()
    await writeCards(cards, path.join(dir, 'out'), path.join(dir, 'cache'))
    const ms = performance.now() - start
    rows.push([`${turns} turns`, String(cards.length), `${(ms / 1000).toFixed(1)} s`, `${(ms / cards.length).toFixed(0)} ms`, previous === null ? '' : fmtRatio(ms / previous)])
    previous = ms
  }
  return table(['', 'cards', 'drawing', 'per card', 'growth'], rows)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
