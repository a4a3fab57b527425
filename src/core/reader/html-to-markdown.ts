/**
 * A block's sanitised HTML back to the Markdown it came from, for the Markdown export.
 *
 * What markdown-it and the shortcode rules made from Markdown (paragraphs, emphasis, links, code,
 * lists, quotes, headings, pipe tables, images, definition lists, footnotes, figure / callout /
 * embed shortcodes) is written back as that Markdown. What the article wrote as HTML stays HTML,
 * which the parser's sanitiser accepts again: converting it would change the plain text the parser
 * reads from it (an HTML `<img>` contributes no text, a Markdown image its alt text), so the two are
 * told apart by how each writer formats its output (markdown-it writes `<img src=… loading=…>` and
 * `<table>\n<thead>`, the sanitiser `<img loading=… src=…>` and the author's own layout).
 */
import { decodeBasic, INLINE_TAGS, parseHtml, rawText, type HtmlElement, type HtmlNode } from '../html-tree'

export interface MarkdownBlock {
  markdown: string
  /** A paragraph of text: a speaker label can open it (`**Ada**: …`). */
  paragraph: boolean
}

export interface ConvertOptions {
  /** A top-level `<hr>` is a Markdown rule (which ends a turn) rather than HTML kept inside the block. */
  ruleAsBreak?: boolean
  /** Headings above this level stay HTML: as Markdown they would open sections of their own. */
  headingsFrom?: number
}

interface Context {
  inTable: boolean
}

const BLOCK_CONTEXT: Context = { inTable: false }

/** The block's HTML as Markdown blocks, in order (join them with a blank line). */
export function htmlToMarkdown(html: string, options: ConvertOptions = {}): MarkdownBlock[] {
  return blocks(parseHtml(html), { ruleAsBreak: options.ruleAsBreak ?? false, headingsFrom: options.headingsFrom ?? 1, top: true })
}

interface Level {
  ruleAsBreak: boolean
  headingsFrom: number
  /** The block's own top level, where inline content outside a paragraph is HTML the article wrote. */
  top: boolean
}

/** Inside lists, quotes and boxes: rules and headings are only ever Markdown there. */
const NESTED: Level = { ruleAsBreak: false, headingsFrom: 1, top: false }

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

const isInline = (node: HtmlNode): boolean => node.type === 'text' || INLINE_TAGS.has(node.tag)
const isBlank = (node: HtmlNode): boolean => node.type === 'text' && node.raw.trim() === ''

function blocks(nodes: HtmlNode[], level: Level = NESTED): MarkdownBlock[] {
  const out: MarkdownBlock[] = []
  let run: HtmlNode[] = []
  let previous: string | null = null
  const flush = (): void => {
    if (run.some((n) => !isBlank(n))) {
      // At the top, inline content outside a paragraph is an HTML block the article wrote: kept as
      // written. In a tight list item or a definition it is the item's Markdown text.
      if (level.top) out.push({ markdown: keepHtml(run.map(sourceOf).join('').trim()), paragraph: false })
      else out.push({ markdown: escapeLineStarts(inline(run, BLOCK_CONTEXT).trim()), paragraph: true })
    }
    run = []
  }
  for (const node of nodes) {
    if (isInline(node)) {
      run.push(node)
      continue
    }
    flush()
    const element = node as HtmlElement
    const block = blockOf(element, previous, level)
    if (block) out.push(block)
    previous = element.tag
  }
  flush()
  return out
}

const sourceOf = (node: HtmlNode): string => (node.type === 'text' ? node.raw : node.source)

function blockOf(element: HtmlElement, previous: string | null, level: Level): MarkdownBlock | null {
  const { tag } = element
  const md = (markdown: string): MarkdownBlock => ({ markdown, paragraph: false })
  if (tag === 'p') return paragraphOf(element)
  const heading = /^h([1-6])$/.exec(tag)?.[1]
  if (heading && Number(heading) >= level.headingsFrom && element.openTag === `<${tag}>`) {
    return md(`${'#'.repeat(Number(heading))} ${headingText(inline(element.children, BLOCK_CONTEXT))}`)
  }
  if (tag === 'ul' || tag === 'ol') return md(listOf(element, previous === tag))
  if (tag === 'blockquote' && !element.openTag.includes(' ')) return md(prefixLines(joinBlocks(blocks(element.children)), '> ', '>'))
  if (tag === 'pre') return md(codeBlockOf(element) ?? keepHtml(element.source))
  if (tag === 'hr') return element.attrs.class === 'footnotes-sep' ? null : md(level.ruleAsBreak ? '***' : '<hr>')
  if (tag === 'table') return md(pipeTableOf(element) ?? keepHtml(element.source))
  if (tag === 'figure') return md(figureShortcodeOf(element) ?? keepHtml(element.source))
  if (tag === 'dl') return md(definitionListOf(element) ?? keepHtml(element.source))
  if (tag === 'div' && element.attrs.role === 'note') return md(calloutOf(element))
  if (tag === 'section' && element.attrs.class === 'footnotes') return md(footnotesOf(element))
  return md(keepHtml(element.source))
}

