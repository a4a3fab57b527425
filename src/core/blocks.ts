import type { Token } from 'markdown-it'
import { labelKey, matchLabel, type LabelMatch } from './labels'
import type { LineRange } from './types'

/**
 * Top-level units of an article body, in document order. Turns and narration are built from these.
 * `tokens` is the unit's own slice of the markdown-it stream, ready to render.
 */
export type Unit =
  | { type: 'heading'; level: number; title: string; anchor: string | null; inline: Token; tokens: Token[]; lines: LineRange }
  | { type: 'paragraph'; inline: Token; tokens: Token[]; lines: LineRange }
  | { type: 'break'; tokens: Token[]; lines: LineRange }
  | { type: 'other'; tokens: Token[]; lines: LineRange; parts?: Unit[] }

const EXPLICIT_ANCHOR = /\s*\{#([^}\s]+)\}\s*$/

/** Group a flat token stream into top-level units, opening lists whose items are bold questions. */
export function collectUnits(tokens: Token[]): Unit[] {
  const units: Unit[] = []
  const splitLeads = countQuestionLeads(tokens) >= MIN_QUESTION_LEADS
  const ranges = childRanges(tokens, 0, tokens.length)
  const openAvatarQuotes = avatarQuoteNames(tokens, ranges).size >= MIN_AVATAR_SPEAKERS
  const push = (unitTokens: Token[]): void => {
    const split = splitLeads ? splitQuestionLead(unitTokens) : null
    if (split) for (const part of split) units.push(toUnit(part))
    else units.push(toUnit(unitTokens))
  }
  for (const [start, end] of ranges) {
    const first = tokens[start]
    if (!first) continue
    if (isQuestionList(tokens, start, end)) {
      for (const [itemStart, itemEnd] of childRanges(tokens, start + 1, end - 1)) {
        for (const [childStart, childEnd] of childRanges(tokens, itemStart + 1, itemEnd - 1)) {
          push(revealParagraphs(tokens.slice(childStart, childEnd)))
        }
      }
      continue
    }
    if (first.type === 'blockquote_open' && ((openAvatarQuotes && avatarOfQuote(tokens, start)) || isQuotedDialogue(tokens, start, end))) {
      for (const [childStart, childEnd] of childRanges(tokens, start + 1, end - 1)) push(tokens.slice(childStart, childEnd))
      continue
    }
    const unitTokens = tokens.slice(start, end)
    if (first.type === 'dl_open') units.push(definitionListUnit(unitTokens))
    else push(unitTokens)
  }
  // Footnotes are rendered at the end from definitions markdown-it already consumed: no line map.
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Unit
    if (Number.isFinite(unit.lines.start)) continue
    const before = units[i - 1]?.lines.end ?? 1
    unit.lines = { start: before, end: before }
  }
  return units
}

/**
 * `**Question?**<br>` then the answer on the next line of the same paragraph (podcast transcripts).
 * One such paragraph may be a styled first line; it takes two before any paragraph is split.
 */
const MIN_QUESTION_LEADS = 2

function countQuestionLeads(tokens: Token[]): number {
  let count = 0
  for (const token of tokens) {
    if (token.type !== 'inline' || !token.children) continue
    const lead = questionLeadEnd(token.children)
    if (lead !== -1 && endsWithQuestion(inlineSource(token.children.slice(0, lead)))) count++
  }
  return count
}

/** A line break in the paragraph: `<br>` (as text or HTML) or a Markdown hard break. */
function isLineBreak(token: Token | undefined): boolean {
  if (!token) return false
  if (token.type === 'hardbreak') return true
  return (token.type === 'text' || token.type === 'html_inline') && /^\s*<br\s*\/?>\s*$/i.test(token.content)
}

/**
 * Index just past a wholly emphasised run that opens the inline children and is followed by a line
 * break and more text; -1 when the paragraph does not open that way.
 */
