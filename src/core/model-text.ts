/**
 * A block's plain `text` read back from its sanitised `html`, so a built-in interview's data chunk
 * need not carry the conversation twice (./types.ts: every block has both). The build keeps `text`
 * only for the blocks where this reading differs from the parser's (`packText`), and the browser
 * fills in the rest (`unpackText`): the model it gets is the parser's, exactly.
 * Pure, small, no DOM (the chunk is also read by the server render in Node).
 */
import type { Block, Interview } from './types'

/** Elements that end a line of text twice over, as the parser's blocks do (`plainText` in ./markdown.ts). */
const BLOCK = new Set(['p', 'li', 'ul', 'ol', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'div', 'details', 'summary', 'hr'])
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|([^<]+|<)/g

function decode(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec || hex) {
      const code = dec ? Number(dec) : parseInt(hex!, 16)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[name!] ?? whole
  })
}

function altOf(attrs: string): string {
  const alt = /\salt=(?:"([^"]*)"|'([^']*)')/.exec(attrs)
  return alt ? decode(alt[1] ?? alt[2] ?? '') : ''
}

/** The plain text of rendered HTML, the way the parser writes a block's text. */
export function textOfHtml(html: string): string {
  let out = ''
  let pre = 0
  let afterBlockTag = true
  let afterBreak = false
  for (const [, close, tagName, attrs, text] of html.matchAll(TOKEN)) {
    if (text !== undefined) {
      // The renderer's newlines between blocks and after `<br>` are layout; inside a paragraph one
      // is a soft break (a space).
      const own = afterBreak && text.startsWith('\n') ? text.slice(1) : text
      if (pre > 0) out += decode(text)
      else if (!(afterBlockTag && /^\n+$/.test(text))) out += decode(own).replace(/\n/g, ' ')
      afterBlockTag = false
      afterBreak = false
      continue
    }
    if (!tagName) continue
    const name = tagName.toLowerCase()
    afterBreak = name === 'br'
    if (name === 'br') out += '\n'
    else if (name === 'img') out += altOf(attrs ?? '')
    if (!BLOCK.has(name)) {
      afterBlockTag = false
      continue
    }
    afterBlockTag = true
    if (name === 'pre') pre += close ? -1 : 1
    if (close || name === 'hr') out += '\n\n'
    else if (out && !out.endsWith('\n')) out += '\n'
  }
  if (out.includes(' \n') || out.includes('\t\n')) out = out.replace(/[ \t]+\n/g, '\n')
  if (out.includes('\n\n\n')) out = out.replace(/\n{3,}/g, '\n\n')
  return out.trim()
}

/** A block as shipped: `text` left out when the HTML gives it back. */
export type PackedBlock = Omit<Block, 'text'> & { text?: string }

/** The interview with each block's `text` dropped where `textOfHtml` reads the same from its HTML. */
export function packText(interview: Interview): Interview {
  return {
    ...interview,
    sections: interview.sections.map((section) => ({
      ...section,
      blocks: section.blocks.map((block) => {
        if (textOfHtml(block.html) !== block.text) return block
        const packed: PackedBlock = { ...block }
        delete packed.text
        return packed as Block
      }),
    })),
  }
}

/** Fills in, in place, the `text` that `packText` left out. */
export function unpackText<T extends Interview>(interview: T): T {
  for (const section of interview.sections) {
    for (const block of section.blocks as PackedBlock[]) block.text ??= textOfHtml(block.html)
  }
  return interview
}