function paragraphOf(element: HtmlElement): MarkdownBlock | null {
  if (element.attrs.class === 'callout-title') return null
  const text = inline(element.children, BLOCK_CONTEXT).trim()
  if (!text) return null
  // A first line that is one tag alone would start an HTML block, not a paragraph: kept as HTML.
  if (/^<\/?[A-Za-z][^>]*>[ \t]*(?:\n|$)/.test(text)) return { markdown: keepHtml(element.source), paragraph: false }
  return { markdown: escapeLineStarts(text), paragraph: true }
}

const joinBlocks = (list: MarkdownBlock[]): string => list.map((b) => b.markdown).join('\n\n')

function prefixLines(text: string, prefix: string, blankPrefix: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? blankPrefix : prefix + line))
    .join('\n')
}

/** First line after `marker`, the rest indented to line up under it (or by `width`). */
function hang(marker: string, text: string, width = marker.length): string {
  const indent = ' '.repeat(width)
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? marker + line : line.trim() === '' ? '' : indent + line))
    .join('\n')
}

/**
 * HTML kept as an HTML block: a blank line would end it early (and turn the rest into Markdown), so
 * a newline before one is written as `&#10;`, which the browser reads as the same newline.
 */
function keepHtml(html: string): string {
  return html.replace(/\n(?=[ \t]*\n)/g, '&#10;').replace(/<img loading="lazy" decoding="async"/g, '<img')
}

function listOf(list: HtmlElement, followsSameList: boolean): string {
  const ordered = list.tag === 'ol'
  const start = Number(list.attrs.start ?? '1') || 1
  // Two lists in a row stay two lists when their markers differ.
  const bullet = followsSameList ? '*' : '-'
  const delimiter = followsSameList ? ')' : '.'
  const items = list.children.filter((n): n is HtmlElement => n.type === 'element' && n.tag === 'li')
  // A loose list (blank lines between items) wraps its items' text in paragraphs.
  const loose = items.some((li) => li.children.some((n) => n.type === 'element' && n.tag === 'p'))
  return items
    .map((li, i) => {
      const parts = blocks(li.children)
      return hang(ordered ? `${start + i}${delimiter} ` : `${bullet} `, parts.map((b) => b.markdown).join(loose ? '\n\n' : '\n'))
    })
    .join(loose ? '\n\n' : '\n')
}

function codeBlockOf(pre: HtmlElement): string | null {
  const [code, ...rest] = pre.children.filter((n) => !isBlank(n))
  if (code?.type !== 'element' || code.tag !== 'code' || rest.length || code.children.some((n) => n.type === 'element')) return null
  const raw = rawText(code.children)
  // An entity other than the escapes markdown-it writes came from HTML the article wrote.
  if (/&(?!amp;|lt;|gt;|quot;)/.test(raw)) return null
  const content = decodeBasic(raw)
  const language = /^language-(\S+)/.exec(code.attrs.class ?? '')?.[1] ?? ''
  // A backtick fence cannot carry a backtick in its info string.
  const mark = language.includes('`') ? '~' : '`'
  const fence = mark.repeat(Math.max(3, longestRun(content, mark) + 1))
  return `${fence}${language}\n${content.endsWith('\n') || content === '' ? content : `${content}\n`}${fence}`
}

function longestRun(text: string, char: string): number {
  let longest = 0
  let current = 0
  for (const c of text) {
    current = c === char ? current + 1 : 0
    longest = Math.max(longest, current)
  }
  return longest
}

const ALIGN = /text-align:\s*(left|center|right)/