function emphasisedLeadEnd(children: Token[]): number {
  // Emphasis leaves an empty text token where its delimiters were.
  let i = 0
  while (children[i]?.type === 'text' && children[i]?.content === '') i++
  const open = children[i]
  if (open?.type !== 'strong_open' && open?.type !== 'em_open') return -1
  let depth = 0
  for (; i < children.length; i++) {
    const child = children[i] as Token
    if (child.type === open.type) depth++
    else if (child.type === open.type.replace('_open', '_close')) depth--
    if (depth === 0) break
  }
  let next = i + 1
  while (isBlank(children[next])) next++
  if (!isLineBreak(children[next])) return -1
  return skipBreaks(children, next) < children.length ? i + 1 : -1
}

const isBlank = (token: Token | undefined): boolean => token?.type === 'text' && token.content.trim() === ''

/** Index of the first child from `from` on that is not a line break or blank: where the next line's text starts. */
function skipBreaks(children: Token[], from: number): number {
  let next = from
  while (isLineBreak(children[next]) || children[next]?.type === 'softbreak' || isBlank(children[next])) next++
  return next
}

/** An emphasised lead, else a plain first line that asks (`How did you start?␠␠` + answer on the next line). */
function questionLeadEnd(children: Token[]): number {
  const emphasised = emphasisedLeadEnd(children)
  return emphasised !== -1 ? emphasised : plainQuestionLeadEnd(children)
}

/** Word-processor pastes: the question's line, a hard break, the answer in the same paragraph. */
function plainQuestionLeadEnd(children: Token[]): number {
  const lineEnd = children.findIndex((child) => isLineBreak(child) || child.type === 'softbreak')
  if (lineEnd < 1 || !isLineBreak(children[lineEnd]) || !endsWithQuestion(inlineSource(children.slice(0, lineEnd)))) return -1
  return skipBreaks(children, lineEnd) < children.length ? lineEnd : -1
}

function inlineSource(children: Token[]): string {
  let out = ''
  for (const child of children) if (child.type === 'text') out += child.content
  return out
}

/**
 * Split `<p>**Q?**<br>A</p>` (or a plain `Q?` line and its hard break) into a question paragraph and
 * an answer paragraph. A plain question keeps a mark (`meta.questionLead`) its shape is read from.
 */
function splitQuestionLead(unitTokens: Token[]): Token[][] | null {
  const [open, inline, close] = unitTokens
  if (unitTokens.length !== 3 || open?.type !== 'paragraph_open' || !inline?.children || !close) return null
  const lead = questionLeadEnd(inline.children)
  if (lead === -1) return null
  const restStart = skipBreaks(inline.children, lead)
  const [from, to] = inline.map ?? open.map ?? [0, 1]
  const part = (children: Token[], map: [number, number]): Token[] => {
    const partInline = copyToken(inline, map)
    partInline.children = children
    partInline.content = inlineSource(children)
    return [copyToken(open, map), partInline, copyToken(close, map)]
  }
  const question = part(inline.children.slice(0, lead), [from, from + 1])
  ;(question[1] as Token).meta = { questionLead: true }
  return [question, part(inline.children.slice(restStart), [Math.min(from + 1, to - 1), to])]
}

function copyToken(token: Token, map: [number, number]): Token {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token)
  copy.map = map
  return copy
}

/**
 * A definition list stays one unit; `parts` are its terms and definitions as units of their own,
 * which the parser uses instead when the terms are speakers (`Name` / `:   utterance`) or questions.
 */
function definitionListUnit(unitTokens: Token[]): Unit {
  const parts: Unit[] = []
  for (const [start, end] of childRanges(unitTokens, 1, unitTokens.length - 1)) {
    const first = unitTokens[start] as Token
    if (first.type === 'dt_open') {
      const inline = unitTokens[start + 1] as Token
      const map = (first.map ?? inline.map ?? [0, 1]) as [number, number]
      const paragraphOpen = copyToken(first, map)
      paragraphOpen.type = 'paragraph_open'
      paragraphOpen.tag = 'p'
      paragraphOpen.meta = { term: true }
      const paragraphClose = copyToken(unitTokens[end - 1] as Token, map)
      paragraphClose.type = 'paragraph_close'
      paragraphClose.tag = 'p'
      parts.push(toUnit([paragraphOpen, inline, paragraphClose]))
      continue
    }
    // Tight definitions hide their `<p>`; the parser reveals them only if it reads the list as turns.
    for (const [childStart, childEnd] of childRanges(unitTokens, start + 1, end - 1)) parts.push(toUnit(unitTokens.slice(childStart, childEnd)))
  }
  return { type: 'other', tokens: unitTokens, lines: lineRange(unitTokens), parts }
}

