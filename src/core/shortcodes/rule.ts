import type { StateBlock, StateInline, Token } from 'markdown-it'
import type { ShortcodeCall } from './syntax'

/**
 * How one shortcode renders, as markdown-it tokens (so plain text, unit boundaries and line maps
 * work as for any Markdown): on its own line(s) (`block`), with content between an opening and a
 * closing call (`container`), or inside a paragraph (`inline`). A missing form falls back to the
 * quiet placeholder.
 */
export interface ShortcodeRule {
  block?(state: StateBlock, call: ShortcodeCall, map: [number, number]): void
  /** `inner` is the text between the calls; `innerLine` the source line it starts on. */
  container?(state: StateBlock, call: ShortcodeCall, inner: string, innerLine: number, map: [number, number]): void
  inline?(state: StateInline, call: ShortcodeCall): void
}

export type TokenClass = StateBlock['Token']

export function textToken(Token: TokenClass, content: string): Token {
  const token = new Token('text', '', 0)
  token.content = content
  return token
}

/** An `inline` token whose children are already made (its empty `content` leaves nothing to parse). */
export function pushInline(state: StateBlock, children: Token[], map: [number, number]): void {
  const inline = state.push('inline', '', 0)
  inline.content = ''
  inline.map = map
  inline.children = children
}

/** Markdown between two calls, parsed as blocks, with line maps pointing into the article. */
export function pushBlocks(state: StateBlock, markdown: string, firstLine: number): void {
  const tokens: Token[] = []
  state.md.block.parse(markdown, state.md, state.env, tokens)
  for (const token of tokens) {
    if (token.map) token.map = [token.map[0] + firstLine, token.map[1] + firstLine]
    token.level += state.level
    state.tokens.push(token)
  }
}

/** An unknown (or unusable) shortcode: a quiet mark with its name, never the raw `{{<` text. */
export function placeholderToken(Token: TokenClass, name: string): Token {
  const token = new Token('shortcode_placeholder', 'span', 0)
  token.content = name
  return token
}