/** A table markdown-it made from a pipe table, written back as one; null for anything else. */
function pipeTableOf(table: HtmlElement): string | null {
  if (!table.source.startsWith('<table>\n<thead>\n<tr>\n')) return null
  const sections = table.children.filter((n): n is HtmlElement => n.type === 'element')
  const rows = sections.flatMap((s) => s.children.filter((n): n is HtmlElement => n.type === 'element' && n.tag === 'tr'))
  const cellsOf = (row: HtmlElement): HtmlElement[] => row.children.filter((n): n is HtmlElement => n.type === 'element')
  const [head, ...body] = rows
  if (!head) return null
  const headCells = cellsOf(head)
  const write = (cells: HtmlElement[]): string | null => {
    const texts = cells.map((cell) => inline(cell.children, { inTable: true }).trim())
    return texts.some((t) => t.includes('\n')) ? null : `| ${texts.join(' | ')} |`
  }
  const delimiter = headCells.map((cell) => {
    const align = ALIGN.exec(cell.attrs.style ?? '')?.[1]
    return align === 'center' ? ':---:' : align === 'right' ? '---:' : align === 'left' ? ':---' : '---'
  })
  const lines = [write(headCells), `| ${delimiter.join(' | ')} |`, ...body.map((row) => write(cellsOf(row)))]
  return lines.every((l): l is string => l !== null) ? lines.join('\n') : null
}

/** `{{< figure >}}` as the shortcode rule renders it: `<figure>`, an image (maybe linked), a caption. */
function figureShortcodeOf(figure: HtmlElement): string | null {
  if (!/^<figure><(?:img|a)\b/.test(figure.source) || SANITISED_IMAGE.test(figure.source.slice(8))) return null
  const [first, caption] = figure.children.filter((n): n is HtmlElement => n.type === 'element')
  const link = first?.tag === 'a' ? first : null
  const image = link ? link.children.find((n): n is HtmlElement => n.type === 'element' && n.tag === 'img') : first
  if (image?.tag !== 'img') return null
  const { src = '', alt, title, width, height } = image.attrs
  const captionText = caption?.tag === 'figcaption' ? inline(caption.children, BLOCK_CONTEXT).trim().replace(/\s*\n\s*/g, ' ') : ''
  // The rule renders the title bold ahead of the caption: written back as the title parameter.
  const bold = title ? `**${title.replace(/\*/g, '\\*')}**` : null
  const ownCaption = bold && captionText.startsWith(bold) ? captionText.slice(bold.length).trim() : captionText
  const params: [string, string | undefined][] = [['src', src], ['alt', alt], ['title', title], ['link', link?.attrs.href], ['width', width], ['height', height], ['caption', ownCaption]]
  return `{{< figure ${params.filter(([, v]) => v).map(([k, v]) => `${k}=${shortcodeString(v as string)}`).join(' ')} >}}`
}

/** A shortcode parameter: quoted, with `"` and `\` escaped and no `>}}` that would end the call early. */
const shortcodeString = (value: string): string => `"${value.replace(/["\\}]/g, '\\$&')}"`

function definitionListOf(list: HtmlElement): string | null {
  if (!list.source.startsWith('<dl>\n<dt>')) return null
  const out: string[] = []
  for (const item of list.children) {
    if (item.type !== 'element') continue
    if (item.tag === 'dt') out.push(`${out.length ? '\n' : ''}${escapeLineStarts(inline(item.children, BLOCK_CONTEXT).trim())}`)
    else if (item.tag === 'dd') {
      const loose = item.children.some((n) => n.type === 'element' && n.tag === 'p')
      out.push(`${loose ? '\n' : ''}${hang(':   ', joinBlocks(blocks(item.children)))}`)
    } else return null
  }
  return out.join('\n')
}

/**
 * `{{% note %}}…{{% /note %}}`: a Hugo callout (or an unknown shortcode's box) with its Markdown
 * inside; other admonitions and titled ones as the `::: tip Title` container they came from.
 */
function calloutOf(box: HtmlElement): string {
  const title = box.children.find((n): n is HtmlElement => n.type === 'element' && n.attrs.class === 'callout-title')
  const titleText = decodeBasic(rawText(title?.children ?? [])).trim()
  const name = /\bcallout-(\w+)/.exec(box.attrs.class ?? '')?.[1] ?? titleText
  const inner = joinBlocks(blocks(box.children))
  const hugo = !box.attrs.class?.includes('callout-') || (HUGO_CALLOUTS.has(name) && titleText.toLowerCase() === name)
  return hugo ? `{{% ${name} %}}\n${inner}\n{{% /${name} %}}` : `::: ${name} ${titleText}\n${inner}\n:::`
}
const HUGO_CALLOUTS = new Set(['note', 'caution', 'warning'])

