/**
 * The export's HTML-to-Markdown converter: each construct, rendered by the parser's own markdown-it
 * (sanitiser and shortcodes included), converted back, and rendered again must give the same HTML;
 * the Markdown written is checked where its form matters.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { htmlToMarkdown } from '../../src/core/reader/html-to-markdown'
import { md } from '../../src/core/render'

const render = (markdown: string): string => md.render(markdown, { parleyBase: 'https://example.org/blog/post/' })
const convert = (html: string): string => htmlToMarkdown(html).map((b) => b.markdown).join('\n\n')

/** The Markdown the export writes for `source`, after checking it renders exactly as `source` does. */
function roundTrip(source: string): string {
  const html = render(source)
  const markdown = convert(html)
  // `&#10;` (a newline kept inside an HTML block) is the same newline to the browser.
  expect(render(markdown).replace(/&#10;/g, '\n'), `${source}\n→\n${markdown}`).toBe(html)
  return markdown
}

describe('HTML back to Markdown', () => {
  it('keeps emphasis, strong, strikethrough and code as Markdown', () => {
    expect(roundTrip('Some *em*, **strong**, ***both***, ~~gone~~ and `code` in foo**bar**baz.')).toBe(
      'Some *em*, **strong**, ***both***, ~~gone~~ and `code` in foo**bar**baz.',
    )
    expect(roundTrip('A span with `` a ` tick `` and ` `` ` edges, `` `x` ``.')).toBe('A span with ``a ` tick`` and ``` `` ``` edges, `` `x` ``.')
  })

  it('writes emphasis Markdown could not read back as emphasis as its HTML tag', () => {
    // `**"b"**c` is not emphasis in CommonMark; the article must have written the tag.
    expect(convert('<p>a<strong>&quot;b&quot;</strong>c and 「<em>x</em>」を</p>')).toBe('a<strong>"b"</strong>c and 「*x*」を')
    expect(roundTrip('a<strong>"b"</strong>c, x<em>(y)</em>z')).toBe('a<strong>"b"</strong>c, x<em>(y)</em>z')
  })

  it('keeps links with titles and awkward targets, and images', () => {
    expect(roundTrip('[docs](https://kubernetes.io/docs/ "The docs") and [p](https://x.org/a_(b)) and ![a *b*](https://x.org/i.png "t")')).toBe(
      '[docs](https://kubernetes.io/docs/ "The docs") and [p](https://x.org/a_(b)) and ![a b](https://x.org/i.png "t")',
    )
    expect(roundTrip('[rel](other/page) and [**bold** link](https://x.org/)')).toBe('[rel](https://example.org/blog/post/other/page) and [**bold** link](https://x.org/)')
    expect(roundTrip('[odd](<https://x.org/a b>)')).toBe('[odd](https://x.org/a%20b)')
  })

  it('keeps HTML the article wrote as HTML: images, links with spaces or a language, figures, tables', () => {
    expect(roundTrip('Logo <img src="logo.png" alt="Logo"> here.')).toBe('Logo <img src="https://example.org/blog/post/logo.png" alt="Logo"> here.')
    expect(roundTrip('<a hreflang="ja" href="https://x.org/ja/">日本語</a> and <a href="{% link x.md %}">y</a>')).toContain('<a hreflang="ja" href="https://x.org/ja/">日本語</a>')
    expect(roundTrip('<figure>\n  <img src="a.png" alt="A">\n  <figcaption>Cap</figcaption>\n</figure>')).toMatch(/^<figure>\n {2}<img src=/)
    expect(roundTrip('<table><tr><th>HTML</th><td>table</td></tr></table>')).toBe('<table><tr><th>HTML</th><td>table</td></tr></table>')
  })

  it('keeps inline HTML (sup, sub, kbd, abbr, mark) with Markdown inside it', () => {
    expect(roundTrip('H<sub>2</sub>O, x<sup>**2**</sup>, <kbd>Ctrl</kbd>, <abbr title="Custom Resource">CRD</abbr>, <mark>all</mark>')).toBe(
      'H<sub>2</sub>O, x<sup>**2**</sup>, <kbd>Ctrl</kbd>, <abbr title="Custom Resource">CRD</abbr>, <mark>all</mark>',
    )
  })

  it('escapes text that would read as Markdown', () => {
    const tricky = [
      'Stars \\* and \\_under\\_ and snake_case, \\[not a link\\](x), \\`tick\\`, a \\\\ slash, \\<b\\> as text, AT&T, &amp;copy; and &nbsp;.',
      '\\# not a heading',
      '1\\. not a list',
      '\\- not a list either',
      '\\> not a quote',
      '\\{{< figure src="x" >}} as text, and a\\~\\~b\\~\\~',
      'a line\n\\=== not a setext underline',
    ]
    for (const source of tricky) roundTrip(source)
    expect(roundTrip('\\# not a heading')).toBe('\\# not a heading')
    expect(roundTrip('1\\. not a list')).toBe('1\\. not a list')
  })

  it('keeps hard breaks and HTML breaks apart', () => {
    expect(roundTrip('one\\\ntwo<br>three')).toBe('one\\\ntwo<br>three')
  })

  it('keeps lists: bullets, ordered from a start, nested, loose, adjacent, with code inside', () => {
    expect(roundTrip('- a\n- b\n  - nested *c*\n- d')).toBe('- a\n- b\n  - nested *c*\n- d')
    expect(roundTrip('3. three\n4. four')).toBe('3. three\n4. four')
    expect(roundTrip('- loose one\n\n- loose two\n\n  with a second paragraph')).toBe('- loose one\n\n- loose two\n\n  with a second paragraph')
    roundTrip('- one list\n\n* another list')
    roundTrip('1. one\n\n1) another')
    roundTrip('- item with code:\n\n  ```sh\n  kubectl get nodes\n\n  echo done\n  ```')
  })

  it('keeps quotes, headings and fenced code (fences longer than the code inside)', () => {
    expect(roundTrip('> quoted **text**\n>\n> - and a list')).toBe('> quoted **text**\n>\n> - and a list')
    expect(roundTrip('### A heading with C#')).toBe('### A heading with C#')
    roundTrip('### Ends with #\\#')
    expect(roundTrip('````md\n```go\nfunc main() {}\n```\n````')).toBe('````md\n```go\nfunc main() {}\n```\n````')
    roundTrip('```\na <b> & "c"\n```')
  })

  it('writes tables markdown-it made as pipe tables, with alignment and escaped pipes', () => {
    expect(roundTrip('| Release | Date | Note |\n|:--|--:|:-:|\n| 1.30 | April | a \\| b `c \\| d` |')).toBe(
      '| Release | Date | Note |\n| :--- | ---: | :---: |\n| 1.30 | April | a \\| b `c \\| d` |',
    )
  })

  it('keeps definition lists and footnotes as Markdown', () => {
    expect(roundTrip('Kubelet\n: The node agent.\n\nKube-proxy\n: The network proxy.')).toBe('Kubelet\n:   The node agent.\n\nKube-proxy\n:   The network proxy.')
    expect(roundTrip('Here.[^1] And there.[^2]\n\n[^1]: A footnote.\n[^2]: Another with [a link](https://x.org/).')).toBe(
      'Here.[^1] And there.[^2]\n\n[^1]: A footnote.\n\n[^2]: Another with [a link](https://x.org/).',
    )
  })

  it('writes shortcodes back as their calls: figure, callouts, embeds, highlight, unknown ones', () => {
    expect(roundTrip('{{< figure src="d.png" alt="D" title="T" caption="A **figure** caption" link="https://x.org/" >}}')).toBe(
      '{{< figure src="https://example.org/blog/post/d.png" alt="D" title="T" link="https://x.org/" caption="A **figure** caption" >}}',
    )
    expect(roundTrip('{{< figure src="d.png" caption="Say \\"hi\\" \\\\ bye" >}}')).toBe('{{< figure src="https://example.org/blog/post/d.png" caption="Say \\"hi\\" \\\\\\\\ bye" >}}')
    // A caption holding `>}}` (from the article's own HTML) cannot end the call early.
    const html = '<figure><img src="https://x.org/d.png" alt=""><figcaption>a &gt;}} b</figcaption></figure>'
    expect(render(convert(html))).toContain('<figcaption>a &gt;}} b</figcaption>')
    expect(roundTrip('{{% note %}}\nA note with **Markdown**.\n\n- and a list\n{{% /note %}}')).toBe('{{% note %}}\nA note with **Markdown**.\n\n- and a list\n{{% /note %}}')
    expect(roundTrip('::: tip Good to know\nInside.\n:::')).toBe('::: tip Good to know\nInside.\n:::')
    expect(roundTrip('{{< mybox >}}\nInside.\n{{< /mybox >}}')).toBe('{{% mybox %}}\nInside.\n{{% /mybox %}}')
    expect(roundTrip('{{< youtube w7Ft2ymGmfc >}}')).toBe('{{< youtube w7Ft2ymGmfc >}}')
    expect(roundTrip('{{< youtube id="w7Ft2ymGmfc" title="The talk" >}}')).toBe('{{< youtube w7Ft2ymGmfc title="The talk" >}}')
    expect(roundTrip('{{< vimeo 12345 >}}')).toBe('{{< vimeo 12345 >}}')
    expect(roundTrip('{{< tweet user="kubernetesio" id="1453110110599868418" >}}')).toBe('{{< tweet user="kubernetesio" id="1453110110599868418" >}}')
    expect(roundTrip('{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}')).toBe('```go\nfunc main() {}\n```')
    expect(roundTrip('{{< gallery dir="photos" >}}')).toBe('{{< gallery >}}')
  })

  it('keeps a details block as HTML, a blank line inside it included', () => {
    const markdown = roundTrip('<details><summary>More</summary>\n\nHidden **Markdown**.\n\n```\na\n\nb\n```\n\n</details>')
    expect(markdown).toMatch(/^<details><summary>More<\/summary>/)
    expect(markdown).not.toMatch(/\n[ \t]*\n/)
  })

  it('writes a rule as a Markdown break only where asked (narration), else as HTML inside the block', () => {
    expect(htmlToMarkdown('<hr>\n', { ruleAsBreak: true })[0]?.markdown).toBe('***')
    expect(htmlToMarkdown('<hr>\n')[0]?.markdown).toBe('<hr>')
  })

  it('keeps headings above `headingsFrom` as HTML, so they cannot open sections', () => {
    expect(htmlToMarkdown('<h2>Inside</h2>\n<h3>Deeper</h3>\n', { headingsFrom: 3 }).map((b) => b.markdown)).toEqual(['<h2>Inside</h2>', '### Deeper'])
  })

  it('marks paragraphs, which a speaker label may open', () => {
    expect(htmlToMarkdown('<p>text</p>\n<ul>\n<li>x</li>\n</ul>\n').map((b) => b.paragraph)).toEqual([true, false])
  })
})

// 1,500 generated documents take a few seconds alone and more on a loaded machine: no 5 s default here.
describe('HTML back to Markdown, on generated Markdown', { timeout: 120_000 }, () => {
  const FRAGMENTS = [
    '*', '**', '_', '`', '``', '[', ']', '(', ')', '<', '>', '&', '&amp;', '#', '- ', '1. ', '\n', '\n\n', ' ', 'a', 'word', '~~', '|',
    '{{<', '>}}', '\\', '!', '"', '<br>', '<em>', '</em>', '<sup>', '</sup>', '> ', '---', '===', '    ', '```', ':', '日本', '。', '「', '」',
    '[x](https://x.y)', '![i](https://x.y/i.png)', '<b>', '</b>', '{{< note >}}', '{{< /note >}}', '| a | b |\n|---|---|\n', '[^1]', '\n[^1]: n\n',
  ]
  /** Whitespace beside tags and runs of it are not shown; a kept HTML block writes some newlines as `&#10;`. */
  const shown = (markdown: string): string =>
    md.render(markdown, { parleyBase: null }).replace(/&#10;/g, '\n').replace(/\s+/g, ' ').replace(/\s*(<[^>]+>)\s*/g, '$1').trim()

  it('renders what the original rendered', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 25 }).map((parts) => parts.join('')), (source) => {
        const markdown = htmlToMarkdown(md.render(source, { parleyBase: null }), { ruleAsBreak: true }).map((b) => b.markdown).join('\n\n')
        expect(shown(markdown), `${JSON.stringify(source)} → ${JSON.stringify(markdown)}`).toBe(shown(source))
      }),
      { numRuns: 1500, seed: 1 },
    )
  })
})
