import { describe, expect, it } from 'vitest'
import { isSafeUrl } from '../../src/core/markdown'
import { parseOk } from './helpers'

const allHtml = (source: string): string =>
  parseOk(source)
    .sections.flatMap((s) => s.blocks.map((b) => b.html))
    .join('\n')

describe('untrusted Markdown', () => {
  it('renders raw HTML as text, never as markup', () => {
    const html = allHtml('Intro <script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n<div onclick="x()">block</div>\n')
    expect(html).not.toMatch(/<script|<img|<div/i)
    expect(html).toContain('&lt;script&gt;')
  })

  it('drops javascript:, vbscript: and data: links and images', () => {
    const html = allHtml(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java\tscript:x) [d](vbscript:x) [e](data:text/html;base64,PHNjcmlwdD4=) ![f](data:image/png;base64,AAAA)\n',
    )
    expect(html).not.toMatch(/href="(?:javascript|vbscript|data)/i)
    expect(html).not.toMatch(/src="data:/i)
  })

  it('keeps web, mail, relative and fragment links, with rel on external ones', () => {
    const html = allHtml('[w](https://kubernetes.io) [m](mailto:a@b.c) [r](/docs/x) [h](#intro) [q](page?x=1)\n')
    expect(html).toContain('<a href="https://kubernetes.io" rel="noopener noreferrer">w</a>')
    expect(html).toContain('href="mailto:a@b.c"')
    expect(html).toContain('href="/docs/x"')
    expect(html).toContain('href="#intro"')
    expect(html).toContain('href="page?x=1"')
  })

  it('classifies URLs', () => {
    for (const url of ['https://a.b', 'http://a.b', '/x', './x', '../x', 'x.html', '#a', 'mailto:x@y.z']) expect(isSafeUrl(url), url).toBe(true)
    for (const url of ['javascript:x', ' javascript:x', 'data:x', 'file:///etc/passwd', 'vbscript:x', 'java\nscript:x']) expect(isSafeUrl(url), url).toBe(false)
  })
})
