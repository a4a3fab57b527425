/** `{{< figure src alt caption title link width height >}}`: an image with its caption, as on the source site. */
import type { Token } from 'markdown-it'
import { pushInline, textToken, type ShortcodeRule, type TokenClass } from './rule'
import type { ShortcodeCall } from './syntax'

const DIMENSION = /^\d{1,5}$/

function imageTokens(Token: TokenClass, call: ShortcodeCall): Token[] {
  const { src = '', alt = '', title, link, width, height } = call.named
  const image = new Token('image', 'img', 0)
  // Relative `src` and `link` are resolved against the article's address after parsing (markdown.ts).
  image.attrs = [['src', src], ['alt', '']]
  if (width && DIMENSION.test(width)) image.attrSet('width', width)
  if (height && DIMENSION.test(height)) image.attrSet('height', height)
  if (title) image.attrSet('title', title)
  image.children = alt ? [textToken(Token, alt)] : []
  image.content = alt
  if (!link) return [image]
  const open = new Token('link_open', 'a', 1)
  open.attrs = [['href', link]]
  return [open, image, new Token('link_close', 'a', -1)]
}

export const figure: ShortcodeRule = {
  block(state, call, map) {
    state.push('figure_open', 'figure', 1).map = map
    pushInline(state, imageTokens(state.Token, call), map)
    const { caption, title } = call.named
    if (caption || title) {
      state.push('figcaption_open', 'figcaption', 1)
      const inline = state.push('inline', '', 0)
      // Hugo renders the title as a heading above the caption, and the caption as Markdown.
      inline.content = [title ? `**${title.replace(/\*/g, '\\*')}**` : '', caption ?? ''].filter(Boolean).join(' ')
      inline.map = map
      inline.children = []
      state.push('figcaption_close', 'figcaption', -1)
    }
    state.push('figure_close', 'figure', -1)
  },
  inline(state, call) {
    for (const token of imageTokens(state.Token, call)) state.tokens.push(token)
  },
}
