import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { generateInterview } from '../../bench/generate'
import { packText, textOfHtml, unpackText } from '../../src/core/model-text'
import { parseInterview } from '../../src/core/parse'
import { readToml } from '../../src/core/toml'
import type { Interview } from '../../src/core/types'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const articles = ['content', 'content/en', 'content/ja', 'tests/fixtures/forms', 'tests/corpus/raw'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.md')).map((f) => ({ file: f, source: readFileSync(path.join(ROOT, dir, f), 'utf8') })),
)
const parsed = (file: string, source: string): Interview => {
  const result = parseInterview(source, { file, readToml })
  if (!result.ok) throw new Error(`${file}: ${result.error.message}`)
  return result.interview
}
const blocksOf = (iv: Interview) => iv.sections.flatMap((s) => s.blocks)

describe('plain text read back from a block’s HTML', () => {
  it('reads paragraphs, lists, soft and hard breaks, images, entities and code as the parser writes text', () => {
    expect(textOfHtml('<p>one\ntwo <a href="https://x.test/?a=1&amp;b=2">link &amp; more</a><br>\nthree</p>\n<ul>\n<li>a</li>\n<li>b &lt;c&gt;</li>\n</ul>\n')).toBe('one two link & more\nthree\n\na\n\nb <c>')
    expect(textOfHtml('<p><img src="https://x.test/i.png" alt="a &quot;cat&quot;"> caption</p>\n')).toBe('a "cat" caption')
    expect(textOfHtml('<pre><code>line 1\n  line 2\n</code></pre>\n')).toBe('line 1\n  line 2')
    expect(textOfHtml('<p>&#x4e2d;&#25991; &unknown; &lt;3</p>')).toBe('中文 &unknown; <3')
  })

  // Parses every article, form and corpus file: seconds on a loaded two-core machine.
  it('gives back the parser’s own model for every article, form and corpus file', { timeout: 60_000 }, () => {
    for (const { file, source } of articles) {
      const interview = parsed(file, source)
      const shipped = JSON.parse(JSON.stringify(packText(interview))) as Interview
      expect(unpackText(shipped), file).toEqual(interview)
    }
  })

  it('leaves the text out of nearly every block, so the data carries the conversation once', () => {
    const interviews = [...articles.slice(0, 3).map(({ file, source }) => parsed(file, source)), parsed('big.md', generateInterview({ turns: 500, seed: 3 }).source)]
    for (const interview of interviews) {
      const packed = blocksOf(packText(interview))
      const kept = packed.filter((b) => 'text' in b).length
      expect(kept / packed.length, interview.slug).toBeLessThan(0.05)
    }
  })
})
