import { describe, expect, it } from 'vitest'
import { splitFrontMatter } from '../../src/core/front-matter'
import { readToml } from '../../src/core/toml'
import { needsToml } from '../../src/core/toml-detect'
import { parseInterview } from '../../src/core/parse'
import { parseOk, turnsOf } from './helpers'

const body = '## A\n\nAda: Why?\n\nGrace: Because.\n\nAda: Really?\n\nGrace: Yes.\n'

describe('front matter', () => {
  it('works without front matter: slug from the file name, title from the first heading', () => {
    const interview = parseOk(`# My Talk\n\n${body}`, 'my-talk.md')
    expect(interview.slug).toBe('my-talk')
    expect(interview.meta.title).toBe('My Talk')
    expect(interview.meta.frontMatter).toEqual({})
    expect(turnsOf(interview)).toHaveLength(4)
  })

  it('accepts a BOM and CRLF line endings and keeps line numbers', () => {
    const doc = `\uFEFF---\r\ntitle: Windows\r\n---\r\n${body.replace(/\n/g, '\r\n')}`
    const interview = parseOk(doc)
    expect(interview.meta.title).toBe('Windows')
    expect(turnsOf(interview)[0]?.lines).toEqual({ start: 6, end: 6 })
    expect(turnsOf(interview)[0]?.text).toBe('Why?')
  })

  it('blanks the front matter in the body, whatever closes it, so the body has the file\'s lines', () => {
    const cases: Array<[string, string]> = [
      ['---\ntitle: A\n---\nText\n', '\n\n\nText\n'],
      ['---\ntitle: A\n...\nText', '\n\n\nText'],
      ['---  \ntitle: A\n---\t', '\n\n'],
      ['---\n---\n\nText', '\n\n\nText'],
      ['No front matter\n---\n', 'No front matter\n---\n'],
    ]
    for (const [source, expected] of cases) {
      const split = splitFrontMatter(source, null)
      expect('body' in split ? split.body : split.message, JSON.stringify(source)).toBe(expected)
      if ('body' in split) expect(split.body.split('\n')).toHaveLength(source.split('\n').length)
    }
    expect(splitFrontMatter('---\ntitle: A\n', 'a.md')).toMatchObject({ kind: 'parse-error', line: 1, file: 'a.md' })
  })

  it('a later --- is a thematic break, not front matter', () => {
    const interview = parseOk(`Intro text.\n\n---\n\ntitle: not yaml\n\n---\n\n${body}`, 'x.md')
    expect(interview.meta.frontMatter).toEqual({})
    expect(interview.sections[0]?.blocks[0]?.text).toContain('Intro text.')
  })

  it('keeps every key, whichever spelling the article uses', () => {
    const doc = `---\ntitle: T\nauthor: "Ada Lovelace (Analytical)"\ntranslator: >\n  Bob Builder,\n  Carol Singer\ncanonical_url: https://example.com/x\nslug: custom\ndate: 2024-01-15\ntags: [a, b]\nweight: 3\n---\n${body}`
    const interview = parseOk(doc)
    expect(interview.slug).toBe('custom')
    expect(interview.meta.authors).toEqual(['Ada Lovelace'])
    expect(interview.meta.translators).toEqual(['Bob Builder', 'Carol Singer'])
    expect(interview.meta.canonicalUrl).toBe('https://example.com/x')
    expect(interview.meta.date).toBe('2024-01-15')
    expect(interview.meta.tags).toEqual(['a', 'b'])
    expect(interview.meta.frontMatter.weight).toBe(3)
    expect(parseOk(`---\ncanonicalUrl: https://e.org/y\n---\n${body}`).meta.canonicalUrl).toBe('https://e.org/y')
  })

  it('malformed YAML is a ParseError naming the file line', () => {
    const result = parseInterview('---\ntitle: ok\ntags: [a, b\nslug: x\n---\nbody\n', { file: 'bad.md' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.file).toBe('bad.md')
    expect(result.error.line).toBe(4)
    expect(result.error.message).toMatch(/^malformed YAML front matter: /)
  })

  it('an unclosed front matter is a ParseError on line 1', () => {
    const result = parseInterview('---\ntitle: never closed\n\nAda: hi\n', { file: 'open.md' })
    expect(result).toMatchObject({ ok: false, error: { line: 1, message: expect.stringContaining('never closed') } })
  })

  it('front matter that is not a mapping is rejected with a reason', () => {
    const result = parseInterview('---\n- just\n- a list\n---\nbody\n')
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('mapping') } })
  })

  it('a malformed parley.speakers block says which entry is wrong', () => {
    const result = parseInterview(`---\nparley:\n  speakers:\n    - name: Ada\n      role: host\n---\n${body}`)
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('entry 1 (Ada): role must be') } })
  })

  it('detects the language from the front matter, the file name, then the script', () => {
    expect(parseOk(`---\nlang: uk\n---\n${body}`).lang).toBe('uk')
    expect(parseOk(body, 'post.ja.md').lang).toBe('ja')
    expect(parseOk(body, '017-zh-cn-sig-storage.md').lang).toBe('zh-cn')
    expect(parseOk('## 导言\n\n你好。\n', 'x.md').lang).toBe('zh')
    expect(parseOk('## Вступ\n\nПривіт, це інтерв’ю.\n', 'x.md').lang).toBe('uk')
  })

  it('reads a language written as a name, and ignores a value that names none', () => {
    expect(parseOk(`---\nlanguage: russian\n---\n${body}`).lang).toBe('ru')
    expect(parseOk(`---\nlang: German\n---\n${body}`).lang).toBe('de')
    expect(parseOk(`---\nlocale: zh_CN\n---\n${body}`).lang).toBe('zh-cn')
    expect(parseOk('---\nlang: default\n---\n## 导言\n\n你好。\n').lang).toBe('zh')
  })

  it('tells Latin-script languages apart by their small words', () => {
    const prose = {
      fr: "Nous avons parlé avec elle de son travail. C'est une histoire qui commence dans un laboratoire, avec des amis et des machines. Pour elle, le plus important est la patience et le travail en équipe sur les projets.",
      es: 'Hablamos con ella sobre los proyectos del grupo. Cuando empezó, no había mucho, pero ahora hay más gente y el trabajo es muy bueno. Yo también creo que sus ideas y las nuestras van juntas.',
      de: 'Wir haben mit ihr über das Projekt gesprochen. Es ist nicht einfach, und ich denke, dass wir auch in Zukunft mit der Community sprechen. Sie sind ein Team, wie man es selten sieht, und das ist gut.',
      it: "Abbiamo parlato con lui del progetto. Non è stato facile, ma ho imparato molto: questo lavoro è anche una passione che ci accompagna nel tempo, e sono felice della comunità e dei suoi membri alla fine.",
      pt: 'Conversamos com ela sobre o projeto. Não foi fácil, mas eu aprendi muito com os colegas e também com isso tudo. Você sabe, é uma comunidade muito aberta, em que todos ajudam uns aos outros dos dois lados.',
      nl: 'We hebben met hem gepraat over het project. Het is niet makkelijk, maar ik denk dat je veel leert. Wat ook goed is: wij werken samen met een team voor de kaart, en zijn blij met de hulp van naar bij.',
      en: 'We talked with her about the project. It is not easy, and they have a team that works with the community. What we learned is that this kind of work is about people, and you have to listen to them.',
    }
    for (const [lang, text] of Object.entries(prose)) expect(parseOk(`## A\n\n${text}\n`, 'x.md').lang, lang).toBe(lang)
    // Too few words to judge: the default stays.
    expect(parseOk('## A\n\nNous avons parlé.\n', 'x.md').lang).toBe('en')
  })
})

