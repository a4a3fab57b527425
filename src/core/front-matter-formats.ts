/**
 * Front matter written in other formats than YAML: TOML between `+++` fences (Hugo) and a header of
 * `Key: value` lines (Pelican, MultiMarkdown). Both become the same plain-JSON data as YAML does.
 */
import { jsonSafe, MAX_VALUES, type FrontMatterSplit } from './front-matter'
import type { TomlReader } from './toml'
import type { ParseError } from './types'

const TOML_FENCE = /^\+\+\+[ \t]*$/

/** Split `+++` TOML front matter; null when the source does not open with `+++`. */
export function splitTomlFrontMatter(source: string, file: string | null, readToml: TomlReader | undefined): FrontMatterSplit | ParseError | null {
  const lines = source.split('\n', 2)
  if (!TOML_FENCE.test(lines[0] ?? '')) return null
  const all = source.split('\n')
  const close = all.findIndex((line, i) => i > 0 && TOML_FENCE.test(line))
  if (close === -1) return { kind: 'parse-error', file, line: 1, message: 'TOML front matter opened with "+++" on line 1 is never closed' }
  if (!readToml) return { kind: 'parse-error', file, line: 1, message: 'TOML front matter ("+++") needs the TOML reader (parseInterview option readToml)' }
  const read = readToml(all.slice(1, close).join('\n'))
  if (!read.ok) return { kind: 'parse-error', file, line: Math.min(read.line + 1, close), message: `malformed TOML front matter: ${read.message}` }
  const value = read.value
  const data = jsonSafe(datesAsText(value), { left: MAX_VALUES }) as Record<string, unknown> | undefined
  if (!data) return { kind: 'parse-error', file, line: 2, message: `front matter expands to more than ${MAX_VALUES.toLocaleString('en')} values` }
  return { data, body: '\n'.repeat(close + 1) + all.slice(close + 1).join('\n') }
}

/** TOML dates are objects; the model keeps dates as text, as YAML's core schema does (`2023-05-01`). */
function datesAsText(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString()
  if (Array.isArray(value)) return value.map(datesAsText)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesAsText(v)]))
  return value
}

const HEADER_LINE = /^([A-Za-z][\w -]{0,30}):[ \t]*(.*)$/
/** Keys a metadata header uses; one of them must be there, so `Note: …` prose is never taken for one. */
const HEADER_KEYS = new Set(['title', 'date', 'author', 'authors', 'tags', 'category', 'slug', 'summary', 'lang', 'modified', 'status', 'keywords', 'description', 'translator', 'template'])
/** Header keys whose value is a comma-separated list. */
const LIST_KEYS = new Set(['tags', 'keywords', 'authors'])

/**
 * A Pelican / MultiMarkdown header: `Key: value` lines from the first line to the first blank line,
 * at least two of them, with a title or another known key. Null when the file does not open so.
 */
export function splitMetadataHeader(source: string): FrontMatterSplit | null {
  const lines: string[] = []
  for (let start = 0; start < source.length; ) {
    const end = source.indexOf('\n', start)
    const line = source.slice(start, end === -1 ? source.length : end)
    if (line.trim() === '') break
    lines.push(line)
    if (lines.length > 40 || end === -1) break
    start = end + 1
  }
  if (lines.length < 2) return null
  const data: Record<string, unknown> = {}
  let known = 0
  for (const line of lines) {
    const match = HEADER_LINE.exec(line)
    if (!match) return null
    const key = (match[1] ?? '').trim().toLowerCase()
    const value = (match[2] ?? '').trim()
    if (HEADER_KEYS.has(key)) known++
    data[key] = LIST_KEYS.has(key) ? value.split(',').map((v) => v.trim()).filter(Boolean) : value
  }
  if (known === 0 || !('title' in data || known >= 2)) return null
  const body = '\n'.repeat(lines.length) + source.slice(lines.reduce((n, line) => n + line.length + 1, 0))
  return { data, body }
}
