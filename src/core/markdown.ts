import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type StateCore, type Token } from 'markdown-it'
import deflist from 'markdown-it-deflist'
import footnote from 'markdown-it-footnote'
import { headingTerms } from './deflist-headings'
import { fencedDivs } from './fenced-divs'
import { htmlText, opensDroppedBody, sanitiseHtml } from './sanitise'
import { shortcodes } from './shortcodes'
import { isSafeUrl, resolveUrl } from './urls'

export { isSafeUrl }

/**
 * A link that markdown-it's `normalizeLink` would hand back unchanged: http(s) with a lower-case ASCII
 * host of at most 255 characters, or a path, query or fragment (`//` would open a host), made only of
 * characters its percent-encoder keeps, with valid `%XX` escapes. Most links in articles look like
 * this, and skipping the URL parse and punycode pass for them saves about a fifth of markdown-it's
 * parse time on a typical article. tests/unit/sanitise.test.ts checks both agree on generated URLs.
 */
const URL_TAIL = String.raw`[\w;/?:@&=+$,.!~*'()#%-]*`
const NORMAL_URL = new RegExp(String.raw`^(?:https?://(?=[a-z0-9.-]{1,255}(?:[:/?#]|$))[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*(?::\d{1,5})?(?:[/?#]${URL_TAIL})?|(?!//)[/?#]${URL_TAIL})$`)
const BAD_ESCAPE = /%(?![0-9a-fA-F]{2})/

export function isNormalUrl(url: string): boolean {
  return NORMAL_URL.test(url) && !BAD_ESCAPE.test(url)
}

/**
 * One shared instance. Raw HTML is on only together with `safeArticle`, which runs after every other
 * rule and reduces each HTML token to the allowlist (src/core/sanitise.ts): nothing in an article
 * becomes markup it may not have. Definition lists, footnotes, Hugo shortcodes and `:::` containers
 * render as on the source site.
 */
export function createMarkdown(): MarkdownItInstance {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false })
  md.use(deflist).use(footnote).use(shortcodes).use(fencedDivs)
  md.core.ruler.after('block', 'parley_heading_terms', headingTerms)
  md.core.ruler.push('parley_safe_article', safeArticle)
  md.validateLink = isSafeUrl
  const normalizeLink = md.normalizeLink.bind(md)
  md.normalizeLink = (url) => (isNormalUrl(url) ? url : normalizeLink(url))
  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    const href = String(token?.attrGet('href') ?? '')
    if (token && /^https?:/i.test(href)) token.attrSet('rel', 'noopener noreferrer')
    return defaultLinkOpen(tokens, idx, options, env, self)
  }
  md.renderer.rules.softbreak = (tokens, idx, options) => (joinsCjk(tokens, idx) ? '' : options.breaks ? '<br>\n' : '\n')
  return md
}

/** Where relative URLs point: the article's original address (`parseInterview` puts it in the env). */
export interface ArticleEnv {
  parleyBase?: string | null
}

/** Sanitise raw HTML and resolve every link and image against the article's address. */
function safeArticle(state: StateCore): void {
  const base = (state.env as ArticleEnv).parleyBase ?? null
  const visit = (tokens: Token[]): void => {
    let dropping: string | null = null
    for (const token of tokens) {
      if (dropping) {
        if (token.type === 'html_inline' && new RegExp(`^</${dropping}\\s*>`, 'i').test(token.content)) dropping = null
        dropText(token)
        continue
      }
      if (token.type === 'html_inline') dropping = opensDroppedBody(token.content)
      if (token.type === 'html_block' || token.type === 'html_inline') token.content = sanitiseHtml(token.content, base)
      else if (token.type === 'image') resolveAttr(token, 'src', base, false)
      else if (token.type === 'link_open') resolveAttr(token, 'href', base, true)
      if (token.children) visit(token.children)
    }
  }
  visit(state.tokens)
}

/** A token inside `<script>…</script>` within a paragraph: kept in the stream, showing nothing. */
function dropText(token: Token): void {
  token.type = 'text'
  token.tag = ''
  token.nesting = 0
  token.content = ''
  token.attrs = null
  token.children = null
}

function resolveAttr(token: Token, name: string, base: string | null, isLink: boolean): void {
  const url = resolveUrl(String(token.attrGet(name) ?? ''), base, isLink)
  if (url === null) token.attrs = (token.attrs ?? []).filter(([key]) => key !== name)
  else token.attrSet(name, url)
  if (!isLink) {
    token.attrSet('loading', 'lazy')
    token.attrSet('decoding', 'async')
  }
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u

/** Every CJK script starts at U+1100 (Hangul Jamo): Latin text never reaches the Unicode pattern. */
const isCjk = (char: string): boolean => char.charCodeAt(0) >= 0x1100 && CJK.test(char)

/**
 * A line break between two CJK characters is not a space: Chinese and Japanese wrap source lines
 * anywhere, and a rendered newline would show up as a stray gap ("到 2019 年底， 我才发现").
 */
function joinsCjk(tokens: readonly Token[], idx: number): boolean {
  const before = tokens[idx - 1]?.content ?? ''
  const after = tokens[idx + 1]?.content ?? ''
  return isCjk(before.slice(-1)) && isCjk(after.slice(0, 1))
}

/** Plain text of a token run: what a reader would copy, markup and link targets removed. */
export function plainText(tokens: readonly Token[]): string {
  let out = ''
  // Whether `out` ends a line, kept here: `endsWith` on a string built by `+=` flattens it each time,
  // which makes a long intro (thousands of blocks) quadratic.
  let atLineStart = true
  const add = (text: string): void => {
    if (!text) return
    out += text
    atLineStart = text.endsWith('\n')
  }
  for (const token of tokens) {
    if (token.type === 'inline') add(inlineText(token.children ?? []))
    else if (token.type === 'fence' || token.type === 'code_block') add(token.content.replace(/\n$/, ''))
    else if (token.type === 'html_block') add(`${htmlText(token.content)}\n\n`)
    else if (token.nesting === -1 && token.block) add('\n\n')
    // A block opening right after text (a figure's caption after its image) starts a new line.
    else if (token.nesting === 1 && token.block && out && !atLineStart) add('\n')
    else if (token.type === 'hr') add('\n\n')
  }
  // Most blocks are one paragraph: test before running the clean-up patterns over the text.
  if (out.includes(' \n') || out.includes('\t\n')) out = out.replace(/[ \t]+\n/g, '\n')
  if (out.includes('\n\n\n')) out = out.replace(/\n{3,}/g, '\n\n')
  return out.trim()
}

function inlineText(children: readonly Token[]): string {
  let out = ''
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Token
    switch (child.type) {
      case 'text':
      case 'code_inline':
        out += child.content
        break
      case 'softbreak':
        out += joinsCjk(children, i) ? '' : ' '
        break
      case 'hardbreak':
        out += '\n'
        break
      case 'html_inline':
        // `**Question?**<br>Answer`: the break is a line break in the text too.
        if (/^<br\b/i.test(child.content)) out += '\n'
        break
      case 'footnote_ref':
        out += `[${Number(child.meta?.id) + 1}]`
        break
      case 'image':
        out += inlineText(child.children ?? [])
        break
    }
  }
  return out
}