function toUnit(tokens: Token[]): Unit {
  const first = tokens[0] as Token
  const lines = lineRange(tokens)
  if (first.type === 'heading_open') {
    const inline = tokens[1] as Token
    const anchor = EXPLICIT_ANCHOR.exec(inline.content)?.[1] ?? null
    if (anchor) stripAnchor(inline)
    return { type: 'heading', level: Number(first.tag.slice(1)), title: inline.content.trim(), anchor, inline, tokens, lines }
  }
  if (first.type === 'paragraph_open') return { type: 'paragraph', inline: tokens[1] as Token, tokens, lines }
  // `> **Q:** How did you start?`: a quoted paragraph that opens with a label is read as that paragraph
  // (its tokens keep the quote, so narration still shows it quoted).
  if (first.type === 'blockquote_open' && isQuotedLabel(tokens)) return { type: 'paragraph', inline: tokens[2] as Token, tokens, lines }
  if (first.type === 'hr') return { type: 'break', tokens, lines }
  return { type: 'other', tokens, lines }
}

function isQuotedLabel(tokens: Token[]): boolean {
  if (tokens.length !== 5 || tokens[1]?.type !== 'paragraph_open' || tokens[2]?.type !== 'inline') return false
  // Quoted prose opens with `Word word word:` too ("> Arriviamo al fast forward: …"): a quoted label is
  // emphasised (`**Q:**`) or one word (`Q:`, `Ann:`).
  const label = paragraphLabel(tokens[2] as Token)
  return label !== null && (label.form === 'bold' || label.form === 'bold-wrapped' || (label.form === 'plain' && !/\s/.test(label.name)))
}

/**
 * A blog post quoting a published interview: a blockquote whose paragraphs open with two or more
 * different labels, among three or more blocks, holds a conversation and opens into its blocks.
 */
function isQuotedDialogue(tokens: Token[], start: number, end: number): boolean {
  const children = childRanges(tokens, start + 1, end - 1)
  if (children.length < MIN_QUOTED_DIALOGUE_BLOCKS) return false
  const names = new Set<string>()
  for (const [childStart] of children) {
    const inline = tokens[childStart + 1]
    const label = tokens[childStart]?.type === 'paragraph_open' && inline?.type === 'inline' ? paragraphLabel(inline) : null
    if (label && label.form !== 'bare') names.add(labelKey(label.name))
  }
  return names.size >= 2
}

const MIN_QUOTED_DIALOGUE_BLOCKS = 3

/**
 * `> ![Marta](marta.webp)` then `> Her answer…`: a magazine panel puts each respondent's photo at the top
 * of their quoted answer. Those quotes open into their paragraphs (the photo reads as a name alone on
 * its line) only where two or more people answer that way; one quoted photo is an illustration.
 */
const MIN_AVATAR_SPEAKERS = 2

function avatarQuoteNames(tokens: Token[], ranges: Array<[number, number]>): Set<string> {
  const names = new Set<string>()
  for (const [start] of ranges) {
    const avatar = tokens[start]?.type === 'blockquote_open' ? avatarOfQuote(tokens, start) : null
    if (avatar) names.add(labelKey(avatar.name))
  }
  return names
}

/** The photo label opening a quote that goes on after it. */
function avatarOfQuote(tokens: Token[], start: number): LabelMatch | null {
  const inline = tokens[start + 2]
  if (tokens[start + 1]?.type !== 'paragraph_open' || inline?.type !== 'inline' || tokens[start + 4]?.type === 'blockquote_close') return null
  const label = paragraphLabel(inline)
  return label?.form === 'bare' && label.avatar ? label : null
}

