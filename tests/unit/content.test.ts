/**
 * What real articles contain besides Markdown: inline HTML, Hugo shortcodes, images relative to the
 * source site, tables, definition lists and footnotes. Security is in attack-corpus.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { md } from '../../src/core/render'
import { parseInterview } from '../../src/core/parse'
import { plainText } from '../../src/core/markdown'
import { parseOk, turnsOf } from './helpers'
import type { Interview } from '../../src/core/types'

const blocks = (iv: Interview) => iv.sections.flatMap((s) => s.blocks)
const htmlOf = (source: string): string => blocks(parseOk(source)).map((b) => b.html).join('\n')
const textOf = (source: string): string => blocks(parseOk(source)).map((b) => b.text).join('\n\n')

describe('inline HTML', () => {
  it('renders the elements articles use, as elements', () => {
    const html = htmlOf(
      [
        'H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>, <abbr title="Custom Resource">CR</abbr>, <mark>new</mark>, <a href="https://k8s.io" title="t">k8s</a>',
        '<figure><img src="https://k8s.io/a.png" alt="A" width="640" height="360"><figcaption>Cap</figcaption></figure>',
        '<picture><source srcset="https://k8s.io/a.webp 1x" type="image/webp"><img src="https://k8s.io/a.png" alt="P"></picture>',
        '<details><summary>More</summary>\n\nHidden\n\n</details>',
        '<table><thead><tr><th colspan="2">H</th></tr></thead><tbody><tr><td>a</td><td rowspan="1">b</td></tr></tbody></table>',
        '<dl><dt>Term</dt><dd>Meaning</dd></dl>',
      ].join('\n\n'),
    )
    for (const fragment of [
      '<sub>2</sub>', '<sup>2</sup>', '<kbd>Ctrl</kbd>', '<abbr title="Custom Resource">CR</abbr>', '<mark>new</mark>', '<a href="https://k8s.io" title="t">k8s</a>',
      '<figure><img loading="lazy" decoding="async" src="https://k8s.io/a.png" alt="A" width="640" height="360"><figcaption>Cap</figcaption></figure>',
      '<source srcset="https://k8s.io/a.webp 1x" type="image/webp">', '<details><summary>More</summary>', '<p>Hidden</p>',
      '<th colspan="2">H</th>', '<td rowspan="1">b</td>', '<dl><dt>Term</dt><dd>Meaning</dd></dl>',
    ]) expect(html).toContain(fragment)
  })

  it('keeps <br> in the token stream as html_inline, and as a line break in the text', () => {
    const tokens = md.parse('**What is it?**<br>It is a reader.', {})
    const inline = tokens[1]!
    expect(inline.content).toBe('**What is it?**<br>It is a reader.')
    expect(inline.children!.filter((t) => t.type !== 'text' || t.content).map((t) => t.type)).toEqual(['strong_open', 'text', 'strong_close', 'html_inline', 'text'])
    expect(plainText(tokens)).toBe('What is it?\nIt is a reader.')
    expect(htmlOf('**What is it?**<br>It is a reader.')).toContain('<strong>What is it?</strong><br>It is a reader.')
  })

  it('reads the text of an HTML block, without its tags, with entities decoded', () => {
    expect(textOf('<figure>\n<img src="x" alt="A">\n<figcaption>Caption &amp; more</figcaption>\n</figure>')).toBe('Caption & more')
  })
})

describe('Hugo shortcodes', () => {
  it('figure: image, alt, title, caption (as Markdown) and link; never the raw call', () => {
    const html = htmlOf('{{< figure src="https://k8s.io/f.png" alt="Diagram" title="Flow" caption="The **flow**" link="https://k8s.io/big.png" width="800" height="450" >}}')
    expect(html).toBe(
      '<figure><a href="https://k8s.io/big.png" rel="noopener noreferrer"><img src="https://k8s.io/f.png" alt="Diagram" width="800" height="450" title="Flow" loading="lazy" decoding="async"></a>' +
        '<figcaption><strong>Flow</strong> The <strong>flow</strong></figcaption>\n</figure>\n',
    )
  })

  it('the {{% %}} form and a call spread over lines work the same', () => {
    expect(htmlOf('{{% figure src="https://k8s.io/f.png"\n   alt="D" %}}')).toContain('<figure><img src="https://k8s.io/f.png" alt="D"')
  })

  it('note, caution and warning are callouts with their Markdown rendered inside', () => {
    for (const name of ['note', 'caution', 'warning']) {
      const html = htmlOf(`{{< ${name} >}}\nSee **this** and [that](https://k8s.io).\n\n- one\n{{< /${name} >}}`)
      expect(html).toContain(`<div class="callout callout-${name}" role="note">`)
      expect(html).toContain('<p>See <strong>this</strong> and <a href="https://k8s.io" rel="noopener noreferrer">that</a>.</p>')
      expect(html).toContain('<li>one</li>')
    }
    expect(htmlOf('{{< note >}}One line.{{< /note >}}')).toContain('<p>One line.</p>')
  })

  it('youtube, vimeo and tweet are link cards: no iframe, nothing loaded from their site', () => {
    const html = htmlOf('{{< youtube w7Ft2ymGmfc >}}\n\n{{< youtube id="w7Ft2ymGmfc" title="Talk" >}}\n\n{{< vimeo 146022717 >}}\n\n{{< tweet user="kubernetesio" id="1453110110599868418" >}}')
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc" class="embed-link" rel="noopener noreferrer">YouTube video w7Ft2ymGmfc</a>')
    expect(html).toContain('>Talk</a>')
    expect(html).toContain('href="https://vimeo.com/146022717"')
    expect(html).toContain('href="https://x.com/kubernetesio/status/1453110110599868418"')
    expect(html).not.toMatch(/<iframe|<img|<script/)
  })

  it('highlight is a code block in its language', () => {
    expect(htmlOf('{{< highlight go "linenos=table" >}}\nfunc main() {}\n{{< /highlight >}}')).toBe('<pre><code class="language-go">func main() {}\n</code></pre>\n')
  })

  it('an unknown shortcode is a quiet placeholder with its name; with content, its content shows', () => {
    expect(htmlOf('{{< gallery dir="x" >}}')).toContain('<span class="shortcode-placeholder" title="Hugo shortcode “gallery”, not shown here">gallery</span>')
    const paired = htmlOf('{{< tab name="A" >}}\nInside *tab*.\n{{< /tab >}}')
    expect(paired).toContain('<p class="callout-title">tab</p>')
    expect(paired).toContain('<em>tab</em>')
    expect(htmlOf('Text {{< unknown >}} and {{< /unknown >}} more {{< note >}}x')).toBe(
      '<p>Text <span class="shortcode-placeholder" title="Hugo shortcode “unknown”, not shown here">unknown</span> and  more <strong>Note:</strong> x</p>\n',
    )
  })

  it('keeps line numbers: turns after a multi-line shortcode point at their own lines', () => {
    const source = ['**Ann:** Why?', '', '{{< note >}}', 'One.', '', 'Two.', '{{< /note >}}', '', '**Bob:** Because.', '', '**Ann:** Why not?', '', '**Bob:** Fine.'].join('\n')
    const turns = turnsOf(parseOk(source))
    expect(turns.map((t) => [t.lines.start, t.lines.end])).toEqual([[1, 7], [9, 9], [11, 11], [13, 13]])
  })

  it('does not read {{< inside code', () => {
    expect(htmlOf('`{{< figure src="x" >}}`\n\n```\n{{< note >}}\n```')).toContain('<code>{{&lt; figure src=&quot;x&quot; &gt;}}</code>')
  })
})

describe('::: containers (markdown-it-container, VitePress, Docusaurus, Pandoc fenced divs)', () => {
  it('an admonition is a callout with its title and its Markdown inside; never the raw fence', () => {
    const html = htmlOf('::: tip Good to know\nInside **tip**.\n:::\n\n:::warning\nCareful.\n:::\n\n::: {.note}\nPandoc.\n:::')
    expect(html).toContain('<div class="callout callout-tip" role="note">\n<p class="callout-title">Good to know</p>\n<p>Inside <strong>tip</strong>.</p>\n</div>')
    expect(html).toContain('<div class="callout callout-warning" role="note">\n<p class="callout-title">Warning</p>')
    expect(html).toContain('<div class="callout callout-note" role="note">')
    expect(html).not.toContain(':::')
  })

  it('any other container is transparent: a conversation inside it is read as turns', () => {
    const source = ['::: .question-box', '**Jane Roe:** How did you start?', ':::', '', 'At school.', '', '::: .question-box', '**Jane Roe:** And then?', ':::', '', 'A job.'].join('\n')
    const turns = turnsOf(parseOk(source))
    expect(turns.map((t) => [t.role, t.text])).toEqual([
      ['interviewer', 'How did you start?'],
      ['interviewee', 'At school.'],
      ['interviewer', 'And then?'],
      ['interviewee', 'A job.'],
    ])
    expect(turns.map((t) => t.lines.start)).toEqual([2, 5, 8, 11])
  })

  it('an unclosed fence stays text, nested fences close in order', () => {
    expect(textOf(':::\nnot a fence')).toBe('::: not a fence')
    expect(textOf('::: tip\nnever closed')).toBe('::: tip never closed')
    expect(htmlOf('::: info\nOuter.\n\n::: .inner\nInner.\n:::\n:::')).toBe('<div class="callout callout-info" role="note">\n<p class="callout-title">Info</p>\n<p>Outer.</p>\n<p>Inner.</p>\n</div>\n')
  })
})

describe('images and links relative to the original article', () => {
  const article = (front: string, body: string): string => `---\ntitle: T\n${front}\n---\n${body}\n`

  it('resolve against the canonical URL (a Hugo page is a folder)', () => {
    const html = htmlOf(article('canonicalUrl: https://kubernetes.io/blog/2024/03/01/post', '![a](diagram.png) <img src="/images/x.png" alt="b"> [c](../other/)\n\n{{< figure src="f.png" >}}'))
    expect(html).toContain('src="https://kubernetes.io/blog/2024/03/01/post/diagram.png"')
    expect(html).toContain('src="https://kubernetes.io/images/x.png"')
    expect(html).toContain('href="https://kubernetes.io/blog/2024/03/01/other/"')
    expect(html).toContain('src="https://kubernetes.io/blog/2024/03/01/post/f.png"')
    expect(html).toMatch(/<img src="[^"]+" alt="a" loading="lazy" decoding="async">/)
  })

  it('else against parley.siteBase in the front matter, else the content folder\'s site base', () => {
    expect(htmlOf(article('parley:\n  siteBase: https://example.org/blog/', '![a](x.png)'))).toContain('src="https://example.org/blog/x.png"')
    const result = parseInterview('![a](/x.png)\n', { file: 'a.md', siteBase: 'https://kubernetes.io/' })
    expect(result.ok && blocks(result.interview)[0]!.html).toContain('src="https://kubernetes.io/x.png"')
  })

  it('without any base, a relative image has no source (its alt shows) and links stay relative', () => {
    expect(htmlOf('![alt text](x.png) [l](y/)')).toBe('<p><img alt="alt text" loading="lazy" decoding="async"> <a href="y/">l</a></p>\n')
  })

  it('images are absolute http(s) only', () => {
    const html = htmlOf(article('canonicalUrl: https://kubernetes.io/blog/p/', '![a](ftp://x/y.png) <img src="file:///etc/passwd" alt="b"> ![c](//cdn.example/z.png)'))
    expect(html).not.toMatch(/src="(?:ftp|file):/)
    expect(html).toContain('src="https://cdn.example/z.png"')
  })
})

describe('tables, definition lists and footnotes', () => {
  it('render as on the source site', () => {
    const html = htmlOf('| A | B |\n|---|--:|\n| 1 | 2 |\n\nTerm\n: Meaning\n\nA claim.[^src]\n\n[^src]: The source.')
    expect(html).toContain('<table>')
    expect(html).toContain('<td style="text-align:right">2</td>')
    expect(html).toContain('<dl>\n<dt>Term</dt>\n<dd>Meaning</dd>\n</dl>')
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>')
    expect(html).toContain('<li id="fn1" class="footnote-item"><p>The source.')
    expect(textOf('A claim.[^src]\n\n[^src]: The source.')).toBe('A claim.[1]\n\nThe source.')
  })
})
