/**
 * A content folder holding one generated 5,000-turn interview (bench/generate.ts, as the browser
 * bench uses) goes through the real `vite build`: client, prerender and service worker. Sizes are
 * compared as ratios to the Markdown, never as times.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateInterview } from '../../bench/generate'
import { PRECACHE_LIMIT } from '../../src/node/large-files'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SLUG = 'long-transcript'
const TURNS = 5000
const source = generateInterview({ turns: TURNS, sections: 20, seed: 42 }).source.replace(/^---\n/, `---\nslug: ${SLUG}\n`)
const markdownBytes = Buffer.byteLength(source)

let dir = ''
let out = ''
const read = (file: string): string => readFileSync(path.join(out, file), 'utf8')
const size = (file: string): number => statSync(path.join(out, file)).size
const chunkOf = (slug: string): string => {
  const name = readdirSync(path.join(out, 'assets')).find((f) => f.startsWith(`${slug}-`) && f.endsWith('.js'))
  if (!name) throw new Error(`no data chunk for ${slug}`)
  return `assets/${name}`
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'parley-long-'))
  const content = path.join(dir, 'content')
  out = path.join(dir, 'dist')
  mkdirSync(content)
  writeFileSync(path.join(content, `${SLUG}.md`), source)
  const previous = process.env.PARLEY_CONTENT_DIR
  process.env.PARLEY_CONTENT_DIR = content
  try {
    // Not minified: the sizes compared below are the page and the data, which minifying leaves alone.
    await build({ root: ROOT, logLevel: 'silent', build: { outDir: out, emptyOutDir: true, minify: false } })
  } finally {
    if (previous === undefined) delete process.env.PARLEY_CONTENT_DIR
    else process.env.PARLEY_CONTENT_DIR = previous
  }
}, 300_000)
// Thousands of share pages to delete: seconds on a loaded machine.
afterAll(() => rmSync(dir, { recursive: true, force: true }), 60_000)

describe(`a ${TURNS}-turn interview in the content folder`, () => {
  it('builds, and its page is prerendered whole', () => {
    expect(markdownBytes).toBeGreaterThan(PRECACHE_LIMIT / 2)
    const html = read(`${SLUG}/index.html`)
    expect(html).toContain(`data-prerendered="/${SLUG}"`)
    expect(html.match(/<article id="turn-\d+"/g)).toHaveLength(TURNS)
    expect(html).toContain(`<article id="turn-${TURNS}"`)
  })

  it('what is over the precache limit is cached at runtime, the rest is precached', () => {
    const page = `${SLUG}/index.html`
    const chunk = chunkOf(SLUG)
    const sw = read('sw.js')
    const precached = [...sw.matchAll(/\burl"?:\s*"([^"]+)"/g)].map((m) => m[1])
    expect(precached).toContain('404.html')
    expect(precached).toContain('index.html')
    for (const file of [page, chunk]) {
      if (size(file) > PRECACHE_LIMIT) {
        expect(precached, file).not.toContain(file)
        expect(precached, file).not.toContain(file.replace(/\/index\.html$/, ''))
      } else {
        expect(precached, file).toContain(file.replace(/\/index\.html$/, ''))
      }
    }
    // The long page is the case this test is for: it is over the limit, so its routes must exist.
    expect(size(page)).toBeGreaterThan(PRECACHE_LIMIT)
    expect(sw).toMatch(new RegExp(`denylist:\\s*\\[[^\\]]*${SLUG}`))
    expect(sw).toMatch(new RegExp(`registerRoute\\(\\s*/[^\\n]*${SLUG}[^\\n]*/,\\s*new [\\w.]*NetworkFirst`))
  })

  it('its prerendered page is at most twice its Markdown: a few hundred bytes of markup around each turn', () => {
    const ratio = size(`${SLUG}/index.html`) / markdownBytes
    expect(ratio).toBeLessThanOrEqual(2)
  })

  it('its data chunk is at most twice its Markdown: the text is shipped once, in the HTML of each block', () => {
    const ratio = size(chunkOf(SLUG)) / markdownBytes
    expect(ratio).toBeLessThanOrEqual(2)
    // Still the whole conversation: the chunk is not smaller than the turns' HTML it must carry.
    expect(ratio).toBeGreaterThan(1)
  })
})
