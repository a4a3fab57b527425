import { languageName, shapeOf, type Shape } from './translations'
import type { Interview, Role } from '../types'
import { readingMinutesOf } from './reading-time'

/**
 * What the list page needs: small enough to ship every interview's summary in the main bundle.
 * Runs in the browser too (interviews opened there are listed the same way).
 */
export interface InterviewSummary {
  slug: string
  /** Path below the site base (`sig-x`, `ja/sig-x`): the reader's route and the loader's key. */
  address: string
  /** Translation group (see groupTranslations): summaries with the same one are one interview. */
  group: string
  lang: string
  /** The language's own name (`日本語`), for language links. */
  langName: string
  /** Sections and turns per section, to keep the reader's place when switching language. */
  shape: Shape
  title: string
  description: string | null
  date: string | null
  tags: string[]
  turnCount: number
  /** Minutes to read the whole text (CJK by characters, see ./reading-time.ts). */
  readingMinutes: number
  /** `unnamed`: a side nobody names, which the UI words (src/core/unnamed.ts). */
  speakers: { id: string; name: string; role: Role; turnCount: number; unnamed?: true }[]
}

export function summarise(interview: Interview, address = interview.slug, group = address): InterviewSummary {
  const { meta } = interview
  return {
    slug: interview.slug,
    address,
    group,
    lang: interview.lang,
    langName: languageName(interview.lang),
    shape: shapeOf(interview),
    title: meta.title,
    description: meta.description,
    date: meta.date,
    tags: meta.tags,
    turnCount: interview.speakers.reduce((n, s) => n + s.turnCount, 0),
    readingMinutes: readingMinutesOf(interview.sections.flatMap((s) => s.blocks.map((b) => b.text))),
    speakers: interview.speakers.map(({ id, name, role, turnCount, unnamed }) => ({ id, name, role, turnCount, ...(unnamed && { unnamed }) })),
  }
}

/** Newest first; undated interviews last, then by title so the order is stable. */
export function sortSummaries(list: InterviewSummary[]): InterviewSummary[] {
  return [...list].sort((a, b) => {
    const ta = a.date ? Date.parse(a.date) : Number.NEGATIVE_INFINITY
    const tb = b.date ? Date.parse(b.date) : Number.NEGATIVE_INFINITY
    if (ta !== tb) return tb - ta
    return a.title.localeCompare(b.title)
  })
}
