/**
 * Articles exported from a CMS often keep their whole body as HTML inside the Markdown file
 * (`<div><p><strong>Host:</strong> …</p>…</div>`). markdown-it reads that as one opaque HTML block,
 * so no paragraph, heading or label would be seen. When HTML blocks hold most of the body, they are
 * written back as the Markdown they stand for, and the article is read like any other.
 *
 * Only the structure is converted (paragraphs, headings, quotes, rules, emphasis, links, code);
 * everything else (figures, lists, tables, images, `<sup>`) stays HTML, which the sanitiser renders
 * as it does anywhere else. Text is escaped, so nothing in it becomes Markdown it was not.
 */
import { decodeHTML } from 'entities'
import type { Token } from 'markdown-it'
import { parseHtml, type HtmlElement, type HtmlNode } from './html-tree'

/** HTML blocks hold at least this share of the body's characters: an article with a few embedded figures is not "an HTML body". */
const MIN_HTML_SHARE = 0.5
/** And at least this many paragraphs, the sign of a converted document rather than one big widget. */
const MIN_PARAGRAPHS = 2
const PARAGRAPH_TAG = /<p[\s>]/gi

/** True when the body is HTML written as a Markdown file's body (`tokens` is markdown-it's reading of `body`). */
export function isHtmlBody(tokens: Token[], body: string): boolean {
  let html = 0
  let paragraphs = 0
  for (const token of tokens) {
    if (token.type !== 'html_block') continue
    html += token.content.length
    paragraphs += token.content.match(PARAGRAPH_TAG)?.length ?? 0
  }
  return paragraphs >= MIN_PARAGRAPHS && html >= body.trim().length * MIN_HTML_SHARE
}

/**
 * `body` with the span from its first to its last top-level HTML block written as Markdown. The span is
 * read as one document: a blank line inside the HTML (between `<li>`s, in a `<pre>`) splits
 * markdown-it's HTML blocks, not the elements. Lines before and after it are kept as written.
 */
export function htmlBlocksToMarkdown(tokens: Token[], body: string): string {
  const spans = tokens.filter((t) => t.type === 'html_block' && t.level === 0 && t.map).map((t) => t.map as [number, number])
  const start = spans[0]?.[0]
  const lastBlockEnd = spans[spans.length - 1]?.[1]
  if (start === undefined || lastBlockEnd === undefined) return body
  const lines = body.split('\n')
  // A blank line in an element ends markdown-it's HTML block; the text after it still belongs to the element.
  let end = lines.length
  while (end > lastBlockEnd && !END_TAG.test(lines[end - 1] as string)) end--
  return [...lines.slice(0, start), '', htmlToMarkdownBlocks(lines.slice(start, end).join('\n')), '', ...lines.slice(end)].join('\n')
}

/** Web and mail links, and relative ones (no scheme). */
const LINKABLE = /^(?:https?:|mailto:|[^:]*$)/i
const END_TAG = /<\/[a-zA-Z]/

/** Wrappers whose children are the document: read through them. */
const TRANSPARENT = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'span', 'font', 'center', 'body', 'html'])
const HEADING = /^h([1-6])$/

function htmlToMarkdownBlocks(html: string): string {
  return blocksOf(parseHtml(html)).join('\n\n')
}

function blocksOf(nodes: HtmlNode[]): string[] {
  const out: string[] = []
  let inline: HtmlNode[] = []
  const flush = (): void => {
    const text = inlineOf(inline).trim()
    if (text) out.push(text)
    inline = []
  }
  for (const node of nodes) {
    if (node.type === 'text' || isPhrasing(node)) {
      inline.push(node)
      continue
    }
    flush()
    out.push(...blockOf(node))
  }
  flush()
  return out
}

const PHRASING = new Set(['a', 'abbr', 'b', 'br', 'cite', 'code', 'del', 'em', 'i', 'img', 'kbd', 'mark', 'q', 's', 'small', 'strong', 'sub', 'sup', 'time', 'u'])
const isPhrasing = (node: HtmlElement): boolean => PHRASING.has(node.tag) || (node.tag === 'span' && node.children.every((c) => c.type === 'text' || PHRASING.has(c.tag)))

function blockOf(element: HtmlElement): string[] {
  const { tag } = element
  if (tag === 'p') {
    const text = inlineOf(element.children).trim()
    return text ? [text] : []
  }
  const heading = HEADING.exec(tag)
  if (heading) {
    const text = inlineOf(element.children).trim()
    return text ? [`${'#'.repeat(Number(heading[1]))} ${text}`] : []
  }
  if (tag === 'hr') return ['---']
  if (tag === 'blockquote') return [blocksOf(element.children).map((block) => block.replace(/^/gm, '> ')).join('\n>\n')]
  if (tag === 'pre') return [fenced(textOf(element.children))]
  if (TRANSPARENT.has(tag)) return blocksOf(element.children)
  // Lists, tables, figures…: HTML the sanitiser renders. A blank line would end the HTML block early.
  return [element.source.replace(/\n\s*\n/g, '\n')]
}

function inlineOf(nodes: HtmlNode[]): string {
  return nodes.map(inlineNode).join('')
}

function inlineNode(node: HtmlNode): string {
  if (node.type === 'text') return escapeText(node.raw)
  const inner = (): string => inlineOf(node.children)
  switch (node.tag) {
    case 'strong':
    case 'b':
      return wrap('**', inner())
    case 'em':
    case 'i':
      return wrap('*', inner())
    case 'code':
      return codeSpan(textOf(node.children))
    case 'br':
      return '<br>'
    case 'a':
      // A script URL would be refused by markdown-it and left as source text: keep only the link's text.
      return node.attrs.href && LINKABLE.test(node.attrs.href.trim()) ? `[${inner()}](<${node.attrs.href.trim().replace(/[<>\n]/g, encodeURIComponent)}>)` : inner()
    case 'span':
    case 'font':
    case 'u':
      return inner()
    default:
      return node.source
  }
}

/**
 * `**` around the text, spaces and edge punctuation kept outside: `<strong>皮凯蒂：</strong>我` →
 * `**皮凯蒂**：我`. CommonMark does not close `**` between punctuation and a letter, which CJK text
 * (no spaces) always puts there.
 */
function wrap(mark: string, text: string): string {
  const edges = EDGES.exec(text) as RegExpExecArray
  const [, lead = '', body = '', trail = ''] = edges
  return body ? `${lead}${mark}${body}${mark}${trail}` : text
}

const EDGES = /^([\s\p{P}]*)([^\s\p{P}](?:[\s\S]*[^\s\p{P}])?)?([\s\p{P}]*)$/u

/** HTML collapses whitespace; Markdown would read `*`, `_`, `[`… in plain text as markup. */
function escapeText(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|]/g, '\\$&')
    .replace(/^(\s*)([#+-])(?=\s)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s)/, '$1\\$2')
}

function textOf(nodes: HtmlNode[]): string {
  return decodeHTML(nodes.map((n) => (n.type === 'text' ? n.raw : n.tag === 'br' ? '\n' : textOf(n.children))).join(''))
}

function codeSpan(text: string): string {
  const ticks = '`'.repeat((text.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0) + 1)
  return `${ticks}${text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text}${ticks}`
}

function fenced(text: string): string {
  const fence = '`'.repeat(Math.max(3, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length + 1)))
  return `${fence}\n${text.replace(/\n+$/, '')}\n${fence}`
}
