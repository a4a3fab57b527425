/**
 * Where the build writes and what `vite preview` serves: a page stays inside the output folder,
 * and every unknown or malformed path gets 404.html.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { frontMatterKeyLine } from '../../src/core/front-matter'
import { slugProblem } from '../../src/core/slug-rule'
import { pageDir, previewUrl } from '../../src/node/prerender-plugin'

const OUT = path.resolve('/site/dist')

describe('the slug rule', () => {
  it('takes one path segment in any script', () => {
    for (const slug of ['talk', 'sig-cloud-provider-spotlight-2024', '访谈-一', 'интервью', 'a.b', 'a..b', 'x'.repeat(200)]) {
      expect(slugProblem(slug), slug).toBeNull()
    }
  })

  it('names what is wrong with a slug that is no single path segment', () => {
    expect(slugProblem('')).toBe('is empty')
    expect(slugProblem('..')).toBe('is "..", which names a folder, not a page')
    expect(slugProblem('.')).toBe('is ".", which names a folder, not a page')
    expect(slugProblem('.hidden')).toBe('starts with "."')
    expect(slugProblem('../../x')).toBe('starts with "."')
    expect(slugProblem('a/b')).toBe('contains "/"')
    expect(slugProblem('a\\b')).toBe('contains "\\"')
    expect(slugProblem('a#b')).toBe('contains "#"')
    expect(slugProblem('a\nb')).toBe('contains a control character (U+000A)')
    expect(slugProblem('a\u007fb')).toBe('contains a control character (U+007F)')
    expect(slugProblem('a\uD800')).toBe('contains half of a surrogate pair (not text)')
    expect(slugProblem(' a')).toBe('starts or ends with a space')
    expect(slugProblem('访'.repeat(67))).toBe('is longer than 200 bytes')
  })

  it('finds the line of a front-matter key, with a BOM and CRLF too', () => {
    expect(frontMatterKeyLine('---\ntitle: t\nslug: ".."\n---\nbody', 'slug')).toBe(3)
    expect(frontMatterKeyLine('\uFEFF---\r\ntitle: t\r\n"slug" : x\r\n---\r\n', 'slug')).toBe(3)
    expect(frontMatterKeyLine('---\ntitle: t\n---\nslug: x\n', 'slug')).toBeNull()
    expect(frontMatterKeyLine('slug: x\n', 'slug')).toBeNull()
    expect(frontMatterKeyLine('---\nparley:\n  slug: x\n---\n', 'slug')).toBeNull()
  })
})

describe('prerender output paths', () => {
  it('a page folder is one level below the output folder', () => {
    expect(pageDir(OUT, 'talk')).toBe(path.join(OUT, 'talk'))
    expect(pageDir(OUT, '访谈')).toBe(path.join(OUT, '访谈'))
  })

  it('a translation’s page folder is one level below its language folder', () => {
    expect(pageDir(OUT, 'ja/talk')).toBe(path.join(OUT, 'ja', 'talk'))
    expect(pageDir(OUT, 'zh-cn/访谈')).toBe(path.join(OUT, 'zh-cn', '访谈'))
  })

  it('refuses any address whose language folder or slug would write elsewhere', () => {
    for (const address of ['ja/..', 'ja/.', 'ja/', 'ja/../../x', 'ja/a/b', '../ja/x', 'JA/x', '/ja/x', 'ja\\..\\x']) {
      expect(() => pageDir(OUT, address), address).toThrow(/would be written outside/)
    }
  })

  it('refuses any slug that would write elsewhere', () => {
    for (const slug of ['..', '.', '', '../../x', 'a/b', '/etc', '../dist-x']) {
      expect(() => pageDir(OUT, slug), slug).toThrow(/would be written outside/)
    }
  })
})

describe('vite preview paths', () => {
  const files = new Set([path.join(OUT, '404.html'), path.join(OUT, 'talk', 'index.html'), path.join(OUT, '访谈', 'index.html'), path.join(OUT, 'ja', 'talk', 'index.html')])
  const serve = (url: string, base = '/'): string => previewUrl(url, base, OUT, (file) => files.has(file))

  it('serves a page from its folder, keeping the query', () => {
    expect(serve('/talk')).toBe('/talk/index.html')
    expect(serve('/talk?speaker=a')).toBe('/talk/index.html?speaker=a')
    expect(serve('/%E8%AE%BF%E8%B0%88')).toBe('/%E8%AE%BF%E8%B0%88/index.html')
    expect(serve('/ja/talk?speaker=a')).toBe('/ja/talk/index.html?speaker=a')
    expect(serve('/ja')).toBe('/404.html')
  })

  it('answers unknown paths, broken percent-escapes and escapes from the folder with 404.html', () => {
    expect(serve('/missing')).toBe('/404.html')
    expect(serve('/%E0%A4%A')).toBe('/404.html')
    expect(serve('/%E0%A4%A?q=1')).toBe('/404.html?q=1')
    expect(serve('/%')).toBe('/404.html')
    expect(serve('/%2E%2E%2Fdist-x')).toBe('/404.html')
    expect(serve('/%2E%2E')).toBe('/404.html')
    expect(serve('/parley/%E0%A4%A', '/parley/')).toBe('/parley/404.html')
  })

  it('leaves files, folders and paths outside the base to the static server', () => {
    expect(serve('/assets/index-abc.js')).toBe('/assets/index-abc.js')
    expect(serve('/talk/')).toBe('/talk/')
    expect(serve('/other', '/parley/')).toBe('/other')
  })
})