const labels = new WeakMap<Token, LabelMatch | null>()

/** The label opening a paragraph, found once: how units are cut here and `annotate` read the same match. */
export function paragraphLabel(inline: Token): LabelMatch | null {
  let label = labels.get(inline)
  if (label === undefined) {
    label = matchLabel(inline.content) ?? avatarLabel(inline)
    labels.set(inline, label)
  }
  return label
}

/** A capitalised name of one to four words, or a name in Han script: what a photo's alt text names. */
const AVATAR_NAME = /^(?:\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3}|[\p{Script=Han}·・]{2,8})$/u

/** A paragraph that is only a photo whose alt text is a name: the speaker of what follows, like a name alone. */
function avatarLabel(inline: Token): LabelMatch | null {
  let image: Token | null = null
  for (const child of inline.children ?? []) {
    if (child.type === 'image' && !image) image = child
    else if (!(child.type === 'softbreak' || (child.type === 'text' && child.content.trim() === ''))) return null
  }
  const name = image?.content.trim() ?? ''
  return AVATAR_NAME.test(name) ? { name, form: 'bare', rest: '', time: null, avatar: true } : null
}

/** `{#id}` is Hugo's explicit heading anchor: an id, not text to show. */
function stripAnchor(inline: Token): void {
  inline.content = inline.content.replace(EXPLICIT_ANCHOR, '')
  const children = inline.children ?? []
  const last = children[children.length - 1]
  if (last?.type === 'text') last.content = last.content.replace(EXPLICIT_ANCHOR, '')
}

/** `[start, end)` index ranges of the direct children between `from` and `to` (one nesting level). */
function childRanges(tokens: Token[], from: number, to: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let i = from
  while (i < to) {
    const start = i
    let depth = 0
    do {
      depth += (tokens[i] as Token).nesting
      i++
    } while (depth > 0 && i < to)
    ranges.push([start, i])
  }
  return ranges
}

/**
 * A list whose items open with a paragraph that is bold from end to end and then carry more content
 * is a questionnaire (`1. **What is…?**` + indented answer). Such lists are unpacked so each question
 * and answer becomes its own unit.
 */
function isQuestionList(tokens: Token[], start: number, end: number): boolean {
  const open = tokens[start]
  if (open?.type !== 'ordered_list_open' && open?.type !== 'bullet_list_open') return false
  const items = childRanges(tokens, start + 1, end - 1)
  if (isDialogueItems(tokens, items)) return true
  // `1. How did you start?␠␠` + the answer on the next line, in two items or more.
  const plainLeads = items.filter(([itemStart]) => {
    const inline = tokens[itemStart + 2]
    return tokens[itemStart + 1]?.type === 'paragraph_open' && inline?.children && plainQuestionLeadEnd(inline.children) !== -1
  })
  if (plainLeads.length >= MIN_QUESTION_LEADS) return true
  // `1. **How did you start?**` alone in its item, the answer after the list.
  if (items.every(([itemStart, itemEnd]) => itemEnd - itemStart === 5 && isBoldQuestion(tokens[itemStart + 2]))) return true
  return items.some(([itemStart, itemEnd]) => {
    const children = childRanges(tokens, itemStart + 1, itemEnd - 1)
    const firstChild = children[0]
    if (!firstChild || children.length < 2) return false
    const inline = tokens[firstChild[0] + 1]
    return tokens[firstChild[0]]?.type === 'paragraph_open' && inline !== undefined && isWhollyEmphasised(inline, 'strong')
  })
}

const isBoldQuestion = (inline: Token | undefined): boolean => inline?.type === 'inline' && isWhollyEmphasised(inline, 'strong') && endsWithQuestion(inline.content)

/**
 * `- **Q:** …` / `- **A:** …`: every item opens with a label and the labels take turns (at least two
 * names, each more than once, most items a different name from the one before). `Step 1:`, `Step 2:`
 * items are a list.
 */
