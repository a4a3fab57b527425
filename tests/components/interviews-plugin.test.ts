// @vitest-environment node
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Plugin, ResolvedConfig } from 'vite'
import type { ParseResult } from '../../src/core/types'
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
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(content, name), text)
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
    const code = await load('\0virtual:interviews')
    const summaries = JSON.parse(/export const summaries = (.*)\n/.exec(code)![1]!) as { slug: string; turnCount: number }[]
    expect(summaries.map((s) => s.slug)).toEqual(['newer', 'older', 'undated'])
    expect(summaries[0]!.turnCount).toBe(8)
    expect(code).toContain('"older": () => import("virtual:interview/older")')
    const one = await load('\0virtual:interview/newer')
    expect(one).toMatch(/^export default JSON\.parse\(/)
    expect(code).not.toContain('<p>')
  })

  it('fails the build with the file and line of a parse error', async () => {
    const { load } = await setup({ 'good.md': 'good\n', 'bad.md': 'bad\n\nunclosed front matter' })
    await expect(load('\0virtual:interviews')).rejects.toThrow(/content[/\\]bad\.md:7: unclosed front matter/)
  })

  it('rejects two files with the same slug', async () => {
    const { load } = await setup({ 'one.md': 'same\n', 'two.md': 'same\n' })
    await expect(load('\0virtual:interviews')).rejects.toThrow(/two\.md:1: slug "same"/)
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
    expect(await load('\0virtual:interviews')).toContain('"访谈-一": () => import("virtual:interview/访谈-一")')
  })
})
