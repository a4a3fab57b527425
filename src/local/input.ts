/**
 * Checks on what someone hands us (bytes from a file or a URL, or pasted text) before the parser
 * sees it. Pure, so every rejection is unit-tested; the UI only translates the code.
 */

/** 5 MB: the longest real interviews are ~200 kB; anything far bigger is almost surely not one. */
export const MAX_BYTES = 5 * 1024 * 1024
export const ACCEPTED_EXTENSIONS = ['.md', '.markdown', '.txt'] as const

export type InputProblem =
  | { code: 'empty' }
  | { code: 'binary' }
  | { code: 'encoding' }
  | { code: 'too-large'; limitMb: number }
  | { code: 'html' }
  | { code: 'type'; extensions: string }

export type InputCheck = { ok: true; text: string } | { ok: false; problem: InputProblem }

const tooLarge: InputProblem = { code: 'too-large', limitMb: MAX_BYTES / (1024 * 1024) }

/** Only a file name's extension: dropped folders, images and PDFs are refused before reading them. */
export function checkFileName(name: string): InputProblem | null {
  const lower = name.toLowerCase()
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext)) ? null : { code: 'type', extensions: ACCEPTED_EXTENSIONS.join(', ') }
}

export function checkSize(bytes: number): InputProblem | null {
  return bytes > MAX_BYTES ? tooLarge : null
}

/** UTF-16 when the bytes start with its byte-order mark (Windows editors save "Unicode" so), else UTF-8. */
function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return 'utf-8'
}

/**
 * Decode bytes strictly, as UTF-16 after its byte-order mark, else as UTF-8. In UTF-8 any NUL byte
 * means a binary file, even when it happens to decode; in UTF-16 half the bytes of ASCII text are
 * NUL, so only a decoded NUL character counts (checkText).
 */
export function checkBytes(bytes: Uint8Array): InputCheck {
  const size = checkSize(bytes.byteLength)
  if (size) return { ok: false, problem: size }
  const encoding = encodingOf(bytes)
  if (encoding === 'utf-8' && bytes.includes(0)) return { ok: false, problem: { code: 'binary' } }
  let text: string
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, problem: { code: 'encoding' } }
  }
  return checkText(text)
}

const HTML_START = /^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i

/**
 * Does the text open as an HTML page or fragment? Leading comments are skipped: browsers save pages
 * with `<!-- saved from url=… -->` first. Markdown that starts with a comment is still Markdown.
 */
function startsAsHtml(text: string): boolean {
  let pos = 0
  for (;;) {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos++
    if (!text.startsWith('<!--', pos)) break
    const end = text.indexOf('-->', pos + 4)
    if (end === -1) return false
    pos = end + 3
  }
  return HTML_START.test(text.slice(pos, pos + 16))
}

/** Pasted text is already a string, but gets the same emptiness, size and HTML checks. */
export function checkText(text: string): InputCheck {
  if (checkSize(new TextEncoder().encode(text).byteLength)) return { ok: false, problem: tooLarge }
  if (text.includes('\u0000')) return { ok: false, problem: { code: 'binary' } }
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (trimmed === '') return { ok: false, problem: { code: 'empty' } }
  if (startsAsHtml(trimmed)) return { ok: false, problem: { code: 'html' } }
  return { ok: true, text }
}
