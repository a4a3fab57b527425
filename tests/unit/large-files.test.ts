import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { largeFileRules, largeFiles } from '../../src/node/large-files'

describe('files over the precache limit', () => {
  it('are found by size among the precached kinds, with paths relative to the folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-large-'))
    try {
      mkdirSync(path.join(dir, 'big'))
      mkdirSync(path.join(dir, 'assets'))
      writeFileSync(path.join(dir, 'big/index.html'), 'x'.repeat(101))
      writeFileSync(path.join(dir, 'assets/big-1a2b.js'), 'x'.repeat(101))
      writeFileSync(path.join(dir, 'assets/small-1a2b.js'), 'x'.repeat(100))
      writeFileSync(path.join(dir, 'photo.png'), 'x'.repeat(500))
      expect(await largeFiles(dir, 100, /\.(?:js|css|html)$/)).toEqual(['assets/big-1a2b.js', 'big/index.html'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('pages are left to the network first, kept offline, and not answered by the shell', () => {
    const rules = largeFileRules(['ja/long-talk/index.html', 'assets/long-talk-1a2b.js'], '/parley/')
    expect(rules.globIgnores).toEqual(['ja/long-talk/index.html', 'assets/long-talk-1a2b.js'])
    const [deny] = rules.navigateFallbackDenylist
    for (const p of ['/parley/ja/long-talk', '/parley/ja/long-talk/', '/parley/ja/long-talk?speaker=a']) expect(deny!.test(p), p).toBe(true)
    for (const p of ['/parley/ja/long-talk-2', '/ja/long-talk', '/parley/ja/other']) expect(deny!.test(p), p).toBe(false)
    const [page, chunk] = rules.runtimeCaching
    expect(page!.handler).toBe('NetworkFirst')
    const pageUrl = page!.urlPattern as RegExp
    expect(pageUrl.test('https://site.test/parley/ja/long-talk#turn-4321')).toBe(true)
    expect(pageUrl.test('https://site.test/parley/ja/long-talk-2')).toBe(false)
    expect(chunk!.handler).toBe('CacheFirst')
    const chunkUrl = chunk!.urlPattern as RegExp
    expect(chunkUrl.test('https://site.test/parley/assets/long-talk-1a2b.js')).toBe(true)
    expect(chunkUrl.test('https://site.test/parley/assets/long-talk-1a2bXjs')).toBe(false)
  })

  it('add nothing when every file fits', () => {
    expect(largeFileRules([], '/')).toEqual({ globIgnores: [], navigateFallbackDenylist: [], runtimeCaching: [] })
  })
})