/** markdown-it-footnote's list at the end of the article, back to `[^n]: text` definitions. */
function footnotesOf(section: HtmlElement): string {
  const items: string[] = []
  const visit = (nodes: HtmlNode[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      if (node.tag !== 'li' || !/^fn\d+$/.test(node.attrs.id ?? '')) {
        visit(node.children)
        continue
      }
      items.push(hang(`[^${(node.attrs.id ?? '').slice(2)}]: `, joinBlocks(blocks(node.children)), 4))
    }
  }
  visit(section.children)
  return items.join('\n\n')
}

// ---------------------------------------------------------------------------------------------
// Inline
// ---------------------------------------------------------------------------------------------

const EMPHASIS: Record<string, string> = { strong: '**', em: '*', s: '~~' }

/** Emphasis waits for its neighbours: whether `**` can open or close depends on the characters around it. */
interface Emphasis {
  marker: string
  inner: string
  element: HtmlElement
}

type Piece = string | Emphasis

function inline(nodes: HtmlNode[], context: Context): string {
  const pieces: Piece[] = []
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as HtmlNode
    if (node.type === 'text') {
      pieces.push(escapeText(node.raw, context))
      continue
    }
    const marker = EMPHASIS[node.tag]
    if (marker && node.openTag === `<${node.tag}>` && node.closeTag) {
      pieces.push({ marker, inner: inline(node.children, context), element: node })
      continue
    }
    if (node.tag === 'br') {
      // A Markdown hard break renders `<br>` and a newline; the HTML tag alone has none.
      const next = nodes[i + 1]
      // A hard break needs text after it; a trailing one is the article's own `<br>`.
      if (!context.inTable && next?.type === 'text' && next.raw.startsWith('\n') && nodes.slice(i + 1).some((n) => !isBlank(n))) {
        pieces.push('\\\n')
        nodes[i + 1] = { type: 'text', raw: next.raw.slice(1) }
      } else pieces.push(node.openTag)
      continue
    }
    pieces.push(inlineElement(node, context))
  }
  return resolveEmphasis(pieces)
}

function inlineElement(element: HtmlElement, context: Context): string {
  const { tag, attrs } = element
  if (tag === 'code' && element.openTag === '<code>') return codeSpan(element, context) ?? element.source
  if (tag === 'a') return linkOf(element, context)
  if (tag === 'img' && !SANITISED_IMAGE.test(element.openTag)) return imageOf(element)
  if (tag === 'sup' && attrs.class === 'footnote-ref') return footnoteRef(element) ?? element.source
  if (tag === 'span' && attrs.class === 'shortcode-placeholder') return `{{< ${decodeBasic(rawText(element.children))} >}}`
  if (tag === 'img' || tag === 'wbr' || tag === 'source' || tag === 'picture' || tag === 'code') return keepHtml(element.source)
  // Other inline HTML (`<sup>`, `<kbd>`, `<abbr>`…) stays, with Markdown inside it.
  return `${element.openTag}${inline(element.children, context)}${element.closeTag}`
}

function codeSpan(code: HtmlElement, context: Context): string | null {
  if (code.children.some((n) => n.type === 'element')) return null
  const raw = rawText(code.children)
  if (/&(?!amp;|lt;|gt;|quot;)/.test(raw)) return null
  let content = decodeBasic(raw)
  if (context.inTable) content = content.replace(/\|/g, '\\|')
  const ticks = '`'.repeat(longestRun(content, '`') + 1)
  // CommonMark strips one space from each side of `` ` a ` ``, and a backtick at an edge would merge with the fence.
  const pad = /^`|`$/.test(content) || (/^ [\s\S]* $/.test(content) && content.trim() !== '') ? ' ' : ''
  return `${ticks}${pad}${content}${pad}${ticks}`
}

function linkOf(link: HtmlElement, context: Context): string {
  const { href, title, class: className } = link.attrs
  if (className === 'footnote-backref') return ''
  if (className === 'embed-link' && href) {
    const call = embedShortcode(href, decodeBasic(rawText(link.children)))
    if (call) return call
  }
  if (href === undefined || !fromMarkdownLink(link)) return `${link.openTag}${inline(link.children, context)}${link.closeTag}`
  return `[${inline(link.children, context)}](${destination(href)}${title ? ` ${linkTitle(title)}` : ''})`
}

