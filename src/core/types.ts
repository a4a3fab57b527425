/**
 * Parley's data model: what the parser produces and what the reader renders.
 * Everything here is plain JSON (no classes, no functions) so an `Interview` can be
 * serialised at build time, posted from a worker, or stored in IndexedDB unchanged.
 */

export type Role = 'interviewer' | 'interviewee'

/** 1-based, inclusive line numbers in the source file (front matter included). */
export interface LineRange {
  start: number
  end: number
}

export interface Speaker {
  /** Stable id used in URLs (`?speaker=`) and `data-speaker`; derived from the name. */
  id: string
  /** Display name: the label form used most often (`FSM`, `Arujjwal`). */
  name: string
  /** Every label or byline form seen for this person, including `name`. */
  aliases: string[]
  role: Role
  turnCount: number
  /** True when the speaker was never labelled and the name was inferred (byline, intro, role). */
  inferred: boolean
  /**
   * Nobody names this side: `name` is then the role's key (`interviewer`, `interviewees`); whatever
   * shows the name words it in the reader's language (`useSpeakerNames`, `nameUnnamedSpeakers`).
   */
  unnamed?: true
}

export interface Turn {
  kind: 'turn'
  /** `turn-N`, 1-based in document order; never changes with filters. */
  id: string
  /** Speaker id (see `Speaker.id`). */
  speaker: string
  role: Role
  /** The label exactly as written, markup removed (`Frederico (FSM)`); null when unlabelled. */
  label: string | null
  sectionId: string
  lines: LineRange
  /** Sanitised HTML of the turn body, speaker label removed. */
  html: string
  /** Plain text of the turn body, speaker label removed. */
  text: string
  /** The transcript's timestamp for this turn (`00:12:03`), when the article gives one. */
  time?: string
}

export interface Narration {
  kind: 'narration'
  sectionId: string
  lines: LineRange
  html: string
  text: string
  /**
   * Only byline paragraphs (`作者：…`, `**Author:** …`), whose names are in `meta.authors` and
   * `meta.translators`: the reader shows those once, in its header, and skips this block.
   */
  byline?: true
}

export type Block = Turn | Narration

export interface Section {
  /**
   * GitHub-style slug of the heading (CJK kept; an explicit `{#anchor}` wins), or `parley-intro` for
   * the text before the first heading. Never of the form `turn-N`; the `parley-` prefix is reserved.
   */
  id: string
  /** Heading text without markup or `{#anchor}`; null for the intro. */
  title: string | null
  /** Source lines of the heading; null for the intro. */
  headingLines: LineRange | null
  blocks: Block[]
}

export interface InterviewMeta {
  title: string
  description: string | null
  /** ISO date string as written in the front matter (`2024-03-02T16:30:31+08:00`), or null. */
  date: string | null
  tags: string[]
  /** Author and translator names from the front matter or the byline. */
  authors: string[]
  translators: string[]
  canonicalUrl: string | null
  /** Every front-matter key as parsed, for anything not lifted above. */
  frontMatter: Record<string, unknown>
}

export interface Interview {
  /** From front matter `slug`, else the file name without extension. */
  slug: string
  file: string | null
  /** BCP 47-ish language tag (`zh-cn`, `en`, `ja`): front matter, file name, then script detection. */
  lang: string
  meta: InterviewMeta
  speakers: Speaker[]
  sections: Section[]
  /** Candidate labels that were seen but not accepted as speakers (for "Fix speakers"). */
  rejectedLabels: string[]
}

export interface ParseError {
  kind: 'parse-error'
  file: string | null
  /** 1-based line in the source file, when the problem has one. */
  line: number | null
  message: string
}

export type ParseResult = { ok: true; interview: Interview } | { ok: false; error: ParseError }

/**
 * The optional front-matter block that states speakers explicitly and overrides inference:
 *
 * ```yaml
 * parley:
 *   speakers:
 *     - name: Arujjwal
 *       role: interviewer
 *       aliases: [Arujjwal Negi]
 *     - name: Michael
 *       role: interviewee
 * ```
 */
export interface SpeakerDeclaration {
  name: string
  role: Role
  aliases: string[]
}
