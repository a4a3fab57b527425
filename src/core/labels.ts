/**
 * Speaker-label candidates at the start of a paragraph. This file only answers "does this paragraph
 * open with something shaped like `Name:`?"; whether that name is really a speaker is decided from
 * evidence across the whole article in `speakers.ts`.
 */

export type LabelForm =
  /** `Name: text`, `Name：text` */
  | 'plain'
  /** `**Name**: text`, `**Name:** text`, `**Name** : text` */
  | 'bold'
  /** `**Name: the whole question in bold**` (sometimes never closed) */
  | 'bold-wrapped'

export interface LabelMatch {
  /** The name as written, markup and surrounding spaces removed. */
  name: string
  form: LabelForm
  /** The paragraph's Markdown with the label removed (emphasis re-wrapped for `bold-wrapped`). */
  rest: string
}

const COLONS = ':：'
const MAX_NAME = 48

/** `Q. What…` / `**A.** Well…`: role letters also take a full stop instead of a colon. */
const ROLE_WITH_STOP = /^(\*\*|__)?\s*(Q|A|问|答|問)\s*(?:\1\s*[.．]|[.．]\s*\1?)[ \t]+/u

/** First characters that can open a `Q.` role label; most paragraphs skip that pattern. */
const ROLE_START = new Set(['*', '_', 'Q', 'A', '问', '答', '問'])

export function matchLabel(content: string): LabelMatch | null {
  const first = content[0] ?? ''
  const role = ROLE_START.has(first) ? ROLE_WITH_STOP.exec(content) : null
  if (role?.[2]) return { name: role[2], form: 'plain', rest: content.slice(role[0].length) }
  if (first !== '*' && first !== '_') return matchPlainLabel(content)
  return matchEmphasisedLabel(content, content[1] === first ? first + first : first)
}

function matchPlainLabel(content: string): LabelMatch | null {
  const colonAt = firstColon(content, 0)
  if (colonAt < 1 || colonAt > MAX_NAME) return null
  const name = content.slice(0, colonAt)
  if (content.startsWith('//', colonAt + 1)) return null // a URL, not a label
  if (!isNameShaped(name)) return null
  return { name: name.trim(), form: 'plain', rest: content.slice(colonAt + 1).trimStart() }
}

function matchEmphasisedLabel(content: string, delim: string): LabelMatch | null {
  const start = delim.length
  const limit = Math.min(content.length, start + MAX_NAME + 1)
  let end = start
  while (end < limit && !COLONS.includes(content[end] ?? '') && !content.startsWith(delim, end) && content[end] !== '\n') {
    end++
  }
  if (end >= limit || content[end] === '\n') return null
  const name = content.slice(start, end)
  if (!isNameShaped(name)) return null

  let pos = end
  if (content.startsWith(delim, pos)) {
    // `**Name** : text`: the colon comes after the closing delimiter.
    pos = skipSpaces(content, pos + delim.length)
    if (!COLONS.includes(content[pos] ?? '') || pos >= content.length) return null
    return { name: name.trim(), form: 'bold', rest: content.slice(pos + 1).trimStart() }
  }
  pos = skipSpaces(content, pos + 1) // past the colon
  if (content.startsWith(delim, pos)) {
    return { name: name.trim(), form: 'bold', rest: content.slice(pos + delim.length).trimStart() }
  }
  // `**Name: question**`: the emphasis wraps the whole paragraph; keep it on the remaining text.
  const body = content.slice(pos).trimEnd()
  const rest = body.endsWith(delim) ? `${delim}${body.slice(0, -delim.length).trimEnd()}${delim}` : body
  return { name: name.trim(), form: 'bold-wrapped', rest }
}

function firstColon(text: string, from: number): number {
  for (let i = from; i < text.length && i <= MAX_NAME; i++) {
    const ch = text[i]
    if (ch === '\n') return -1
    if (ch === ':' || ch === '：') return i
  }
  return -1
}

function skipSpaces(text: string, pos: number): number {
  while (text[pos] === ' ' || text[pos] === '\t') pos++
  return pos
}

const FORBIDDEN_IN_NAME = /[[\]{}<>*_`#|\\"“”=?!,;。？！，；、…]|https?|\/\/|^\/|\/$/u
const STARTS_LIKE_NAME = /^[\p{L}\p{N}]/u

/**
 * Shape of a name: short, starts with a letter or digit, no sentence punctuation or markup.
 * `Frederico (FSM)`, `DM & RL`, `Michael`, `黄` pass; `例如，我们` and `(Note` do not.
 */
export function isNameShaped(raw: string): boolean {
  const name = raw.trim()
  if (name.length === 0 || name.length > 40) return false
  if (raw !== raw.trimStart()) return false
  if (!STARTS_LIKE_NAME.test(name) || FORBIDDEN_IN_NAME.test(name)) return false
  if (!balancedParens(name)) return false
  const words = name.split(/\s+/)
  if (words.length > 5) return false
  // Unspaced scripts (CJK) pack a sentence into one "word": cap the length instead.
  if (words.length === 1 && name.length > 12 && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(name)) return false
  return true
}

function balancedParens(name: string): boolean {
  let depth = 0
  for (const ch of name) {
    if (ch === '(' || ch === '（') depth++
    else if (ch === ')' || ch === '）') depth--
    if (depth < 0) return false
  }
  return depth === 0
}

const keyCache = new Map<string, string>()

/** Key under which two spellings of one label count as the same label. */
export function labelKey(name: string): string {
  let key = keyCache.get(name)
  if (key === undefined) {
    key = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
    // Bounded: an adversarial article with a million labels must not grow memory without limit.
    if (keyCache.size > 10_000) keyCache.clear()
    keyCache.set(name, key)
  }
  return key
}