function isDialogueItems(tokens: Token[], items: Array<[number, number]>): boolean {
  if (items.length < MIN_DIALOGUE_ITEMS) return false
  const names: string[] = []
  for (const [itemStart] of items) {
    const inline = tokens[itemStart + 2]
    const label = tokens[itemStart + 1]?.type === 'paragraph_open' && inline?.type === 'inline' ? paragraphLabel(inline) : null
    if (!label || label.form === 'bare') return false
    names.push(label.name)
  }
  const counts = new Map<string, number>()
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1)
  const changes = names.filter((name, i) => i > 0 && name !== names[i - 1]).length
  return counts.size >= 2 && [...counts.values()].every((n) => n >= 2) && changes * 2 >= names.length - 1
}

const MIN_DIALOGUE_ITEMS = 4

/** Tight list items hide their paragraphs' `<p>`; once unpacked they are ordinary paragraphs. */
export function revealParagraphs(tokens: Token[]): Token[] {
  for (const token of tokens) if (token.type === 'paragraph_open' || token.type === 'paragraph_close') token.hidden = false
  return tokens
}

function lineRange(tokens: Token[]): LineRange {
  let start = Infinity
  let end = -Infinity
  for (const token of tokens) {
    if (!token.map) continue
    start = Math.min(start, token.map[0])
    end = Math.max(end, token.map[1])
  }
  return { start: start + 1, end: Math.max(start + 1, end) }
}

/** True when one `strong` (or `em`) run spans the whole paragraph: `**What is SIG Docs?**`. */
/** `<strong>…</strong>` and `<b>`, `<em>` and `<i>`: HTML-heavy posts (WordPress exports) emphasise with tags. */
const HTML_EMPHASIS = { strong: /^<(\/?)(?:strong|b)\s*>$/i, em: /^<(\/?)(?:em|i)\s*>$/i }

export function isWhollyEmphasised(inline: Token, tag: 'strong' | 'em'): boolean {
  const open = `${tag}_open`
  const close = `${tag}_close`
  let depth = 0
  let seen = 0
  let closedAtTop = false
  // Blank text and soft breaks around the run do not count; anything after the run closes does.
  for (const child of inline.children ?? []) {
    if (child.type === 'softbreak' || (child.type === 'text' && child.content.trim() === '')) continue
    if (closedAtTop) return false
    const type = child.type === 'html_inline' ? (HTML_EMPHASIS[tag].exec(child.content)?.[1] === '/' ? close : HTML_EMPHASIS[tag].test(child.content) ? open : child.type) : child.type
    if (seen === 0 && type !== open) return false
    seen++
    if (type === open) depth++
    else if (type === close) depth--
    if (depth === 0) {
      if (type !== close) return false
      closedAtTop = true
    }
  }
  return closedAtTop && seen >= 3
}

const HTML_TAG = /^<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>$/i

/** Closing marks that may follow a question mark: `**Why?**`, `(really?)`, `“why?”`. */
const AFTER_QUESTION = new Set(['*', '_', ')', '）', '"', '”', "'"])

/** Read from the end, not matched with a `$` pattern, which would be tried at every position. */
export function endsWithQuestion(text: string): boolean {
  let i = text.length - 1
  for (;;) {
    while (i >= 0 && (AFTER_QUESTION.has(text[i] as string) || /\s/.test(text[i] as string))) i--
    // `<strong>Why?</strong>`, `Why?<img …/>`: tags after the question mark are markup, not text.
    const tag = text[i] === '>' ? text.lastIndexOf('<', i) : -1
    if (tag === -1 || !HTML_TAG.test(text.slice(tag, i + 1))) break
    i = tag - 1
  }
  if (text[i] === '?' || text[i] === '？') return true
  // "…and from where? (a link would help)": an aside in brackets after the question mark.
  let end = text.length - 1
  while (end > 0 && (text[end] === '*' || text[end] === '_' || text[end] === ' ')) end--
  if (text[end] !== ')' && text[end] !== '）') return false
  const aside = Math.max(text.lastIndexOf('(', end), text.lastIndexOf('（', end))
  return aside > 0 && endsWithQuestion(text.slice(0, aside))
}
