import { CORE_SCHEMA, load, YAMLException } from 'js-yaml'
import { splitMetadataHeader, splitTomlFrontMatter } from './front-matter-formats'
import type { TomlReader } from './toml'
import type { ParseError } from './types'

export interface FrontMatterSplit {
  data: Record<string, unknown>
  /** The body with every front-matter line replaced by an empty line, so line numbers still match the file. */
  body: string
}

const FENCE = /^---[ \t]*$/

/**
 * Split YAML front matter from the body. Only a `---` on the very first line opens front matter;
 * a later `---` is a thematic break. The body keeps the original line count (front-matter lines are
 * blanked) so every line number the parser reports is a line number in the file.
 */
export function splitFrontMatter(source: string, file: string | null, readToml?: TomlReader): FrontMatterSplit | ParseError {
  // Exported pages sometimes start with a blank line before the fence; the lines stay counted.
  const blank = LEADING_BLANK_LINES.exec(source)?.[0] ?? ''
  if (blank && FENCE.test(source.slice(blank.length, lineEnd(source, blank.length)))) {
    const skipped = blank.split('\n').length - 1
    const split = splitFencedFrontMatter(source.slice(blank.length), file, readToml)
    if ('kind' in split) return { ...split, line: split.line === null ? null : split.line + skipped }
    return { data: split.data, body: '\n'.repeat(skipped) + split.body }
  }
  return splitFencedFrontMatter(source, file, readToml)
}

const LEADING_BLANK_LINES = /^(?:[ \t]*\n){1,3}/

function splitFencedFrontMatter(source: string, file: string | null, readToml: TomlReader | undefined): FrontMatterSplit | ParseError {
  // Lines are read one at a time up to the closing fence: the body can be megabytes long.
  const firstEnd = lineEnd(source, 0)
  if (!FENCE.test(source.slice(0, firstEnd))) return splitTomlFrontMatter(source, file, readToml) ?? splitMetadataHeader(source) ?? { data: {}, body: source }
  const yamlLines: string[] = []
  let close = -1
  let closeEnd = source.length
  for (let start = firstEnd + 1, i = 1; start <= source.length; i++) {
    const end = lineEnd(source, start)
    const line = source.slice(start, end)
    if (FENCE.test(line) || /^\.\.\.[ \t]*$/.test(line)) {
      close = i
      closeEnd = end
      break
    }
    yamlLines.push(line)
    start = end + 1
  }
  if (close === -1) {
    return { kind: 'parse-error', file, line: 1, message: 'front matter opened with "---" on line 1 is never closed' }
  }
  const yamlText = yamlLines.join('\n')
  let value: unknown
  try {
    // js-yaml: a seven-line front matter parses in ~20 µs, where the `yaml` package takes ~170 µs,
    // as long as markdown-it takes to render the whole seed article. CORE_SCHEMA keeps dates as text.
    value = load(yamlText, { schema: CORE_SCHEMA, json: true })
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error
    return {
      kind: 'parse-error',
      file,
      // The YAML starts on the file's second line and js-yaml counts from 0. An error found at the
      // end of the stream (an unclosed `[`) is reported on the last YAML line, not on the fence.
      line: Math.min((error.mark?.line ?? 0) + 2, close),
      message: `malformed YAML front matter: ${error.reason}`,
    }
  }
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
    return { kind: 'parse-error', file, line: 2, message: 'front matter must be a YAML mapping (key: value lines)' }
  }
  const data = jsonSafe(value ?? {}, { left: MAX_VALUES }) as Record<string, unknown> | undefined
  if (!data) return { kind: 'parse-error', file, line: 2, message: `front matter expands to more than ${MAX_VALUES.toLocaleString('en')} values (YAML aliases repeating a list or map?)` }
  const body = closeEnd < source.length ? '\n'.repeat(close + 1) + source.slice(closeEnd + 1) : '\n'.repeat(close)
  return { data, body }
}

/** Most values a front matter may expand to: each `*alias` repeats a whole subtree (a "billion laughs"). */
export const MAX_VALUES = 100_000

/**
 * A copy of YAML data that a JSON round trip gives back unchanged, as every stored or built model
 * must (IndexedDB copy, the build's JSON chunk, exports). CORE_SCHEMA already keeps dates as text;
 * `.nan`/`.inf` become that text and `-0` is `0`. Undefined when the data expands beyond the budget.
 */
export function jsonSafe(value: unknown, budget: { left: number }): unknown {
  if (--budget.left < 0) return undefined
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan'
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf'
    return value === 0 ? 0 : value
  }
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const out: unknown[] = []
    for (const item of value) {
      const copy = jsonSafe(item, budget)
      if (copy === undefined) return undefined
      out.push(copy)
    }
    return out
  }
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const copy = jsonSafe((value as Record<string, unknown>)[key], budget)
    if (copy === undefined) return undefined
    // An own `__proto__` key, as JSON.parse makes it: assigning it would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true })
    else out[key] = copy
  }
  return out
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end === -1 ? text.length : end
}

/** The 1-based line of a top-level front-matter key (`slug:`), or null: where a message about its value points. */
export function frontMatterKeyLine(source: string, key: string): number | null {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const keyLine = new RegExp(`^(["']?)${escaped}\\1[ \\t]*:`)
  // As parseInterview reads it: a BOM and CRLF line ends are fine.
  const lineAt = (from: number, to: number): string => source.slice(from, to).replace(/^\uFEFF|\r$/g, '')
  let start = lineEnd(source, 0) + 1
  if (!FENCE.test(lineAt(0, start - 1))) return null
  for (let i = 2; start <= source.length; i++) {
    const end = lineEnd(source, start)
    const line = lineAt(start, end)
    if (FENCE.test(line) || /^\.\.\.[ \t]*$/.test(line)) return null
    if (keyLine.test(line)) return i
    start = end + 1
  }
  return null
}
