/**
 * Checks on the production build in dist/ (`npm test` builds it first; a bare `vitest run` without
 * a dist/ skips these, except in CI). The size budgets themselves are in .size-limit.js.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMPILE_HINT } from '../../src/node/compile-hints-plugin'
import { enLocal } from '../../src/i18n/messages-local'

const DIST = path.resolve(process.env.PARLEY_SIZE_DIST ?? 'dist')
const built = existsSync(path.join(DIST, 'index.html'))
const read = (file: string): string => readFileSync(path.join(DIST, file), 'utf8')

/** Strings only markdown-it (and its linkify-it / mdurl) carry, surviving minification. */
const MARKDOWN_IT = ['markdown-it` preset', 'linkify', 'html_inline']

/** `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`, not `import("./x.js")`. */
function staticImports(code: string): string[] {
  const found = code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{},\s]+?\s*from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g)
  return [...found].map((m) => `assets/${m[1]}`)
}

function closure(start: string[]): Set<string> {
  const seen = new Set<string>()
  const todo = [...start]
  while (todo.length) {
    const file = todo.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    todo.push(...staticImports(read(file)))
  }
  return seen
}

describe.skipIf(!built && !process.env.CI)('the production build (dist/)', () => {
  // The shell's tags; prerendered pages load the same set after their first paint (see paint-first.test.ts).
  const html = built ? read('404.html') : ''
  const assetOf = (url: string): string => url.slice(url.indexOf('assets/'))
  const entries = [...html.matchAll(/<script[^>]*\stype="module"[^>]*\ssrc="([^"]+)"/g)].map((m) => assetOf(m[1]!))
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((m) => assetOf(m[1]!))
  const initial = built ? closure(entries) : new Set<string>()
  const chunks = built ? readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`) : []

  it('has one entry script, and the shell preloads everything it imports statically (the budgeted set)', () => {
    expect(entries).toHaveLength(1)
    expect(new Set([...entries, ...preloads])).toEqual(initial)
  })

  it('keeps markdown-it out of the entry chunk and its static imports', () => {
    for (const file of initial) {
      const code = read(file)
      for (const marker of MARKDOWN_IT) expect(code.includes(marker), `${file} contains “${marker}”`).toBe(false)
    }
  })

  it('keeps other UI languages and the strings of the features for opened files out of the initial set', () => {
    // One string from each: the Chinese dictionary (loaded for a Chinese reader) and messages-local.ts.
    for (const marker of ['在本访谈中搜索', enLocal.openHint]) {
      const holders = [...initial].filter((file) => read(file).includes(marker))
      expect(holders, marker).toEqual([])
      expect(chunks.some((file) => read(file).includes(marker)), marker).toBe(true)
    }
  })

  it('has markdown-it in a lazy chunk (the parser for opened files) and the worker', () => {
    const lazy = chunks.filter((f) => !initial.has(f) && MARKDOWN_IT.every((m) => read(f).includes(m)))
    expect(lazy.some((f) => /\/parse-[\w-]+\.js$/.test(f))).toBe(true)
    expect(lazy.some((f) => /\/parse\.worker-[\w-]+\.js$/.test(f))).toBe(true)
    // The app reaches the parser only through a dynamic import().
    expect(chunks.some((f) => /import\(\s*["'`]\.\/parse-[\w-]+\.js["'`]\s*\)/.test(read(f)))).toBe(true)
  })

  it('keeps the Markdown export (its HTML-to-Markdown converter) out of the initial JavaScript, behind a dynamic import()', () => {
    // Strings only the converter carries (it writes callouts back as `{{% name %}}…{{% /name %}}`), surviving minification.
    const isExporter = (f: string): boolean => read(f).includes('{{% /') && read(f).includes('footnote-backref')
    for (const file of initial) expect(isExporter(file), `${file} holds the exporter`).toBe(false)
    const lazy = chunks.filter((f) => !initial.has(f) && isExporter(f))
    expect(lazy).toHaveLength(1)
    const name = lazy[0]!.slice('assets/'.length)
    expect(chunks.some((f) => read(f).includes(`import("./${name}")`) || new RegExp(`import\\(\\s*["'\`]\\./${name.replace(/[.]/g, '\\.')}`).test(read(f)))).toBe(true)
  })

  it('marks what runs on load for eager compilation (V8 compile hint on its first line): the initial JavaScript and the page parts, not the code loaded for a feature', () => {
    const hinted = (file: string): boolean => read(file).split('\n', 1)[0] === COMPILE_HINT
    for (const file of initial) expect(hinted(file), file).toBe(true)
    for (const part of ['ReaderSidebar', 'ConversationSection', 'ReaderTools']) {
      expect(chunks.filter((f) => f.startsWith(`assets/${part}-`)).every(hinted), part).toBe(true)
    }
    const features = chunks.filter((f) => /\/(parse|parse\.worker|speakers-block|toml)-[\w-]+\.js$/.test(f))
    expect(features.length).toBeGreaterThan(3)
    for (const file of features) expect(hinted(file), file).toBe(false)
  })

  it('ships a service worker that precaches the entry, the seed interview and the shell', () => {
    const sw = read('sw.js')
    for (const file of [...initial, 'index.html', '404.html']) expect(sw).toContain(`"${file}"`)
    expect(chunks.filter((f) => /sig-cloud-provider-spotlight-2024-/.test(f)).every((f) => sw.includes(`"${f}"`))).toBe(true)
    expect(sw).toContain('createHandlerBoundToURL("404.html")')
  })
})
