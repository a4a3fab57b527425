/**
 * Speaker-label candidates at the start of a paragraph. This file only answers "does this paragraph
 * open with something shaped like `Name:`?"; whether that name is really a speaker is decided from
 * evidence across the whole article in `speakers.ts`.
 */

import { isHtmlTag } from './sanitise'

export type LabelForm =
  /** `Name: text`, `Name：text` */
  | 'plain'
  /** `**Name**: text`, `**Name:** text`, `**Name** : text` */
  | 'bold'
  /** `**Name: the whole question in bold**` (sometimes never closed) */
  | 'bold-wrapped'
  /**
   * `**Name** text` or `**Name**` alone on its line: no colon. Bold openings are common in prose, so
   * this form counts only where several names recur in it (decided in `parse.ts`).
   */
  | 'bare'

export interface LabelMatch {
  /** The name as written, markup, timestamp and surrounding spaces removed. */
  name: string
  form: LabelForm
  /** The paragraph's Markdown with the label removed (emphasis re-wrapped for `bold-wrapped`). */
  rest: string
  /** A timestamp written before or after the name (`[00:12:03] Ann:`, `**Ann** [00:31]:`). */
  time: string | null
  /** The name is a photo's alt text (`![Marta](marta.webp)` alone before the answer). */
  avatar?: boolean
}

const COLONS = ':：'
const MAX_NAME = 48

/** `Q. What…` / `**A.** Well…`: role letters also take a full stop instead of a colon. */
const ROLE_WITH_STOP = /^(\*\*|__)?\s*(Q|A|问|答|問)\s*(?:\1\s*[.．]|[.．]\s*\1?)[ \t]+/u

