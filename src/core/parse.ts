import type { ParseResult } from './types'

export interface ParseOptions {
  /** File name, used for the slug fallback, language hints and error messages. */
  file?: string | null
}

/** Parse an interview article (Markdown + optional YAML front matter). Never throws. */
export function parseInterview(source: string, options: ParseOptions = {}): ParseResult {
  void source
  return { ok: false, error: { kind: 'parse-error', file: options.file ?? null, line: null, message: 'not implemented yet' } }
}
