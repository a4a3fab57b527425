// @vitest-environment node
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Plugin, ResolvedConfig } from 'vite'
import type { Interview, ParseResult } from '../../src/core/types'
import { unpackText } from '../../src/core/model-text'
import { parseInterview } from '../../src/core/parse'
import { interviewsPlugin } from '../../src/node/interviews-plugin'
import { makeInterview } from './fixture'

// The plugin's job is wiring, so it gets a parser that reads a tiny header format.
function parse(source: string, { file }: { file?: string | null }): ParseResult {
  const [slug, date, bad] = source.split('\n')
  if (bad) return { ok: false, error: { kind: 'parse-error', file: file ?? null, line: 7, message: bad } }
  const interview = makeInterview()
  interview.slug = slug!
  interview.meta = { ...interview.meta, title: slug!, date: date || null }
  return { ok: true, interview }
}

type Hook = (this: unknown, ...args: unknown[]) => unknown
async function setup(files: Record<string, string>, parser: typeof parse = parse): Promise<{ load: (id: string) => Promise<string>; resolve: (id: string) => unknown }> {
  const root = await mkdtemp(path.join(tmpdir(), 'parley-'))
  const content = path.join(root, 'content')
  await import('node:fs/promises').then((fs) => fs.mkdir(content))
  for (const [name, text] of Object.entries(files)) {
    await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(path.join(content, name)), { recursive: true }))
    await writeFile(path.join(content, name), text)
  }
  const plugin: Plugin = interviewsPlugin({ parse: parser })
  ;(plugin.configResolved as Hook).call(null, { root, command: 'build', build: { outDir: 'dist' } } as unknown as ResolvedConfig)
  const ctx = {
    addWatchFile: vi.fn(),
    error(message: string): never {
      throw new Error(message)
    },
  }
  return {
    load: async (id) => (await (plugin.load as Hook).call(ctx, id)) as string,
    resolve: (id) => (plugin.resolveId as Hook).call(ctx, id),
  }
}

