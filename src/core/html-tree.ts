/**
 * A small reader for the HTML Parley itself produced: markdown-it's rendering and the sanitiser's
 * output (src/core/sanitise.ts), both well formed with double-quoted attributes. It is not a
 * general HTML parser: it only has to give the Markdown export (html-to-markdown.ts) a tree, and
 * keeps each element's source span so anything the export does not rewrite is written back as is.
 */

export interface HtmlText {
  type: 'text'
  /** As written: entities still encoded. */
  raw: string
}

export interface HtmlElement {
  type: 'element'
  tag: string
  /** Attribute values with the escapes HTML writers use (`&amp; &lt; &gt; &quot;`) decoded. */
  attrs: Record<string, string>
  children: HtmlNode[]
  /** The element as written, from its start tag to its end tag (or where the input closed it). */
  source: string
  /** The start tag as written. */
  openTag: string
  /** The end tag as written; empty when the input never closed the element. */
  closeTag: string
}

export type HtmlNode = HtmlText | HtmlElement

/** Phrasing elements: they hold text, never a paragraph or a list. */
export const INLINE_TAGS = new Set(
  'a abbr b bdi br cite code del dfn em i img ins kbd mark picture q rp rt ruby s samp small source span strong sub sup time u var wbr'.split(' '),
)

const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '))
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/y
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g
const BASIC_ENTITY = /&(?:amp|lt|gt|quot|#39|#x27);/g
const BASIC: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" }

/** Decode the escapes an HTML writer puts in attribute values and code; other entities stay. */
export const decodeBasic = (raw: string): string => raw.replace(BASIC_ENTITY, (e) => BASIC[e] ?? e)

interface Open {
  element: HtmlElement
  start: number
}

/** Parse `html` into a forest. Unclosed elements end where the input ends; stray end tags stay text as written. */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlNode[] = []
  const stack: Open[] = []
  const childrenOf = (): HtmlNode[] => stack[stack.length - 1]?.element.children ?? root
  let text = ''
  const flushText = (): void => {
    if (text) childrenOf().push({ type: 'text', raw: text })
    text = ''
  }
  const close = (depth: number, end: number, closeTag: string): void => {
    while (stack.length > depth) {
      const open = stack.pop() as Open
      open.element.source = html.slice(open.start, end)
      // Only the element the end tag names is closed by it; those inside it were left open.
      if (stack.length === depth) open.element.closeTag = closeTag
    }
  }
  let pos = 0
  while (pos < html.length) {
    const lt = html.indexOf('<', pos)
    if (lt === -1) {
      text += html.slice(pos)
      break
    }
    text += html.slice(pos, lt)
    TAG.lastIndex = lt
    const match = TAG.exec(html)
    if (!match) {
      text += '<'
      pos = lt + 1
      continue
    }
    const [whole, slash, name = '', attrs = '', selfClosing] = match
    const tag = name.toLowerCase()
    pos = lt + whole.length
    if (slash) {
      const depth = stack.map((o) => o.element.tag).lastIndexOf(tag)
      // An end tag with nothing open to close (the HTML block that opened it was another block) stays as written.
      if (depth === -1) text += whole
      else {
        flushText()
        close(depth, pos, whole)
      }
      continue
    }
    flushText()
    // A block inside an inline element the input left open (`<em>` alone in its HTML block) ends it.
    if (!INLINE_TAGS.has(tag)) {
      let depth = stack.length
      while (depth > 0 && INLINE_TAGS.has(stack[depth - 1]?.element.tag ?? '')) depth--
      close(depth, lt, '')
    }
    const element: HtmlElement = { type: 'element', tag, attrs: readAttrs(attrs), children: [], source: whole, openTag: whole, closeTag: '' }
    childrenOf().push(element)
    if (!VOID.has(tag) && !selfClosing) stack.push({ element, start: lt })
  }
  flushText()
  close(0, html.length, '')
  return root
}

function readAttrs(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of raw.matchAll(ATTR)) attrs[(m[1] as string).toLowerCase()] = decodeBasic(m[2] ?? m[3] ?? m[4] ?? '')
  return attrs
}

/** The text a node shows, entities left as written (for code, which has no markup inside). */
export function rawText(nodes: HtmlNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.raw : rawText(n.children))).join('')
}
