import { parseInterview } from '../../src/core/parse'
import { readToml } from '../../src/core/toml'
import type { Interview, Turn } from '../../src/core/types'

/** Parse and fail the test with the parser's own message when the input is rejected. */
export function parseOk(source: string, file = 'fixture.md'): Interview {
  const result = parseInterview(source, { file, readToml })
  if (!result.ok) throw new Error(`expected a parse, got: ${result.error.message} (line ${result.error.line})`)
  return result.interview
}

export function turnsOf(interview: Interview): Turn[] {
  return interview.sections.flatMap((s) => s.blocks.filter((b): b is Turn => b.kind === 'turn'))
}

/** `[speaker name, role, first words]` per turn: the shape every form test compares. */
export function conversation(interview: Interview, words = 3): Array<[string, string, string]> {
  const names = new Map(interview.speakers.map((s) => [s.id, s.name]))
  return turnsOf(interview).map((t) => [names.get(t.speaker) ?? '?', t.role, t.text.split(/\s+/).slice(0, words).join(' ')])
}

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || png.subarray(12, 16).toString('ascii') !== 'IHDR') return null
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}
