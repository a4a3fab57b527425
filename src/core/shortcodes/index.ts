/**
 * Hugo shortcodes in articles (`{{< figure … >}}`, `{{% note %}}…{{% /note %}}`), as a markdown-it
 * plugin: a block rule for calls on their own lines and an inline rule for calls inside a
 * paragraph, each handing the call to that shortcode's rule. Nothing of the `{{<` syntax reaches
 * the page; an unknown shortcode becomes a quiet placeholder with its name.
 */
import type { MarkdownIt, StateBlock, StateInline, Token } from 'markdown-it'
import { callout } from './callout'
import { tweet, vimeo, youtube } from './embed'
import { figure } from './figure'
import { highlight } from './highlight'
import { placeholderToken, pushInline, type ShortcodeRule } from './rule'
import { findClosing, scanCall, type ShortcodeCall } from './syntax'

const RULES: Record<string, ShortcodeRule> = {
  figure,
  note: callout(true),
  caution: callout(true),
  warning: callout(true),
  youtube,
  vimeo,
  tweet,
  highlight,
}
const OTHER = callout(false)

const ruleOf = (name: string): ShortcodeRule => RULES[name] ?? OTHER

/** The line holding source offset `offset`, searching from `line`. */
function lineAt(state: StateBlock, line: number, offset: number): number {
  while (line < state.lineMax - 1 && (state.eMarks[line] as number) < offset) line++
  return line
}

const restIsBlank = (src: string, from: number, to: number): boolean => src.slice(from, to).trim() === ''

function shortcodeBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] as number) - state.blkIndent >= 4) return false
  const start = (state.bMarks[startLine] as number) + (state.tShift[startLine] as number)
  if (state.src.charCodeAt(start) !== 0x7b || state.src.charCodeAt(start + 1) !== 0x7b) return false
  const max = state.eMarks[endLine - 1] ?? state.src.length
  const call = scanCall(state.src, start, max)
  if (!call) return false
  const rule = ruleOf(call.name)
  const callEndLine = lineAt(state, startLine, call.end)
  // Content between an opening and a closing call, at the top level (nested blocks keep their
  // prefixes in the source, so their content is left to the inline rule).
  const closing = !call.closing && !call.selfClosing && rule.container && state.parentType === 'root' ? findClosing(state.src, call, max) : null
  if (closing) {
    const lastLine = lineAt(state, callEndLine, closing.end)
    if (!restIsBlank(state.src, closing.end, state.eMarks[lastLine] as number)) return false
    if (silent) return true
    const map: [number, number] = [startLine, lastLine + 1]
    rule.container?.(state, call, state.src.slice(call.end, closing.start), callEndLine, map)
    state.line = lastLine + 1
    return true
  }
  // A call alone on its line(s).
  if (!restIsBlank(state.src, call.end, state.eMarks[callEndLine] as number)) return false
  if (silent) return true
  const map: [number, number] = [startLine, callEndLine + 1]
  // A closing call whose opening was not seen: nothing to show.
  if (!call.closing) {
    if (rule.block) rule.block(state, call, map)
    else pushPlaceholder(state, call, map)
  }
  state.line = callEndLine + 1
  return true
}

function pushPlaceholder(state: StateBlock, call: ShortcodeCall, map: [number, number]): void {
  state.push('paragraph_open', 'p', 1).map = map
  pushInline(state, [placeholderToken(state.Token, call.name)], map)
  state.push('paragraph_close', 'p', -1)
}

function shortcodeInline(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b || state.src.charCodeAt(state.pos + 1) !== 0x7b) return false
  const call = scanCall(state.src, state.pos, state.posMax)
  if (!call) return false
  if (!silent) {
    // Text read so far becomes its token first, so the shortcode's tokens follow it in order.
    if (state.pending) state.pushPending()
    const rule = ruleOf(call.name)
    if (rule.inline) rule.inline(state, call)
    else if (!call.closing) state.tokens.push(placeholderToken(state.Token, call.name))
  }
  state.pos = call.end
  return true
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function shortcodes(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'shortcode', shortcodeBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] })
  md.inline.ruler.after('text', 'shortcode', shortcodeInline)
  md.renderer.rules.shortcode_placeholder = (tokens: Token[], idx: number) => {
    const name = escapeHtml(tokens[idx]?.content ?? '')
    return `<span class="shortcode-placeholder" title="Hugo shortcode “${name}”, not shown here">${name}</span>`
  }
  md.renderer.rules.shortcode_box_open = (tokens: Token[], idx: number, options, _env, self) => {
    const token = tokens[idx] as Token
    return `${self.renderToken(tokens, idx, options)}<p class="callout-title">${escapeHtml(token.info)}</p>\n`
  }
}
