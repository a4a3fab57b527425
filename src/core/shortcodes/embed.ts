/**
 * `{{< youtube id >}}`, `{{< vimeo id >}}`, `{{< tweet user="…" id="…" >}}`: a link card to the
 * video or post. No third-party iframe, image or script: nothing loads from another site until the
 * reader follows the link.
 */
import type { Token } from 'markdown-it'
import { placeholderToken, pushInline, textToken, type ShortcodeRule, type TokenClass } from './rule'
import type { ShortcodeCall } from './syntax'

interface Target {
  href: string
  label: string
}

const YOUTUBE_ID = /^[\w-]{6,20}$/
const DIGITS = /^\d{1,25}$/
const HANDLE = /^\w{1,15}$/

type Locate = (call: ShortcodeCall) => Target | null

const youtubeTarget: Locate = (call) => {
  const id = call.named.id ?? call.positional[0] ?? ''
  return YOUTUBE_ID.test(id) ? { href: `https://www.youtube.com/watch?v=${id}`, label: call.named.title || `YouTube video ${id}` } : null
}

const vimeoTarget: Locate = (call) => {
  const id = call.named.id ?? call.positional[0] ?? ''
  return DIGITS.test(id) ? { href: `https://vimeo.com/${id}`, label: call.named.title || `Vimeo video ${id}` } : null
}

const tweetTarget: Locate = (call) => {
  const id = call.named.id ?? call.positional[0] ?? ''
  const user = call.named.user ?? ''
  if (!DIGITS.test(id)) return null
  return HANDLE.test(user) ? { href: `https://x.com/${user}/status/${id}`, label: `Post by @${user}` } : { href: `https://x.com/i/status/${id}`, label: `Post ${id}` }
}

function linkTokens(Token: TokenClass, target: Target): Token[] {
  const open = new Token('link_open', 'a', 1)
  open.attrs = [['href', target.href], ['class', 'embed-link']]
  return [open, textToken(Token, target.label), new Token('link_close', 'a', -1)]
}

function embed(locate: Locate): ShortcodeRule {
  return {
    block(state, call, map) {
      const target = locate(call)
      const open = state.push('paragraph_open', 'p', 1)
      open.map = map
      open.attrs = [['class', 'embed-card']]
      pushInline(state, target ? linkTokens(state.Token, target) : [placeholderToken(state.Token, call.name)], map)
      state.push('paragraph_close', 'p', -1)
    },
    inline(state, call) {
      const target = locate(call)
      for (const token of target ? linkTokens(state.Token, target) : [placeholderToken(state.Token, call.name)]) state.tokens.push(token)
    },
  }
}

export const youtube = embed(youtubeTarget)
export const vimeo = embed(vimeoTarget)
export const tweet = embed(tweetTarget)
