/**
 * The attack corpus (tests/fixtures/attack-corpus.md): each vector alone and the whole article,
 * checked on the parser's HTML as a browser's HTML parser reads it (happy-dom), and on the page head.
 * tests/e2e/content.spec.ts pastes the same file into Chromium.
 */
import { readFileSync } from 'node:fs'
import { Window } from 'happy-dom'
import { describe, expect, it } from 'vitest'
import { headTags, readerHead } from '../../src/node/head'
import { summarise } from '../../src/core/reader/summary'
import { parseOk } from './helpers'

const corpus = readFileSync(new URL('../fixtures/attack-corpus.md', import.meta.url), 'utf8')
const vectors = [...corpus.matchAll(/<!-- vector: (.+?) -->\n([\s\S]*?)(?=\n<!-- vector:|$)/g)].map((m) => ({ name: m[1]!, body: m[2]!.trim() }))

const FORBIDDEN_TAGS = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'INPUT', 'BUTTON', 'BASE', 'META', 'LINK', 'SVG', 'MATH', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE', 'XMP', 'ISINDEX'])
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'cite', 'action', 'formaction', 'data', 'background']
const SAFE_SCHEME = /^(?:https?|mailto|tel):/i
/** markdown-it's own footnote anchors are the only ids an article's HTML may carry. */
const FOOTNOTE_ID = /^fn(?:ref)?\d+(?::\d+)?$/

function blocksHtml(source: string): string {
  return parseOk(source)
    .sections.flatMap((s) => s.blocks.map((b) => b.html))
    .join('\n')
}

/** Every way the HTML could run script once a browser has parsed it, as readable messages. */
function dangers(html: string): string[] {
  const window = new Window()
  const container = window.document.createElement('div')
  container.innerHTML = html
  const found: string[] = []
  for (const element of container.querySelectorAll('*')) {
    if (FORBIDDEN_TAGS.has(element.tagName.toUpperCase())) found.push(`<${element.tagName.toLowerCase()}>`)
    for (const attribute of element.attributes) {
      const { name } = attribute
      const value = attribute.value ?? ''
      if (/^on/i.test(name)) found.push(`${name} handler`)
      if (name === 'style' || (name === 'class' && !/^(?:embed-|callout|shortcode-|footnote|language-)/.test(value))) found.push(`${name}="${value}"`)
      if (name === 'id' && !FOOTNOTE_ID.test(value)) found.push(`id="${value}"`)
      if (name === 'srcdoc' || name === 'target') found.push(name)
      if (!URL_ATTRIBUTES.includes(name)) continue
      const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value]
      for (const url of urls) {
        // eslint-disable-next-line no-control-regex
        const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
        if (/^[a-z][a-z\d+.-]*:/i.test(compact) && !SAFE_SCHEME.test(compact)) found.push(`${name}="${url}"`)
      }
    }
  }
  return found
}

describe('the attack corpus', () => {
  it('has at least 40 vectors, each naming what it tries', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(40)
    expect(new Set(vectors.map((v) => v.name)).size).toBe(vectors.length)
  })

  it('finds the dangers it looks for (the check itself can fail)', () => {
    expect(dangers('<img src=x onerror=alert(1)><a href="jav&#x09;ascript:x">a</a><svg></svg><p style="x">')).toEqual([
      'onerror handler', 'href="jav\tascript:x"', '<svg>', 'style="x"',
    ])
  })

  for (const { name, body } of vectors) {
    it(`keeps script out: ${name}`, () => {
      const html = blocksHtml(body)
      expect(dangers(html)).toEqual([])
      expect(html).not.toMatch(/\{\{[<%]/)
    })
  }

  it('keeps script out of the whole article and its page head', () => {
    const interview = parseOk(corpus, 'attack-corpus.md')
    expect(dangers(blocksHtml(corpus))).toEqual([])
    // A canonical URL that is not a web address is not the article's address.
    expect(interview.meta.canonicalUrl).toBeNull()
    const head = headTags(readerHead(interview, summarise(interview), [summarise(interview)], { site: 'https://parley.example', base: '/', htmlLang: 'en' }))
    const window = new Window()
    window.document.head.innerHTML = head
    expect(window.document.head.querySelectorAll('script, base, style, iframe, img')).toHaveLength(0)
    expect(window.document.title).toContain('</title><script>alert(1)</script><title>')
    const attributes = [...window.document.head.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name))
    expect(attributes.filter((a) => /^on/i.test(a))).toEqual([])
    expect(window.document.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://parley.example/attack-corpus')
    for (const element of window.document.head.querySelectorAll('[href]')) expect(element.getAttribute('href')).toMatch(/^https:\/\/parley\.example\//)
    expect(window.document.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe('https://parley.example/attack-corpus')
  })

  it('keeps the allowed elements of hostile vectors, without their hostile attributes', () => {
    const html = blocksHtml(vectors.map((v) => v.body).join('\n\n'))
    for (const tag of ['sup', 'sub', 'kbd', 'abbr', 'mark', 'br', 'figure', 'figcaption', 'picture', 'details', 'summary', 'table', 'td', 'dl', 'dt', 'dd']) {
      expect(html, tag).toMatch(new RegExp(`<${tag}[ >]`))
    }
    expect(html).toContain('<a href="https://example.org/">ok</a>')
    expect(html).toContain('srcset="https://example.org/a.png 1x"')
  })
})
