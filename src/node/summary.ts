import type { Interview, Role } from '../core/types'

/** What the list page needs: small enough to ship every interview's summary in the main bundle. */
export interface InterviewSummary {
  slug: string
  lang: string
  title: string
  description: string | null
  date: string | null
  tags: string[]
  turnCount: number
  speakers: { id: string; name: string; role: Role; turnCount: number }[]
}

export function summarise(interview: Interview): InterviewSummary {
  const { meta } = interview
  return {
    slug: interview.slug,
    lang: interview.lang,
    title: meta.title,
    description: meta.description,
    date: meta.date,
    tags: meta.tags,
    turnCount: interview.speakers.reduce((n, s) => n + s.turnCount, 0),
    speakers: interview.speakers.map(({ id, name, role, turnCount }) => ({ id, name, role, turnCount })),
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