/** The sanitiser writes these first on an `<img>` from the article's HTML; markdown-it writes them last. */
const SANITISED_IMAGE = /^<img loading="lazy" decoding="async"/

/**
 * markdown-it marks its web links `rel="noopener noreferrer"`; the sanitiser drops `rel`, so a web
 * link without it is the article's HTML. So is a link with a language, without an address (the
 * sanitiser dropped it), or with one Markdown would percent-encode again (`{% link … %}`).
 */
function fromMarkdownLink(link: HtmlElement): boolean {
  const { href = '', rel, hreflang } = link.attrs
  if (hreflang !== undefined || /\s|%(?![0-9A-Fa-f]{2})/.test(href)) return false
  return rel !== undefined || !/^https?:/i.test(href)
}

function imageOf(image: HtmlElement): string {
  const { src = '', alt = '', title, width, height, srcset } = image.attrs
  if (width || height || srcset) return keepHtml(image.source)
  return `![${escapeText(alt.replace(/&/g, '&amp;').replace(/</g, '&lt;'), BLOCK_CONTEXT)}](${destination(src)}${title ? ` ${linkTitle(title)}` : ''})`
}

function footnoteRef(sup: HtmlElement): string | null {
  const link = sup.children.find((n): n is HtmlElement => n.type === 'element' && n.tag === 'a')
  const id = /^#fn(\d+)$/.exec(link?.attrs.href ?? '')?.[1]
  return id ? `[^${id}]` : null
}

/** The card the youtube / vimeo / tweet shortcodes make, back to its call. */
function embedShortcode(href: string, label: string): string | null {
  const youtube = /^https:\/\/www\.youtube\.com\/watch\?v=([\w-]+)$/.exec(href)?.[1]
  const vimeo = /^https:\/\/vimeo\.com\/(\d+)$/.exec(href)?.[1]
  const tweet = /^https:\/\/x\.com\/(\w+)\/status\/(\d+)$/.exec(href)
  const titled = (name: string, id: string, fallback: string): string =>
    `{{< ${name} ${id}${label === fallback ? '' : ` title=${shortcodeString(label)}`} >}}`
  if (youtube) return titled('youtube', youtube, `YouTube video ${youtube}`)
  if (vimeo) return titled('vimeo', vimeo, `Vimeo video ${vimeo}`)
  if (tweet) return tweet[1] === 'i' ? `{{< tweet id="${tweet[2]}" >}}` : `{{< tweet user="${tweet[1]}" id="${tweet[2]}" >}}`
  return null
}

