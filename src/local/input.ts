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

/** Decode bytes as strict UTF-8; NUL bytes mean a binary file even when they happen to decode. */
export function checkBytes(bytes: Uint8Array): InputCheck {
  const size = checkSize(bytes.byteLength)
  if (size) return { ok: false, problem: size }
  if (bytes.includes(0)) return { ok: false, problem: { code: 'binary' } }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, problem: { code: 'encoding' } }
  }
  return checkText(text)
}

/** Pasted text is already a string, but gets the same emptiness, size and HTML checks. */
export function checkText(text: string): InputCheck {
  if (checkSize(new TextEncoder().encode(text).byteLength)) return { ok: false, problem: tooLarge }
  if (text.includes('\u0000')) return { ok: false, problem: { code: 'binary' } }
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (trimmed === '') return { ok: false, problem: { code: 'empty' } }
  if (/^(<!doctype html|<html[\s>])/i.test(trimmed)) return { ok: false, problem: { code: 'html' } }
  return { ok: true, text }
}
