import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkBytes, checkFileName, checkText, MAX_BYTES } from '../../src/local/input'
import { readTextFile } from '../../src/local/read-file'
import { cleanSlug, slugProblem } from '../../src/core/slug-rule'
import { slugCandidates, uniqueSlug } from '../../src/local/slug'
import { fileNameFromUrl, isFetchableUrl, toRawUrl } from '../../src/local/url'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('checkBytes / checkText', () => {
  it('accepts UTF-8 Markdown with CJK; the decoder drops a BOM', () => {
    expect(checkBytes(utf8('\uFEFF# 标题\n\nAda: hi'))).toEqual({ ok: true, text: '# 标题\n\nAda: hi' })
  })
  it('calls empty and whitespace-only input empty', () => {
    expect(checkBytes(new Uint8Array())).toEqual({ ok: false, problem: { code: 'empty' } })
    expect(checkText(' \n\t\n')).toEqual({ ok: false, problem: { code: 'empty' } })
  })
  it('calls NUL bytes binary, even when they decode as UTF-8', () => {
    expect(checkBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d]))).toEqual({ ok: false, problem: { code: 'binary' } })
    expect(checkBytes(utf8('abc\u0000def'))).toEqual({ ok: false, problem: { code: 'binary' } })
  })
  it('refuses Latin-1 and other non-UTF-8 text', () => {
    // "café" in ISO-8859-1: 0xE9 is not valid UTF-8 on its own.
    expect(checkBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ ok: false, problem: { code: 'encoding' } })
  })
  it('refuses input over the limit and says which limit', () => {
    expect(checkBytes(new Uint8Array(MAX_BYTES + 1).fill(0x61))).toEqual({ ok: false, problem: { code: 'too-large', limitMb: 5 } })
    expect(checkText('a'.repeat(MAX_BYTES + 1))).toMatchObject({ ok: false, problem: { code: 'too-large' } })
    expect(checkBytes(new Uint8Array(MAX_BYTES).fill(0x61)).ok).toBe(true)
  })
  it('recognises an HTML page by its start, not by HTML inside Markdown', () => {
    expect(checkText('\n  <!DOCTYPE html><html><body>…')).toEqual({ ok: false, problem: { code: 'html' } })
    expect(checkText('<html lang="en">')).toEqual({ ok: false, problem: { code: 'html' } })
    expect(checkText('# Title\n\n<html> is a tag')).toMatchObject({ ok: true })
    expect(checkText('<htmlish> text')).toMatchObject({ ok: true })
  })
  it('recognises a saved page that starts with a comment, and a <head> or <body> fragment, as HTML', () => {
    expect(checkText('<!-- saved from url=(0036)https://kubernetes.io/blog/x/ -->\n<html><head>')).toEqual({ ok: false, problem: { code: 'html' } })
    expect(checkText('\uFEFF<!-- a -->\n<!-- b -->\n<!DOCTYPE html>')).toEqual({ ok: false, problem: { code: 'html' } })
    expect(checkText('<body class="post">\n<p>Ada: hi</p>')).toEqual({ ok: false, problem: { code: 'html' } })
    expect(checkText('<head><title>x</title></head>')).toEqual({ ok: false, problem: { code: 'html' } })
    // Markdown that merely starts with a comment (a Kubernetes translation) is Markdown.
    expect(checkText('<!-- original: en -->\n# Title\n\nAda: hi')).toMatchObject({ ok: true })
    expect(checkText('<!-- never closed <html>')).toMatchObject({ ok: true })
    expect(checkText('<bodyguard> text')).toMatchObject({ ok: true })
  })
  it('reads UTF-16 with a byte-order mark as UTF-16 (little and big endian), not as binary', () => {
    const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
      const bytes = new Uint8Array(2 + text.length * 2)
      const view = new DataView(bytes.buffer)
      view.setUint16(0, 0xfeff, !bigEndian)
      for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), !bigEndian)
      return bytes
    }
    expect(checkBytes(utf16('# 标题\n\nAda: hi', false))).toEqual({ ok: true, text: '# 标题\n\nAda: hi' })
    expect(checkBytes(utf16('# 标题\n\nAda: hi', true))).toEqual({ ok: true, text: '# 标题\n\nAda: hi' })
    // A real NUL character in UTF-16 text is still binary data; a lone surrogate is not text.
    expect(checkBytes(utf16('a\u0000b', false))).toEqual({ ok: false, problem: { code: 'binary' } })
    expect(checkBytes(utf16('a\uD800b', false))).toEqual({ ok: false, problem: { code: 'encoding' } })
    // An odd number of bytes after the mark cannot be UTF-16.
    expect(checkBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]))).toEqual({ ok: false, problem: { code: 'encoding' } })
  })
})

