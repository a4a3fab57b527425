import type { Interview, ParseError } from '../core/types'
import type { InputProblem } from './input'
import type { StorageProblem } from './idb'

/** What is kept per opened interview. The parsed model is stored too, so a reload needs no parser. */
export interface LocalRecord {
  slug: string
  file: string | null
  /** The source as it is now: after "Fix speakers" it carries the `parley.speakers` block. */
  source: string
  addedAt: string
  /** True once the person chose the speakers (the block in `source` is theirs). */
  speakersFixed: boolean
  interview: Interview
}

/** Everything that can go wrong opening an interview, each with its own message. */
export type OpenProblem =
  | InputProblem
  | { code: 'parse'; line: number | null; message: string }
  | { code: 'url' }
  | { code: 'network' }
  | { code: 'http'; status: number }
  | { code: 'no-speakers' }
  | { code: 'too-slow'; seconds: number }

export type OpenResult =
  | { ok: true; record: LocalRecord; storage: StorageProblem | null }
  | { ok: false; problem: OpenProblem }

export function parseProblem(error: ParseError): OpenProblem {
  return { code: 'parse', line: error.line, message: error.message }
}