/** A link target as Markdown reads it back: backslashes and entity-like text escaped, `<…>` around spaces. */
function destination(raw: string): string {
  const url = raw.replace(/\\/g, '\\\\').replace(/&(?=#?\w+;)/g, '\\&')
  if (!/[\s<>]/.test(url) && balancedParens(url)) return url
  return `<${url.replace(/[<>\n]/g, (c) => encodeURIComponent(c))}>`
}

function balancedParens(url: string): boolean {
  let depth = 0
  for (const c of url) {
    if (c === '(') depth++
    else if (c === ')' && --depth < 0) return false
  }
  return depth === 0
}

const linkTitle = (title: string): string => `"${title.replace(/["\\]/g, '\\$&')}"`

const WHITESPACE = /\s/u
const PUNCTUATION = /[\p{P}\p{S}]/u

/**
 * Emphasis as `**…**` where CommonMark reads it back as emphasis (the delimiters are left- and
 * right-flanking where they stand), else as the HTML tag, which the sanitiser keeps.
 */
function resolveEmphasis(pieces: Piece[]): string {
  let out = ''
  pieces.forEach((piece, i) => {
    if (typeof piece === 'string') {
      out += piece
      return
    }
    const inner = piece.inner.trim()
    if (!inner) {
      out += `${piece.element.openTag}${piece.inner}${piece.element.closeTag}`
      return
    }
    const lead = piece.inner.slice(0, piece.inner.indexOf(inner))
    const trail = piece.inner.slice(lead.length + inner.length)
    const next = pieces[i + 1]
    const before = (out + lead).slice(-1)
    const after = trail ? trail[0] : typeof next === 'string' ? (next[0] ?? '') : next ? '*' : ''
    const m = piece.marker
    const mark = m[0] as string
    const safe =
      (strongInEm(piece) || (!inner.startsWith(mark) && !inner.endsWith(mark))) &&
      before !== mark &&
      after !== mark &&
      opens(before, inner[0] as string) &&
      closes(inner[inner.length - 1] as string, after ?? '')
    out += lead + (safe ? `${m}${inner}${m}` : `${piece.element.openTag}${inner}${piece.element.closeTag}`) + trail
  })
  return out
}

/** `***both***` reads back as `<em><strong>` (never the other way round). */
function strongInEm(piece: Emphasis): boolean {
  const [only, ...rest] = piece.element.children
  return piece.marker === '*' && rest.length === 0 && only?.type === 'element' && only.tag === 'strong' && /^\*\*[^*][\s\S]*[^*]\*\*$|^\*\*[^*]\*\*$/.test(piece.inner)
}

const isSpace = (c: string): boolean => c === '' || WHITESPACE.test(c)
const isPunct = (c: string): boolean => c !== '' && PUNCTUATION.test(c)
/** Left-flanking: not followed by space, and not followed by punctuation unless preceded by space or punctuation. */
const opens = (before: string, first: string): boolean => !isSpace(first) && (!isPunct(first) || isSpace(before) || isPunct(before))
const closes = (last: string, after: string): boolean => !isSpace(last) && (!isPunct(last) || isSpace(after) || isPunct(after))

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

const ALNUM = /[\p{L}\p{N}]/u

/**
 * Text as Markdown that reads back as the same text: markup characters escaped, the escapes
 * markdown-it wrote decoded where that is safe (other entities stay: Markdown decodes them too).
 */
function escapeText(raw: string, context: Context): string {
  const text = raw.replace(/[ \t]+\n/g, '\n')
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    const rest = text.slice(i + 1, i + 12)
    if (c === '&') {
      const basic = /^(?:amp|lt|gt|quot|#39|#x27);/.exec(rest)?.[0]
      if (!basic) {
        out += '&'
        continue
      }
      i += basic.length
      const decoded = BASIC_CHAR[basic] as string
      const after = text.slice(i + 1, i + 12)
      if (decoded === '&') out += /^#?\w+;/.test(after) ? '\\&' : '&'
      else if (decoded === '<') out += /^[A-Za-z/!?]/.test(after) ? '\\<' : '<'
      else out += decoded
      continue
    }
    if (c === '\\' || c === '`' || c === '*' || c === '[' || c === ']') out += `\\${c}`
    else if (c === '_') out += ALNUM.test(text[i - 1] ?? '') && ALNUM.test(text[i + 1] ?? '') ? '_' : '\\_'
    else if (c === '~') out += text[i - 1] !== '~' && text[i + 1] !== '~' && i > 0 && i < text.length - 1 ? '~' : '\\~'
    else if (c === '{' && text[i + 1] === '{') out += '\\{'
    else if (c === '|' && context.inTable) out += '\\|'
    // `!` before a link that follows this text would make it an image.
    else if (c === '!' && i === text.length - 1) out += '\\!'
    else out += c
  }
  return out
}

const BASIC_CHAR: Record<string, string> = { 'amp;': '&', 'lt;': '<', 'gt;': '>', 'quot;': '"', '#39;': "'", '#x27;': "'" }

/** A line that would open a heading, quote, list, setext underline, rule or table gets its first mark escaped. */
function escapeLineStarts(text: string): string {
  return text
    .replace(/^([ \t]*)([|:])(?=[|:\- \t]*$)(?=.*\|)(?=.*-)/gm, '$1\\$2')
    .replace(/^([ \t]*)(#|>|[-+=](?=[\s\-=]|$)|\d{1,9}(?=[.)](?:\s|$)))/gm, (_, space: string, mark: string) => `${space}${/^\d/.test(mark) ? `${mark}\\` : `\\${mark}`}`)
}

/** A heading's text (a section title: plain text, no markup) as Markdown that reads back as the same text. */
export function headingFromText(text: string): string {
  return headingText(escapeText(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), BLOCK_CONTEXT))
}

function headingText(text: string): string {
  // `## Title #` ends with a closing sequence, which Markdown drops; `C#` does not.
  return escapeLineStarts(text).replace(/(^|\s)(#+)(\s*)$/, (_, space: string, hashes: string, end: string) => `${space}${hashes.replace(/#/g, '\\#')}${end}`).replace(/\n/g, ' ')
}