describe('interviews plugin', () => {
  it('lists summaries newest first with one lazy loader per slug', async () => {
    const { load, resolve } = await setup({ 'a.md': 'older\n2020-01-01', 'b.md': 'newer\n2024-05-01', 'c.md': 'undated\n' })
    expect(resolve('virtual:interviews')).toBe('\0virtual:interviews')
    expect(resolve('virtual:interview-summaries')).toBe('\0virtual:interview-summaries')
    const code = await load('\0virtual:interviews')
    // The summaries are a module of their own: the reader's entry holds the loaders alone.
    expect(code).not.toContain('summaries')
    const summaries = JSON.parse(/export const summaries = (.*)\n/.exec(await load('\0virtual:interview-summaries'))![1]!) as { slug: string; turnCount: number }[]
    expect(summaries.map((s) => s.slug)).toEqual(['newer', 'older', 'undated'])
    expect(summaries[0]!.turnCount).toBe(8)
    expect(code).toContain('"older": () => unpack(import("virtual:interview/older"))')
    expect(code).toMatch(/const unpack = .*import\("[^"]*\/src\/core\/model-text\.ts"\).*unpackText/)
    const one = await load('\0virtual:interview/newer')
    expect(one).toMatch(/^export default JSON\.parse\(/)
    expect(code).not.toContain('<p>')
    // The chunk leaves each block's text to its HTML; the loader's unpackText gives it back.
    const shipped = JSON.parse(JSON.parse(/JSON\.parse\((.*)\)/.exec(one)![1]!)) as Interview
    const turns = shipped.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'turn')
    expect(turns.some((t) => 'text' in t)).toBe(false)
    expect(unpackText(shipped).sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'turn').map((t) => t.text)).toEqual(['问一', '答一', '问二', '答二', '问三', '答三', '问四', '答四'])
  })

  it('fails the build with the file and line of a parse error', async () => {
    const { load } = await setup({ 'good.md': 'good\n', 'bad.md': 'bad\n\nunclosed front matter' })
    await expect(load('\0virtual:interviews')).rejects.toThrow(/content[/\\]bad\.md:7: unclosed front matter/)
  })

  it('rejects two files with the same address', async () => {
    const { load } = await setup({ 'one.md': 'same\n', 'two.md': 'same\n' })
    await expect(load('\0virtual:interviews')).rejects.toThrow(/two\.md:1: address "\/same" \(slug "same"\) is also used by one\.md/)
  })

  it('a language folder gives its articles a language segment, their language, and a chunk of their own', async () => {
    const { load } = await setup({ 'spot.md': 'spot\n2024-03-02', 'ja/spot.md': 'spot\n2024-03-01', 'en/spot.md': 'spot\n2024-03-01', 'solo.md': 'solo\n2020-01-01' })
    const code = await load('\0virtual:interviews')
    const summaries = JSON.parse(/export const summaries = (.*)\n/.exec(await load('\0virtual:interview-summaries'))![1]!) as { address: string; lang: string; group: string }[]
    expect(summaries.map((s) => [s.address, s.lang])).toEqual([['spot', 'zh-cn'], ['en/spot', 'en'], ['ja/spot', 'ja'], ['solo', 'zh-cn']])
    // The three share a slug, so they are one interview; the other is alone.
    expect(new Set(summaries.slice(0, 3).map((s) => s.group)).size).toBe(1)
    expect(summaries[3]!.group).not.toBe(summaries[0]!.group)
    expect(code).toContain('"ja/spot": () => unpack(import("virtual:interview/ja~spot"))')
    expect(JSON.parse(JSON.parse(/JSON\.parse\((.*)\)/.exec(await load('\0virtual:interview/ja~spot'))![1]!)).lang).toBe('ja')
  })

  it('a top-level slug with a "~" (which the slug rule allows) never shares a chunk with a language folder’s address', async () => {
    const { load } = await setup({ 'tilde.md': 'ja~spot\n2024-03-02', 'ja/spot.md': 'spot\n2024-03-01' })
    const code = await load('\0virtual:interviews')
    const ids = [...code.matchAll(/import\("(virtual:interview\/[^"]*)"\)/g)].map((m) => m[1]!)
    expect(new Set(ids).size).toBe(2)
    const titles = await Promise.all(ids.map(async (id) => JSON.parse(JSON.parse(/JSON\.parse\((.*)\)/.exec(await load(`\0${id}`))![1]!)).meta.title))
    expect(titles.sort()).toEqual(['ja~spot', 'spot'])
  })

  it('content/defaults.yaml goes under every article’s front matter; bad defaults and folders fail with their name', async () => {
    const { load } = await setup({ 'defaults.yaml': 'license: CC BY 4.0\n', 'a.md': 'a\n' })
    const one = JSON.parse(JSON.parse(/JSON\.parse\((.*)\)/.exec(await load('\0virtual:interview/a'))![1]!))
    expect(one.meta.frontMatter.license).toBe('CC BY 4.0')
    const typo = await setup({ 'defaults.yaml': 'licence: CC BY 4.0\n', 'a.md': 'a\n' })
    await expect(typo.load('\0virtual:interviews')).rejects.toThrow(/defaults\.yaml: unknown key "licence"/)
    const folder = await setup({ 'images/a.md': 'a\n' })
    await expect(folder.load('\0virtual:interviews')).rejects.toThrow(/content\/images\/: .*"images" is not one/)
  })

  it('fails the build on a front-matter slug that is no single path segment, naming file and line', async () => {
    const cases: [string, RegExp][] = [
      ['..', /content[/\\]evil\.md:3: slug "\.\." is "\.\.", which names a folder, not a page \(a slug is one path segment/],
      ['../../x', /content[/\\]evil\.md:3: slug "\.\.\/\.\.\/x" starts with "\."/],
      ['a/b', /content[/\\]evil\.md:3: slug "a\/b" contains "\/"/],
      ['a\tb', /content[/\\]evil\.md:3: slug "a\\tb" contains a control character \(U\+0009\)/],
    ]
    for (const [slug, message] of cases) {
      const { load } = await setup({ 'evil.md': `---\ntitle: Evil\nslug: ${JSON.stringify(slug)}\n---\n\n**A**: Why?\n\n**B**: Because.\n` }, parseInterview)
      await expect(load('\0virtual:interviews'), slug).rejects.toThrow(message)
    }
    const { load } = await setup({ '访谈.md': '---\nslug: 访谈-一\n---\n\n**A**: Why?\n\n**B**: Because.\n' }, parseInterview)
    expect(await load('\0virtual:interviews')).toContain('"访谈-一": () => unpack(import("virtual:interview/访谈-一"))')
  })

  it('checks the slug of an article in a language folder too: its address is <lang>/<slug>', async () => {
    const evil = await setup({ 'ja/evil.md': '---\ntitle: Evil\nslug: ".."\n---\n\n**A**: Why?\n\n**B**: Because.\n' }, parseInterview)
    await expect(evil.load('\0virtual:interviews')).rejects.toThrow(/content[/\\]ja[/\\]evil\.md:3: slug "\.\." is "\.\.", which names a folder/)
    const { load } = await setup({ 'ja/访谈.md': '---\nslug: 访谈-一\n---\n\n**A**: Why?\n\n**B**: Because.\n' }, parseInterview)
    expect(await load('\0virtual:interviews')).toContain('"ja/访谈-一": () => unpack(import("virtual:interview/ja~访谈-一"))')
  })
})
