import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateInterview } from '../../bench/generate'
import { exportFile, toJson, toMarkdown, viewOf } from '../../src/core/reader/export'
import type { Interview, Turn } from '../../src/core/types'
import { makeInterview } from '../components/fixture'
import { parseOk, turnsOf } from './helpers'

const everyone = (): boolean => true
const onlyMichael = (t: Turn): boolean => t.speaker === 'michael'

/** What the reader shows of an interview, and what parsing the export must give back. */
function conversationOf(interview: Interview) {
  const names = new Map(interview.speakers.map((s) => [s.id, s.name]))
  return {
    sections: interview.sections.map((s) => s.title),
    turns: turnsOf(interview).map((t) => ({ speaker: names.get(t.speaker), role: t.role, text: t.text, time: t.time ?? null })),
    speakers: interview.speakers.map((s) => ({ id: s.id, name: s.name, role: s.role })),
    narration: interview.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'narration').map((b) => b.text)),
  }
}

/** Block HTML as shown: whitespace next to tags and runs of it are not; `&#10;` is a newline. */
const shownHtml = (interview: Interview): string[] =>
  interview.sections.flatMap((s) => s.blocks.map((b) => b.html.replace(/&#10;/g, '\n').replace(/\s+/g, ' ').replace(/\s*(<[^>]+>)\s*/g, '$1').trim()))

function reparse(interview: Interview, file: string): Interview {
  return parseOk(toMarkdown(interview, everyone), file)
}

describe('export', () => {
  it('drops hidden turns, keeps narration and narrows the speakers', () => {
    const view = viewOf(makeInterview(), onlyMichael)
    const turns = view.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'turn')
    expect(turns.map((t) => t.id)).toEqual(['turn-2', 'turn-4', 'turn-6', 'turn-8'])
    expect(view.sections[0]!.blocks[0]!.kind).toBe('narration')
    expect(view.speakers.map((s) => s.id)).toEqual(['michael'])
  })

  it('writes Markdown with front matter, a speakers block, section headings and labelled turns', () => {
    const md = toMarkdown(makeInterview(), onlyMichael)
    expect(md).toBe([
      '---', 'title: "聚焦 SIG 云提供商"', 'slug: "seed"', 'description: "Spotlight on SIG Cloud Provider"', 'date: "2024-03-02T16:30:31+08:00"',
      'author: ["Arujjwal Negi"]', 'translator: ["Rui Yang"]', 'tags: ["Kubernetes","Kubernetes blog"]', 'lang: "zh-cn"',
      'parley:', '  speakers:', '    - name: "Michael"', '      role: interviewee', '---', '',
      '作者：Arujjwal Negi', '',
      '## 导言', '', '**Michael**: 答一', '',
      '## 功能和工作', '', '**Michael**: 答二', '', '**Michael**: 答三', '',
      '## 重要的子项目', '', '**Michael**: 答四', '',
    ].join('\n'))
  })

  it('Markdown export parses back into the same conversation and front matter', () => {
    const original = makeInterview()
    const again = reparse(original, 'seed.md')
    expect(conversationOf(again)).toEqual(conversationOf(original))
    expect(again.speakers.map((s) => [s.name, s.aliases])).toEqual([['Arujjwal', ['Arujjwal', 'Arujjwal Negi']], ['Michael', ['Michael']]])
    expect({ ...again.meta, frontMatter: null }).toEqual({ ...original.meta, frontMatter: null })
    expect([again.slug, again.lang]).toEqual([original.slug, original.lang])
  })

  it('keeps canonical URL, other front-matter keys and parley settings', () => {
    const source = [
      '---', 'title: "A: talk"', 'canonical_url: https://example.org/blog/talk/', 'translationKey: talk', 'weight: 3',
      'postauthors:', '  - name: Ann Lee', '    website: https://example.org/', 'parley:', '  siteBase: https://example.org/', '---', '',
      '**Ann**: Why?', '', '**Bo**: Because.', '', '**Ann**: Why not?', '', '**Bo**: Indeed.',
    ].join('\n')
    const original = parseOk(source, 'talk.md')
    const md = toMarkdown(original, everyone)
    expect(md).toContain('canonicalUrl: "https://example.org/blog/talk/"')
    expect(md).toContain('  siteBase: "https://example.org/"')
    const again = parseOk(md, 'talk.md')
    expect(again.meta.canonicalUrl).toBe('https://example.org/blog/talk/')
    expect(again.meta.frontMatter).toMatchObject({ translationKey: 'talk', weight: 3, postauthors: [{ name: 'Ann Lee', website: 'https://example.org/' }] })
    expect(again.meta.authors).toEqual(original.meta.authors)
    expect(conversationOf(again)).toEqual(conversationOf(original))
  })

  it('keeps turn timestamps before the label', () => {
    const original = parseOk(readFileSync(join(import.meta.dirname, '../fixtures/forms/timestamps.md'), 'utf8'), 'timestamps.md')
    const md = toMarkdown(original, everyone)
    const first = turnsOf(original)[0]!
    expect(first.time).toBeTruthy()
    expect(md).toContain(`[${first.time}] **`)
    expect(turnsOf(parseOk(md, 'timestamps.md')).map((t) => t.time)).toEqual(turnsOf(original).map((t) => t.time))
  })

  it('labels a turn with a name the parser reads as a label, and never writes a name as markup', () => {
    const source = ['---', 'title: T', 'author: "<img src=x onerror=alert(1)>"', '---', '', '**Q:** What now?', '', '**A:** Nothing.', '', '**Q:** Really?', '', '**A:** Yes.'].join('\n')
    const original = parseOk(source, 'qa.md')
    const md = toMarkdown(original, everyone)
    const body = md.slice(md.indexOf('\n---\n'))
    expect(body).not.toMatch(/<img/i)
    expect(body).toContain('**Q**: What now?')
    // In the front matter it is a quoted string, as it was.
    expect(md).toContain('author: ["<img src=x onerror=alert(1)>"]')
  })

  it('JSON is the parser model of the view, and file names follow the slug', () => {
    const json = JSON.parse(toJson(makeInterview(), onlyMichael)) as Interview
    expect(json).toEqual(viewOf(makeInterview(), onlyMichael))
    expect(exportFile(makeInterview(), everyone, 'markdown')).toMatchObject({ name: 'seed.md', type: 'text/markdown;charset=utf-8' })
    expect(exportFile(makeInterview(), everyone, 'json')).toMatchObject({ name: 'seed.json', type: 'application/json' })
  })
})

describe('export round trip on generated interviews', { timeout: 60_000 }, () => {
  it('parse → export → parse gives the same sections, turns and speakers', () => {
    fc.assert(
      fc.property(
        fc.record({
          turns: fc.integer({ min: 2, max: 60 }),
          sections: fc.integer({ min: 1, max: 12 }),
          seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          labelStyle: fc.constantFrom('bold' as const, 'plain' as const, 'cjk' as const),
          maxParagraphs: fc.integer({ min: 0, max: 4 }),
        }),
        (options) => {
          const original = parseOk(generateInterview(options).source, 'generated.md')
          const again = reparse(original, 'generated.md')
          expect(conversationOf(again)).toEqual(conversationOf(original))
          expect(shownHtml(again)).toEqual(shownHtml(original))
        },
      ),
      { numRuns: 300, seed: 13 },
    )
  })
})

const ROOT = join(import.meta.dirname, '../..')
const articles = [
  ...['tests/fixtures/forms', 'tests/corpus/raw', 'content'].flatMap((dir) =>
    readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.md')).sort().map((f) => `${dir}/${f}`),
  ),
  'tests/fixtures/every-construct.md',
  'tests/fixtures/two-speakers.md',
]

describe('export round trip on every real-article form', () => {
  it('covers the forms, the corpus and the built-in content', () => expect(articles.length).toBeGreaterThanOrEqual(48))

  for (const path of articles) {
    it(path, () => {
      const file = path.split('/').pop()!
      const original = parseOk(readFileSync(join(ROOT, path), 'utf8'), file)
      const again = reparse(original, file)
      expect(conversationOf(again)).toEqual(conversationOf(original))
      // What the reader shows of every block is the same too.
      expect(shownHtml(again)).toEqual(shownHtml(original))
    })
  }
})

describe('what the export keeps as Markdown (tests/fixtures/every-construct.md)', () => {
  const source = readFileSync(join(ROOT, 'tests/fixtures/every-construct.md'), 'utf8')
  const extra = [
    '', '## Lists and code', '', '**Ada**: And lists?', '',
    '**Grace**: These, with *emphasis*, **strong** and `code`:', '', '- first [item](https://kubernetes.io/docs/)', '- second', '  1. nested', '',
    '```yaml', 'kind: Pod', '```', '',
  ].join('\n')
  const md = toMarkdown(parseOk(`${source}${extra}`, 'every-construct.md'), everyone)

  it('keeps links, list items, emphasis and code', () => {
    expect(md).toContain('[link](https://kubernetes.io/docs/)')
    expect(md).toContain('**Grace**: These, with *emphasis*, **strong** and `code`:\n\n- first [item](https://kubernetes.io/docs/)\n- second\n  1. nested')
    expect(md).toContain('```yaml\nkind: Pod\n```')
    expect(md).toContain('A note with **Markdown**')
  })

  it('keeps tables, definition lists and footnotes', () => {
    expect(md).toContain('| Release | Date |\n| --- | ---: |\n| 1.30 | April |')
    expect(md).toContain('<table><tr><th>HTML</th><td>table</td></tr></table>')
    expect(md).toContain('Kubelet\n:   The node agent.')
    expect(md).toContain('**Grace**: Here.[^1]')
    expect(md).toContain('[^1]: A footnote.')
  })

  it('keeps figures, images and the shortcodes', () => {
    expect(md).toContain('{{< figure src="https://kubernetes.io/blog/2024/01/01/every-construct/diagram.png" alt="Bundle image that fails" title="Figure title" caption="A **figure** caption" >}}')
    expect(md).toMatch(/<figure>\n {2}<img src="https:\/\/kubernetes.io\/images\/blog\/diagram.png" alt="Relative HTML image">\n {2}<figcaption>An HTML figure<\/figcaption>\n<\/figure>/)
    expect(md).toContain('{{% note %}}')
    expect(md).toContain('{{< youtube w7Ft2ymGmfc >}}')
    expect(md).toContain('H<sub>2</sub>O')
  })
})
