import { isMap, parseDocument } from 'yaml'
import type { SpeakerDeclaration } from '../core/types'

export type RewriteResult = { ok: true; source: string } | { ok: false; line: number; message: string }

const FENCE = /^---[ \t]*$/
const CLOSE = /^(---|\.\.\.)[ \t]*$/

/**
 * Put the `parley.speakers` block the parser accepts into the source's front matter (adding front
 * matter if there is none), replacing an earlier block and keeping every other key and comment.
 * The same rule as the parser decides what front matter is: `---` on line 1 up to the next fence.
 */
export function withSpeakersBlock(source: string, speakers: SpeakerDeclaration[]): RewriteResult {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const lines = text.split('\n')
  const hasFrontMatter = FENCE.test(lines[0] ?? '')
  const close = hasFrontMatter ? lines.findIndex((line, i) => i > 0 && CLOSE.test(line)) : -1
  if (hasFrontMatter && close === -1) return { ok: false, line: 1, message: 'front matter opened with "---" on line 1 is never closed' }

  const doc = parseDocument(hasFrontMatter ? lines.slice(1, close).join('\n') : '')
  const error = doc.errors[0]
  if (error) return { ok: false, line: (error.linePos?.[0]?.line ?? 1) + 1, message: error.message.split('\n')[0] ?? 'invalid YAML' }
  if (doc.contents !== null && !isMap(doc.contents)) return { ok: false, line: 2, message: 'front matter must be a YAML mapping' }

  const block = speakers.map(({ name, role, aliases }) => (aliases.length > 0 ? { name, role, aliases } : { name, role }))
  const parley = doc.get('parley')
  if (isMap(parley)) parley.set('speakers', doc.createNode(block))
  else doc.set('parley', doc.createNode({ speakers: block }))

  const body = hasFrontMatter ? lines.slice(close + 1) : lines
  return { ok: true, source: ['---', doc.toString().trimEnd(), '---', ...body].join('\n') }
}
