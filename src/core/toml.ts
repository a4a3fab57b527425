/**
 * The TOML reader for `+++` front matter. It is passed to `parseInterview` (`options.readToml`) rather
 * than imported by the parser: Hugo's TOML front matter is rare in what people open, and the browser
 * loads this module (and smol-toml) only for a text that opens with `+++` (`needsToml`).
 */
import { parse, TomlError } from 'smol-toml'

export type TomlResult = { ok: true; value: Record<string, unknown> } | { ok: false; line: number; message: string }
export type TomlReader = (text: string) => TomlResult

export const readToml: TomlReader = (text) => {
  try {
    return { ok: true, value: parse(text) as Record<string, unknown> }
  } catch (error) {
    if (!(error instanceof TomlError)) throw error
    return { ok: false, line: error.line, message: error.message.split('\n')[0] ?? 'malformed TOML' }
  }
}