describe('file names and reading files', () => {
  it('accepts .md, .markdown and .txt in any case, nothing else', () => {
    expect(checkFileName('a.md')).toBeNull()
    expect(checkFileName('A.MARKDOWN')).toBeNull()
    expect(checkFileName('notes.txt')).toBeNull()
    expect(checkFileName('photo.png')).toEqual({ code: 'type', extensions: '.md, .markdown, .txt' })
  })
  it('refuses by name and size before reading any byte', async () => {
    const never = (): Promise<ArrayBuffer> => Promise.reject(new Error('must not read'))
    expect(await readTextFile({ name: 'a.pdf', size: 10, arrayBuffer: never })).toMatchObject({ ok: false, problem: { code: 'type' } })
    expect(await readTextFile({ name: 'a.md', size: MAX_BYTES + 1, arrayBuffer: never })).toMatchObject({ ok: false, problem: { code: 'too-large' } })
    const bytes = utf8('Ada: hi')
    expect(await readTextFile({ name: 'a.md', size: bytes.byteLength, arrayBuffer: async () => bytes.buffer as ArrayBuffer })).toEqual({ ok: true, text: 'Ada: hi' })
  })
})

describe('URLs', () => {
  it('turns GitHub blob pages into raw URLs, keeping nested paths and encoded names', () => {
    expect(toRawUrl('https://github.com/kubernetes/website/blob/main/content/zh-cn/blog/_posts/x/index.md')).toBe(
      'https://raw.githubusercontent.com/kubernetes/website/main/content/zh-cn/blog/_posts/x/index.md',
    )
    expect(toRawUrl('  https://github.com/o/r/blob/v1.0/a%20b.md?plain=1#L3 ')).toBe('https://raw.githubusercontent.com/o/r/v1.0/a%20b.md')
  })
  it('leaves other URLs and non-blob GitHub pages alone', () => {
    expect(toRawUrl('https://github.com/o/r/tree/main/docs')).toBe('https://github.com/o/r/tree/main/docs')
    expect(toRawUrl('https://example.com/blob/a/b/c.md')).toBe('https://example.com/blob/a/b/c.md')
    expect(toRawUrl('not a url')).toBe('not a url')
  })
  it('fetches only http(s) and names the file after the last segment', () => {
    expect(isFetchableUrl('https://x.org/a.md')).toBe(true)
    expect(isFetchableUrl('file:///etc/passwd')).toBe(false)
    expect(isFetchableUrl('javascript:alert(1)')).toBe(false)
    expect(isFetchableUrl('x.org/a.md')).toBe(false)
    expect(fileNameFromUrl('https://x.org/posts/%E8%AE%BF%E8%B0%88.zh-cn.md')).toBe('访谈.zh-cn.md')
    expect(fileNameFromUrl('https://x.org/')).toBeNull()
  })
})

describe('slugs', () => {
  it('keeps a free slug and suffixes a taken one with the first free number', () => {
    expect(uniqueSlug('talk', new Set())).toBe('talk')
    expect(uniqueSlug('talk', new Set(['talk']))).toBe('talk-2')
    expect(uniqueSlug('talk', new Set(['talk', 'talk-2', 'talk-3']))).toBe('talk-4')
  })
  it('makes one path segment of any front-matter slug, keeping CJK', () => {
    expect(cleanSlug('blog/2024/访谈 一')).toBe('blog-2024-访谈-一')
    expect(cleanSlug(' /?# ')).toBe('interview')
    expect(uniqueSlug('a/b', new Set(['a-b']))).toBe('a-b-2')
  })
  it('never gives a file opened in the browser the slug "." or "..", a control character or a lone surrogate', () => {
    expect(cleanSlug('..')).toBe('interview')
    expect(cleanSlug('.')).toBe('interview')
    expect(cleanSlug('../..')).toBe('interview')
    expect(cleanSlug('a\u0000b\u202Ec\uD800')).toBe('a-b\u202Ec')
    expect(cleanSlug('..a')).toBe('a')
    expect(cleanSlug('访'.repeat(1000))).toBe('访'.repeat(62))
    const first = (slug: string): string[] => {
      const all = slugCandidates(slug)
      return [all.next().value, all.next().value]
    }
    expect(first('..')).toEqual(['interview', 'interview-2'])
  })
  it('every cleaned slug and each of its suffixed forms follows the slug rule', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('.', '/', '\\', ' ', '-', '%', '\u0000', '\uD800', '访') })), fc.integer({ min: 2, max: 99999 }), (text, n) => {
          const slug = cleanSlug(text)
          expect(slugProblem(slug)).toBeNull()
          expect(slugProblem(`${slug}-${n}`)).toBeNull()
          expect(() => encodeURIComponent(slug)).not.toThrow()
        }),
      { numRuns: 2000, seed: 15 },
    )
    // 2,000 generated slugs: well under a second alone, past vitest's 5 s default on a loaded CI machine.
  }, 60_000)
})