describe('TOML and metadata-header front matter', () => {
  const toml = '+++\ntitle = "Chatting"\ndate = 2023-05-01\ntags = ["a", "b"]\nn = nan\n+++\n\nIvy: Hi?\n\nRob: Hello.\n'

  it('reads +++ TOML with the reader it is given, as plain JSON (dates as text, nan as text)', () => {
    const result = parseInterview(toml, { file: 't.md', readToml })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.interview.meta.frontMatter).toEqual({ title: 'Chatting', date: '2023-05-01', tags: ['a', 'b'], n: '.nan' })
    expect(result.interview.meta.title).toBe('Chatting')
  })

  it('says what is missing without the reader, and where malformed TOML is', () => {
    expect(parseInterview(toml, { file: 't.md' })).toMatchObject({ ok: false, error: { line: 1, message: expect.stringContaining('TOML') } })
    expect(parseInterview('+++\ntitle = "a"\ntags = [\n+++\nx\n', { file: 'bad.md', readToml })).toMatchObject({ ok: false, error: { file: 'bad.md', message: expect.stringContaining('malformed TOML') } })
  })

  it('knows when a text needs the TOML reader, so the browser loads it only then', () => {
    expect(needsToml(toml)).toBe(true)
    expect(needsToml('\uFEFF\n+++\ntitle = "x"\n+++\n')).toBe(true)
    expect(needsToml('---\ntitle: x\n---\n+++\n')).toBe(false)
    expect(needsToml('Some text +++\n')).toBe(false)
  })

  it('reads a Pelican header of Key: value lines, but not prose that starts with a colon line', () => {
    const result = parseInterview('Title: A visit\nDate: 2019-04-02\nTags: crafts, books\n\nBody.\n', { file: 'p.md' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.interview.meta.frontMatter).toEqual({ title: 'A visit', date: '2019-04-02', tags: ['crafts', 'books'] })
    expect(result.interview.sections[0]?.blocks[0]?.lines.start).toBe(5)
    const prose = parseInterview('Note: this is prose.\nIt goes on.\n', { file: 'n.md' })
    expect(prose.ok && prose.interview.meta.frontMatter).toEqual({})
  })
})
