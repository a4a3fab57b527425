/**
 * The allowlist for raw HTML in articles (`<br>`, `<sup>`, `<figure><img>`, tables…), applied with
 * js-xss (`xss`) to every `html_block` and `html_inline` token at parse time, in Node and in the
 * browser alike. js-xss rebuilds each allowed tag from its own reading of the name and attributes,
 * so the browser only ever sees tags and attributes written here, with values escaped by us; every
 * other tag is shown as text, and the bodies of elements whose content is not HTML text (script,
 * style, svg, math…) are dropped. No `id`, `class` or `style` gets through: they could clobber the
 * page's own elements or restyle the app around the article.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities'
import { FilterXSS } from 'xss'
import { resolveUrl } from './urls'

const CELL = ['colspan', 'rowspan', 'scope', 'align']
const MEDIA = ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height']

/** Tag → attributes kept. Global attributes are added to every tag below. */
const ALLOWED: Record<string, string[]> = {
  a: ['href', 'hreflang'],
  img: MEDIA,
  picture: [],
  source: ['srcset', 'type', 'media', 'width', 'height'],
  figure: [],
  figcaption: [],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  td: CELL,
  th: CELL,
  col: ['span'],
  colgroup: ['span'],
  details: ['open'],
  time: ['datetime'],
  q: ['cite'],
  blockquote: ['cite'],
  ...Object.fromEntries(
    ('br sup sub kbd abbr mark small s del ins u em strong i b code pre samp var cite dfn p div span ' +
      'blockquote ul h1 h2 h3 h4 h5 h6 hr summary table caption thead tbody tfoot tr dl dt dd wbr ruby rt rp bdi')
      .split(' ')
      .map((tag) => [tag, []]),
  ),
}
const GLOBAL = ['title', 'lang', 'dir']
const WHITE_LIST = Object.fromEntries(Object.entries(ALLOWED).map(([tag, attrs]) => [tag, [...attrs, ...GLOBAL]]))

/** Elements whose content is not text to show: dropped with everything up to their end tag. */
const DROPPED_WITH_BODY = new Set(
  'script style template noscript iframe object embed svg math textarea title xmp noembed noframes plaintext select frameset'.split(' '),
)
/** Other HTML elements articles use for layout: with the two sets above, what is not a speaker's tag. */
const LAYOUT = new Set('section article aside header footer nav main center font big tt strike label button form input'.split(' '))

/** An HTML element's name (`mark`, `section`), as opposed to a made-up tag (`<interviewer>`). */
export const isHtmlTag = (name: string): boolean => name in WHITE_LIST || DROPPED_WITH_BODY.has(name) || LAYOUT.has(name)

const URL_ATTRS = new Set(['href', 'src', 'cite'])
const NUMBER = /^\d{1,5}$/
const SRCSET_DESCRIPTOR = /^\d+(?:\.\d+)?[wx]$/

let base: string | null = null
/** The dropped element being skipped (its tag), while the tokenizer walks through its body. */
let skipping: string | null = null

const escapeAttr = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * The attribute's value decoded as the browser decodes it, checked, then escaped in full (`&` too),
 * so the browser reads exactly the string checked here: `&amp;#106;avascript:` stays text.
 */
function safeValue(tag: string, name: string, raw: string): string | null {
  const value = decodeHTMLAttribute(raw).trim()
  if (URL_ATTRS.has(name)) {
    const url = resolveUrl(value, base, tag === 'a')
    return url === null ? null : escapeAttr(url)
  }
  if (name === 'srcset') return safeSrcset(value)
  if (name === 'width' || name === 'height' || name === 'span' || name === 'colspan' || name === 'rowspan' || name === 'start' || name === 'value') {
    return NUMBER.test(value) ? value : null
  }
  return escapeAttr(value)
}

/** `a.png 1x, b.png 2x`: each candidate's URL checked like `src`, odd descriptors dropped. */
function safeSrcset(value: string): string | null {
  const kept: string[] = []
  for (const candidate of value.split(/,(?=\s|$)/)) {
    const [url = '', descriptor, ...rest] = candidate.trim().split(/\s+/)
    if (rest.length || (descriptor && !SRCSET_DESCRIPTOR.test(descriptor))) continue
    const resolved = resolveUrl(url, base, false)
    if (resolved) kept.push(descriptor ? `${resolved} ${descriptor}` : resolved)
  }
  return kept.length ? escapeAttr(kept.join(', ')) : null
}

const filter = new FilterXSS({
  whiteList: WHITE_LIST,
  css: false,
  stripBlankChar: true,
  onTag(tag, _html, info) {
    if (skipping) {
      if (info.isClosing && tag === skipping) skipping = null
      return ''
    }
    return undefined
  },
  onIgnoreTag(tag, _html, info) {
    if (!DROPPED_WITH_BODY.has(tag)) return undefined
    if (!info.isClosing) skipping = tag
    return ''
  },
  onTagAttr(tag, name, value, isWhite) {
    if (!isWhite) return ''
    const safe = safeValue(tag, name, value)
    return safe === null ? '' : `${name}="${safe}"`
  },
  escapeHtml(text) {
    return skipping ? '' : text.replace(/</g, '&lt;').replace(/>/g, '&gt;')
  },
})

/**
 * Raw HTML from an article, reduced to the allowlist. Relative URLs resolve against `siteBase`
 * (the article's original address), so `<img src="diagram.png">` loads from where the article lives.
 */
export function sanitiseHtml(html: string, siteBase: string | null): string {
  base = siteBase
  skipping = null
  try {
    return filter.process(html).replace(/<img\b([^>]*)>/g, lazyImage)
  } finally {
    skipping = null
  }
}

/** Images load when scrolled near, off the main thread; one without `alt` is decoration to a screen reader. */
function lazyImage(_tag: string, attrs: string): string {
  return `<img loading="lazy" decoding="async"${/\salt="/.test(attrs) ? '' : ' alt=""'}${attrs}>`
}

/**
 * Inside a paragraph each tag is its own token: `<script>` here returns `script` when the text up to
 * its `</script>` token should go too, as it does inside one HTML block.
 */
export function opensDroppedBody(tag: string): string | null {
  const name = /^<([a-z]+)[\s/>]/i.exec(tag)?.[1]?.toLowerCase()
  return name && DROPPED_WITH_BODY.has(name) && !tag.endsWith('/>') ? name : null
}

const TEXT_BREAKS = new Set('br p div li dt dd tr figcaption figure summary details table dl ul ol h1 h2 h3 h4 h5 h6 pre blockquote hr caption'.split(' '))

const textFilter = new FilterXSS({
  whiteList: {},
  css: false,
  onIgnoreTag: (tag) => (TEXT_BREAKS.has(tag) ? '\n' : ''),
  escapeHtml: (text) => text,
})

/** What a reader would copy from sanitised HTML: tags gone, block ends as line breaks, entities decoded. */
export function htmlText(html: string): string {
  return decodeHTML(textFilter.process(html))
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
