/**
 * Rendering of units into HTML and plain text, with speaker labels cut from the parsed tokens so
 * neither the HTML nor the text repeats the name. One markdown-it instance serves the whole parser.
 */
import type { Token } from 'markdown-it'
import type { Unit } from './blocks'
import type { LabelMatch } from './labels'
import { createMarkdown, plainText } from './markdown'

export const md = createMarkdown()

export interface Rendered {
  html: string
  text: string
}

export function renderTokens(tokens: Token[]): Rendered {
  return { html: md.renderer.render(tokens, md.options, {}), text: plainText(tokens) }
}

export function renderInlineAsParagraph(inline: Token, rolePrefix: string | null): Rendered {
  const children = (rolePrefix && removeLeadingLabel(inline.children ?? [], rolePrefix)) || (inline.children ?? [])
  inline.children = children
  dropQuestionNumber(children)
  return { html: `<p>${md.renderer.renderInline(children, md.options, {})}</p>\n`, text: plainText([inline]) }
}

/** `**1. What…?**`: the number orders the questions; the reader numbers them itself. */
const QUESTION_NUMBER = /^\s*(?:\d{1,3}|[QＱ]\d{1,3})\s*[.)．、:：]\s+/u

/** A question paragraph, its leading number (inside the emphasis) removed. */
export function renderQuestion(unit: Extract<Unit, { type: 'paragraph' }>): Rendered {
  dropQuestionNumber(unit.inline.children ?? [])
  return renderTokens(unit.tokens)
}

/** `**1. What…?**`, `### 3. ¿Cómo…?`: the leading number (inside the emphasis) is dropped. */
function dropQuestionNumber(children: Token[]): void {
  const first = children.find((t) => t.type === 'text' && t.content !== '')
  const number = first && children.slice(0, children.indexOf(first)).every((t) => EMPHASIS.has(t.type) || t.content === '') ? QUESTION_NUMBER.exec(first.content) : null
  if (first && number) first.content = first.content.slice(number[0].length)
}

/** The paragraph's plain text after `Name:`, from the tokens already parsed where they allow it. */
export function textAfterLabel(unit: Extract<Unit, { type: 'paragraph' }>, label: LabelMatch, env: Record<string, unknown>): string {
  const text = plainText([unit.inline])
  const lead = labelPattern(label.name, label.form === 'bare').exec(text)
  return lead ? text.slice(lead[0].length) : plainText(md.parseInline(label.rest, env))
}

/** Render the paragraph without its label, so neither the HTML nor the text repeats the name. */
export function renderLabelled(unit: Extract<Unit, { type: 'paragraph' }>, label: LabelMatch, env: Record<string, unknown>): Rendered {
  if (label.rest.trim() === '') return { html: '', text: '' }
  const children = removeLeadingLabel(unit.inline.children ?? [], label.name, label.form === 'bare')
  if (children) {
    unit.inline.children = children
  } else {
    // The label did not map onto the parsed tokens (unusual markup): parse the rest afresh.
    unit.inline.children = []
    md.inline.parse(label.rest, md, env, unit.inline.children)
  }
  unit.inline.content = label.rest
  // A quoted label (`> **Q:** …`) speaks like any other: the turn shows the paragraph, not the quote.
  return renderTokens(unit.tokens[0]?.type === 'blockquote_open' ? unit.tokens.slice(1, -1) : unit.tokens)
}

const EMPHASIS = new Set(['strong_open', 'strong_close', 'em_open', 'em_close'])
const labelPatterns = new Map<string, RegExp>()

/** A timestamp before or after the name (`[00:12:03]`, `0:00:13.8 `). */
const TIME = String.raw`(?:[[(]\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\s*[\])]\s*|\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\s+)?`

/**
 * `Name:` as the reader sees it after markup: emphasis marks, spaces, then a colon (or `Q.`); a bare label ends at a
 * space, after the dash that may stand for the colon (`**Ana Lima —**`).
 */
function labelPattern(name: string, bare = false): RegExp {
  const key = bare ? `\u0000${name}` : name
  let pattern = labelPatterns.get(key)
  if (!pattern) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const end = bare ? String.raw`(?=\s|$)` : String.raw`(?:[:：]|[.．](?=[*_]*\s)|(?<=[*_]\s*)(?:[—–]|--?)(?=\s))[*_]*\s*${TIME}`
    pattern = new RegExp(`^\\s*${TIME}[*_]*\\s*${escaped}(?:\\s*[—–]+|\\s+-+)?\\s*[*_]*\\s*${TIME}[*_]*\\s*${end}\\s*`, 'u')
    if (labelPatterns.size > 1000) labelPatterns.clear()
    labelPatterns.set(key, pattern)
  }
  return pattern
}

/**
 * Cut `Name:` (with its emphasis, spaces and colon) off the front of already-parsed inline tokens.
 * Re-parsing the rest instead would run markdown-it's inline rules (links, entities) twice.
 */
function removeLeadingLabel(children: Token[], name: string, bare = false): Token[] | null {
  let lead = ''
  let end = 0
  while (end < children.length && (children[end]?.type === 'text' || EMPHASIS.has(children[end]?.type ?? ''))) {
    lead += children[end]?.type === 'text' ? children[end]?.content : ''
    end++
  }
  const match = labelPattern(name, bare).exec(lead)
  if (!match) return null
  let remaining = match[0].length
  for (let i = 0; i < end && remaining > 0; i++) {
    const token = children[i] as Token
    if (token.type !== 'text') continue
    const cut = Math.min(remaining, token.content.length)
    token.content = token.content.slice(cut)
    remaining -= cut
  }
  // Drop what the cut emptied: blank text, and emphasis pairs with nothing left between them.
  const kept = children.filter((t) => !(t.type === 'text' && t.content === ''))
  for (let changed = true; changed; ) {
    changed = false
    for (let i = 0; i + 1 < kept.length && i < end; i++) {
      const open = kept[i] as Token
      if (EMPHASIS.has(open.type) && open.nesting === 1 && kept[i + 1]?.type === open.type.replace('_open', '_close')) {
        kept.splice(i, 2)
        changed = true
        break
      }
    }
  }
  return kept
}
