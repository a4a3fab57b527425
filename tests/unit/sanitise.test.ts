import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { createMarkdown, isNormalUrl, isSafeUrl } from '../../src/core/markdown'
import { parseOk } from './helpers'

const allHtml = (source: string): string =>
  parseOk(source)
    .sections.flatMap((s) => s.blocks.map((b) => b.html))
    .join('\n')

describe('untrusted Markdown', () => {
  it('keeps allowlisted raw HTML without its handlers, drops script, and shows unknown tags as text', () => {
    const html = allHtml('Intro <script>alert(1)</script> and <img src=x onerror=alert(1)> <custom-tag>\n\n<div onclick="x()">block</div>\n')
    expect(html).not.toMatch(/<script|onerror|onclick|alert/i)
    expect(html).toContain('<img loading="lazy" decoding="async" alt="">')
    expect(html).toContain('<div>block</div>')
    expect(html).toContain('&lt;custom-tag&gt;')
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

  it('normalises links exactly as markdown-it does, also on its fast path', () => {
    const ours = createMarkdown()
    const reference = new MarkdownIt()
    const pick = (chars: string, max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...chars), maxLength: max })
    const host = fc.array(pick('abcxyz019-', 70), { minLength: 1, maxLength: 6 }).map((labels) => labels.join('.'))
    const url = fc
      .tuple(fc.constantFrom('', 'http://', 'https://', 'HTTPS://', '//', 'mailto:'), host, fc.constantFrom('', ':8080', ':'), pick("/?#abcAZ09;:@&=+$,.!~*'()%_-[] é\\", 24))
      .map(([scheme, h, port, rest]) => (scheme ? `${scheme}${h}${port}${rest}` : rest))
    const known = ['https://kubernetes.io', 'https://github.com/kubernetes/community/blob/master/sig-cloud-provider/README.md', '/docs/x', '#intro', 'https://example.com:8080/a?b=c#d', 'https://xn--bcher-kva.example/', 'https://Bücher.example/ä', 'https://a.b/%zz', 'https://a.b/%41', `https://${Array(6).fill('a'.repeat(60)).join('.')}/x`]
    expect(known.filter(isNormalUrl)).toEqual(['https://kubernetes.io', 'https://github.com/kubernetes/community/blob/master/sig-cloud-provider/README.md', '/docs/x', '#intro', 'https://example.com:8080/a?b=c#d', 'https://xn--bcher-kva.example/', 'https://a.b/%41'])
    for (const u of known) expect(ours.normalizeLink(u), u).toBe(reference.normalizeLink(u))
    fc.assert(fc.property(url, (u) => ours.normalizeLink(u) === reference.normalizeLink(u)), { numRuns: 3000 })
  })
})
