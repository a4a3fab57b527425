/**
 * Layering (issue 14's architecture items): `src/node/` is build-time code (Vite plugins, the
 * prerender, cards) and may use Node's APIs; nothing the browser loads may import from it. The
 * server entry runs only in Node, so it may.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve('src')
const NODE = path.join(SRC, 'node')
const SERVER_ONLY = [NODE, path.join(SRC, 'entry-server.ts')]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(file)
    return /\.(ts|vue)$/.test(entry.name) ? [file] : []
  })
}

/** Every module a file names: static imports, re-exports, dynamic `import()` and type imports. */
function importedSpecifiers(code: string): string[] {
  const found = code.matchAll(/(?:\bimport|\bexport)\s*(?:type\s+)?(?:[\w$*{},\s]+?\s*from\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)
  return [...found].map((m) => m[1] ?? m[2]!)
}

/** The relative imports of `file` that land in src/node/. */
function nodeImports(file: string, code: string): string[] {
  return importedSpecifiers(code).filter((spec) => spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(NODE + path.sep))
}

describe('layers', () => {
  it('reads every form of import, so the scan below can fail', () => {
    const file = path.join(SRC, 'components', 'X.vue')
    const code = [
      "import { a } from '../node/a'",
      "import type { B } from '../node/b'",
      "export { c } from '../node/c'",
      "const d = () => import('../node/d')",
      "import '../node/e'",
      "import { f } from '../core/f'",
    ].join('\n')
    expect(nodeImports(file, code)).toEqual(['../node/a', '../node/b', '../node/c', '../node/d', '../node/e'])
  })

  it('nothing outside src/node and the server entry imports from src/node', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !SERVER_ONLY.some((only) => file === only || file.startsWith(only + path.sep)))
      .flatMap((file) => nodeImports(file, readFileSync(file, 'utf8')).map((spec) => `${path.relative(SRC, file)} → ${spec}`))
    expect(offenders).toEqual([])
  })
})