/** First characters that can open a `Q.` role label; most paragraphs skip that pattern. */
const ROLE_START = new Set(['*', '_', 'Q', 'A', '问', '答', '問'])

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`
/** `[00:12:03]`, `\[00:31\]` (escaped in Markdown), `(1:02:03)` before a label. */
const LEADING_TIME = new RegExp(String.raw`^(?:\\?[[(]\s*(${TIME})\s*\\?[\])][ \t]*|(${TIME})[ \t]+)`, 'u')
/** The time a transcript writes right after the label's colon (`**Ann:** \[00:01:25\] Well…`). */
const TIME_AFTER_COLON = new RegExp(String.raw`^\\?[[(]\s*(${TIME})\s*\\?[\])][ \t]*`, 'u')
/** `Ann [00:31]` / `**Ann** (00:31)`: the time between the name and its colon. */
const TRAILING_TIME = new RegExp(String.raw`\s*\\?[[(]\s*(${TIME})\s*\\?[\])]\s*$`, 'u')

export function matchLabel(content: string): LabelMatch | null {
  const first = content[0] ?? ''
  const lead = first === '[' || first === '(' || first === '\\' || (first >= '0' && first <= '9') ? LEADING_TIME.exec(content) : null
  const label = matchUntimedLabel(lead ? content.slice(lead[0].length) : content)
  if (!label) return null
  if (lead) label.time = lead[1] ?? lead[2] ?? null
  else if (label.form !== 'bare') {
    const after = label.rest.startsWith('[') || label.rest.startsWith('\\') || label.rest.startsWith('(') ? TIME_AFTER_COLON.exec(label.rest) : null
    if (after) {
      label.time ??= after[1] ?? null
      label.rest = label.rest.slice(after[0].length)
    }
  }
  return label
}

function matchUntimedLabel(content: string): LabelMatch | null {
  const first = content[0] ?? ''
  const role = ROLE_START.has(first) ? ROLE_WITH_STOP.exec(content) : null
  if (role?.[2]) return { name: role[2], form: 'plain', rest: content.slice(role[0].length), time: null }
  const initials = INITIALS_WITH_PAREN.exec(content)
  if (initials?.[2]) return initialsLabel(content, initials)
  if (first === '<') return matchTagLabel(content)
  if (first !== '*' && first !== '_') return matchPlainLabel(content) ?? matchNameAlone(content)
  return matchEmphasisedLabel(content, emphasisRun(content))
}

/** `<interviewer> How did you…?</interviewer>`: annotated transcripts wrap each utterance in its speaker's tag. */
const TAG_WRAPPED = /^<([\p{L}][\p{L}\p{N}_-]{0,30})>([\s\S]*)<\/\1>\s*$/u

function matchTagLabel(content: string): LabelMatch | null {
  const tag = TAG_WRAPPED.exec(content)
  if (!tag?.[1] || isHtmlTag(tag[1].toLowerCase())) return null
  return { name: tag[1], form: 'plain', rest: (tag[2] ?? '').trim(), time: null }
}

/** `RS) Tell us…` / `__RS) Tell us…__`: initials closed by a parenthesis instead of a colon. */
const INITIALS_WITH_PAREN = /^(\*\*|__)?(\p{Lu}{2,3})\)[ \t]+/u

function initialsLabel(content: string, match: RegExpExecArray): LabelMatch {
  const open = match[1] ?? ''
  const body = content.slice(match[0].length).trimEnd()
  // The emphasis wraps the whole question (`__RS) Tell us…__`): kept on the text, as for `**Name: …**`.
  const wrapped = open !== '' && body.endsWith(open)
  const rest = wrapped ? `${open}${body.slice(0, -open.length).trimEnd()}${open}` : body
  return { name: match[2] as string, form: wrapped ? 'bold-wrapped' : 'plain', rest, time: null }
}

/** The run of emphasis marks that opens the paragraph: `*`, `**`, `_**` (at most three). */
function emphasisRun(content: string): string {
  let end = 0
  while (end < 3 && (content[end] === '*' || content[end] === '_')) end++
  return content.slice(0, end)
}

/** Name and time of `Ann [00:31]`; null when what is left is not shaped like a name. */
function nameAndTime(raw: string): { name: string; time: string | null } | null {
  const trailing = raw.includes('[') || raw.includes('(') ? TRAILING_TIME.exec(raw) : null
  const timed = trailing ? raw.slice(0, trailing.index) : raw
  // `**Ana Lima —** text`: a dash separates the name from what they say, as a colon would.
  const name = timed.endsWith('—') || timed.endsWith('–') || timed.endsWith(' -') ? timed.replace(TRAILING_DASH, '') : timed
  return isNameShaped(name) ? { name: name.trim(), time: trailing?.[1] ?? null } : null
}

/**
 * Every label is built here with its fields in one order: an object spread (`{ ...named, form }`)
 * gave each label a slow dictionary-mode shape, and reading labels is most of the parser's work.
 */
function labelOf(named: { name: string; time: string | null }, form: LabelForm, rest: string): LabelMatch {
  return { name: named.name, form, rest, time: named.time }
}

function matchPlainLabel(content: string): LabelMatch | null {
  const colonAt = firstColon(content, 0)
  if (colonAt < 1 || colonAt > MAX_NAME) return null
  if (content.startsWith('//', colonAt + 1)) return null // a URL, not a label
  const named = nameAndTime(content.slice(0, colonAt))
  if (!named) return null
  return labelOf(named, 'plain', content.slice(colonAt + 1).trimStart())
}

/**
 * `JANE DOE` or `Omar Ali` alone in its paragraph, the utterance in the next (transcripts set as a
 * script). A colon-less label like `**Name**`: kept only where several names recur that way.
 */
function matchNameAlone(content: string): LabelMatch | null {
  if (content.length > MAX_NAME || !NAME_ALONE.test(content)) return null
  return { name: content.trim(), form: 'bare', rest: '', time: null }
}

/** Two to four capitalised words (or one in capitals), nothing else: a name, not a sentence. */
const NAME_ALONE = /^(?:\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,3}|\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,}){0,3})[ \t]*$/u

function matchEmphasisedLabel(content: string, open: string): LabelMatch | null {
  const close = [...open].reverse().join('')
  // `**00:13:25 Aurelius**`, `**[00:01:02] Ann:**`: transcript exports put the time inside the emphasis.
  const lead = LEADING_TIME.exec(content.slice(open.length, open.length + 24))
  const start = open.length + (lead?.[0].length ?? 0)
  const limit = Math.min(content.length, start + MAX_NAME + 1)
  let end = start
  let depth = 0
  for (; end < limit; end++) {
    const ch = content[end] ?? ''
    if (ch === '\n') return null
    if (ch === '(' || ch === '（') depth++
    else if ((ch === ')' || ch === '）') && depth > 0) depth--
    else if (depth === 0 && (COLONS.includes(ch) || content.startsWith(close, end) || content.startsWith(open, end))) break
  }
  if (end >= limit || content.startsWith('::', end)) return null // `**boost::thread …**` is code, not a label
  const closesHere = content.startsWith(close, end) || content.startsWith(open, end)
  const named = nameAndTime(content.slice(start, end))
  if (!named) return null
  if (lead) named.time = lead[1] ?? lead[2] ?? null

  let pos = end
  if (closesHere) {
    // `**Name** : text` / `**Name** [00:31]: text`: the colon comes after the closing delimiter.
    pos = skipSpaces(content, pos + close.length)
    const after = TRAILING_TIME_AHEAD.exec(content.slice(pos, pos + 24))
    if (after) {
      named.time ??= after[1] ?? null
      pos += after[0].length
    }
    // `**Ana Lima** – text`: a dash after the name stands for the colon (French and Spanish press style).
    const dash = DASH_AFTER_NAME.exec(content.slice(pos, pos + 4))
    if (dash) return labelOf(named, 'bold', content.slice(pos + dash[0].length))
    if (!COLONS.includes(content[pos] ?? '') || pos >= content.length) {
      const next = content[pos] ?? ''
      // `**Name** text` / `**Name**` alone: a colon-less label, when what follows is not more emphasis or punctuation.
      const bare = pos === content.length || next === '\n' || content[end + close.length] === '\n' || (/\s/.test(content[end + close.length] ?? '') && /[\p{L}\p{N}"“'‘([>]/u.test(next))
      return bare && open === '**' ? labelOf(named, 'bare', content.slice(pos).trimStart()) : null
    }
    return labelOf(named, 'bold', content.slice(pos + 1).trimStart())
  }
  pos = skipSpaces(content, pos + 1) // past the colon
  if (content.startsWith(close, pos)) {
    return labelOf(named, 'bold', content.slice(pos + close.length).trimStart())
  }
  // `**Name: question**`: the emphasis wraps the whole paragraph; keep it on the remaining text.
  const body = content.slice(pos).trimEnd()
  const rest = body.endsWith(close) ? `${open}${body.slice(0, -close.length).trimEnd()}${close}` : body
  return labelOf(named, 'bold-wrapped', rest)
}

const DASH_AFTER_NAME = /^(?:[—–]|--?)[ \t]+/u
const TRAILING_DASH = /\s*(?:[—–]+|\s-+)$/u
const TRAILING_TIME_AHEAD = new RegExp(String.raw`^\\?[[(]\s*(${TIME})\s*\\?[\])][ \t]*`, 'u')

/** The colon that ends a label; a colon inside brackets belongs to a note (`李雷（译者注：…）：`). */
function firstColon(text: string, from: number): number {
  // Character codes, not one-character strings: this runs on every line of every paragraph.
  let depth = 0
  const end = Math.min(text.length, MAX_NAME + 1)
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code === NEWLINE) return -1
    if (code === OPEN_PAREN || code === OPEN_PAREN_WIDE) depth++
    else if ((code === CLOSE_PAREN || code === CLOSE_PAREN_WIDE) && depth > 0) depth--
    else if (depth === 0 && (code === COLON || code === COLON_WIDE)) return text.charCodeAt(i + 1) === COLON ? -1 : i // `boost::thread` is code
  }
  return -1
}

const [NEWLINE, COLON, COLON_WIDE, OPEN_PAREN, OPEN_PAREN_WIDE, CLOSE_PAREN, CLOSE_PAREN_WIDE] = [...'\n:：(（)）'].map((c) => c.charCodeAt(0))

function skipSpaces(text: string, pos: number): number {
  while (text[pos] === ' ' || text[pos] === '\t') pos++
  return pos
}

/** Quotes may hold a nickname (`Jo "JJ" Doe`), so they are allowed inside a name, not at its start. */
const FORBIDDEN_IN_NAME = /[[\]{}<>*_`#|\\=?!,;。？！，；、…]|https?|\/\/|^\/|\/$/u
/** A publication speaks under its title in book-title marks: `《明鏡》：` (Der Spiegel). */
const STARTS_LIKE_NAME = /^(?:[\p{L}\p{N}]|[《〈][\p{L}\p{N}][^《〈》〉]*[》〉])/u

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
