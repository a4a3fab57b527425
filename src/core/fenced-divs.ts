/**
 * `::: tip` … `:::` (markdown-it-container, VitePress, Docusaurus `:::note`, Pandoc fenced divs) as a
 * markdown-it block rule. An admonition is a framed box like Hugo's callouts; any other container
 * (`::: .c-dark-turquoise`, a site's styling) is transparent: its blocks are read as the article's
 * own, so a conversation inside it is still a conversation. Never the raw `:::` lines.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it'
import { pushBlocks } from './shortcodes/rule'

/** `:::name title`, `::: {.name}`, `::: .name`; a closing fence has neither name nor title. */
const FENCE = /^(:{3,})[ \t]*(?:\{[ \t]*\.?([\w-]+)[^}]*\}|\.?([\w-]+))?[ \t]*(.*)$/
const ADMONITIONS = new Set(['note', 'tip', 'info', 'warning', 'caution', 'danger', 'important'])

function fencedDiv(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] as number) - state.blkIndent >= 4) return false
  const lineText = (line: number): string => state.src.slice((state.bMarks[line] as number) + (state.tShift[line] as number), state.eMarks[line])
  if (state.src.charCodeAt((state.bMarks[startLine] as number) + (state.tShift[startLine] as number)) !== 0x3a) return false
  const open = FENCE.exec(lineText(startLine))
  const name = (open?.[2] ?? open?.[3])?.toLowerCase()
  if (!open || !name) return false
  let depth = 1
  let close = startLine + 1
  for (; close < endLine; close++) {
    const fence = FENCE.exec(lineText(close))
    if (!fence) continue
    if (fence[2] ?? fence[3]) depth++
    else if (!fence[4] && --depth === 0) break
  }
  // An unclosed fence is left as text: it may be prose that happens to start with colons.
  if (close >= endLine) return false
  if (silent) return true
  const inner = close > startLine + 1 ? state.src.slice(state.bMarks[startLine + 1], state.eMarks[close - 1]) : ''
  if (ADMONITIONS.has(name)) {
    const box = state.push('shortcode_box_open', 'div', 1)
    box.map = [startLine, close + 1]
    box.info = open[4]?.trim() || name[0]?.toUpperCase() + name.slice(1)
    box.attrs = [['class', `callout callout-${name}`], ['role', 'note']]
    pushBlocks(state, inner, startLine + 1)
    state.push('shortcode_box_close', 'div', -1)
  } else {
    pushBlocks(state, inner, startLine + 1)
  }
  state.line = close + 1
  return true
}

export function fencedDivs(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'fenced_div', fencedDiv, { alt: ['paragraph', 'reference', 'blockquote', 'list'] })
}
