/**
 * Share addresses and what a shared turn says about itself, pure so the build (share pages, preview
 * cards) and the browser (Copy link, Share, Copy quote) agree:
 *
 *   /<address>/turn-N        a prerendered share page of a turn (Open Graph tags, preview card)
 *   /<address>/<section-id>  the same for a section
 *
 * Both open the reader exactly as `/<address>#turn-N` does (the router redirects there), and the
 * `#` forms stay valid. Share pages exist only for built-in interviews on a site whose URL the
 * build knows (`PARLEY_SITE_URL`): elsewhere links keep the `#` form.
 */
import type { Interview, Role, Section, Speaker, Turn } from '../types'

/** How much of a turn a title quotes: enough to recognise it in a chat preview. */
const TITLE_WORDS_CHARS = 60
/** Open Graph descriptions are cut by every site at about 200–300 characters. */
const DESCRIPTION_CHARS = 280

/** `text` on one line, at most `max` characters, cut at a word boundary where there is one, with `…`. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const chars = Array.from(flat)
  if (chars.length <= max) return flat
  const head = chars.slice(0, max - 1).join('')
  // A space in the second half is a word boundary worth cutting at; CJK text has none and is cut anywhere.
  const space = head.lastIndexOf(' ')
  const cut = space > head.length / 2 ? head.slice(0, space) : head
  return `${cut.replace(/[\s,.;:，。；：、]+$/u, '')}…`
}

export interface SharedPair {
  /** The question this turn answers (the interviewer's turn just before it), when it is an answer. */
  question: Turn | null
  turn: Turn
}

/** Every turn of the interview in order. */
export function turnsOf(interview: Interview): Turn[] {
  return interview.sections.flatMap((s) => s.blocks.filter((b): b is Turn => b.kind === 'turn'))
}

/**
 * The question an answer answers: the turn just before, in the same section, asked by the
 * interviewer. A turn that is itself a question, or follows another answer, stands alone.
 */
export function pairAt(turns: readonly Turn[], index: number): SharedPair {
  const turn = turns[index]
  if (!turn) throw new RangeError(`no turn at index ${index}`)
  const before = turns[index - 1]
  const answers = turn.role === 'interviewee' && before?.role === 'interviewer' && before.sectionId === turn.sectionId
  return { question: answers ? before : null, turn }
}

/**
 * Question-and-answer pairs, each once: a question with the answer after it, and any turn that is
 * neither (a follow-up answer, a closing question) alone. `first` names the pair (its card).
 */
export function pairsOf(turns: readonly Turn[]): { first: Turn; question: Turn | null; answer: Turn | null }[] {
  const pairs: { first: Turn; question: Turn | null; answer: Turn | null }[] = []
  turns.forEach((turn, i) => {
    const { question } = pairAt(turns, i)
    if (question) {
      const last = pairs.at(-1)
      if (last?.question === question && !last.answer) last.answer = turn
      else pairs.push({ first: question, question, answer: turn })
    } else if (turn.role === 'interviewer') pairs.push({ first: turn, question: turn, answer: null })
    else pairs.push({ first: turn, question: null, answer: turn })
  })
  return pairs
}

export function speakerName(interview: Interview, id: string): string {
  return interview.speakers.find((s) => s.id === id)?.name ?? id
}

/** "Speaker: opening words — interview title", the title of a turn's share page. */
export function turnShareTitle(interview: Interview, turn: Turn): string {
  return `${speakerName(interview, turn.speaker)}: ${clip(turn.text, TITLE_WORDS_CHARS)} — ${interview.meta.title}`
}

/** The turn's text; for an answer, the question it answers first. */
export function turnShareDescription(interview: Interview, { question, turn }: SharedPair): string {
  const said = (t: Turn): string => `${speakerName(interview, t.speaker)}: ${t.text}`
  return clip(question ? `${said(question)} — ${said(turn)}` : turn.text, DESCRIPTION_CHARS)
}

export function sectionShareTitle(interview: Interview, section: Section): string {
  return `${section.title ?? interview.meta.title} — ${interview.meta.title}`
}

export function sectionShareDescription(section: Section): string {
  return clip(section.blocks.map((b) => b.text).join(' '), DESCRIPTION_CHARS)
}

/** Speakers with their colour index in the reader (`--speaker-N`, in the order of `speakers`). */
export function speakerColours(speakers: readonly Speaker[]): Map<string, { name: string; role: Role; colour: number }> {
  return new Map(speakers.map((s, i) => [s.id, { name: s.name, role: s.role, colour: i }]))
}

/** The path of a share page below the site's base: each segment percent-encoded. */
export function sharePath(address: string, id: string): string {
  return [...address.split('/'), id].map(encodeURIComponent).join('/')
}

export interface LinkContext {
  /** The site the build was made for (`PARLEY_SITE_URL`), or '' when none was configured. */
  site: string
  /** The app's base path (`/`, `/parley/`). */
  base: string
  address: string
  /** Whether the interview has share pages (built-in ones do; those opened in this browser do not). */
  builtIn: boolean
  /** The current query (`?speaker=…`), kept as it is. */
  search: string
}

/**
 * The link Copy link and Share give for a turn or section: the share page on a configured site,
 * else `hashHref` (the `#turn-N` form the reader resolved in the current view).
 */
export function shareHref(ctx: LinkContext, id: string, hashHref: string): string {
  if (!ctx.site || !ctx.builtIn) return hashHref
  const root = `${ctx.site.replace(/\/+$/, '')}/${ctx.base.replace(/^\/+|\/+$/g, '')}`.replace(/\/+$/, '')
  return `${root}/${sharePath(ctx.address, id)}${ctx.search}`
}

/** "Copy quote": the passage as a Markdown block quote, credited to its speaker and interview, with the link. */
export function quoteMarkdown({ text, speaker, title, url }: { text: string; speaker: string; title: string; url: string }): string {
  const quoted = text.trim().split(/\r?\n/).map((line) => (line.trim() ? `> ${line}` : '>')).join('\n')
  const escape = (s: string): string => s.replace(/[[\]\\*_`]/g, '\\$&')
  return `${quoted}\n>\n> — ${escape(speaker)}, [${escape(title)}](<${url.replace(/>/g, '%3E')}>)\n`
}
