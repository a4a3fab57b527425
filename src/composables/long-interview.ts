import type { Interview } from '../core/types'

/**
 * From how many blocks (turns + narration) an interview counts as long. Only long interviews get
 * `content-visibility: auto` on their runs of turns (reader.css, `.reader__content--long`): it saves
 * the layout of thousands of turns, but every skipped run is laid out at a guessed height first, so
 * runs that come into view resize and move what is below them, and a deep link lands by the
 * guesses (see keepInPlace). An interview of a few dozen turns lays out whole in a few
 * milliseconds, the way a static page does: no guesses, no layout shift, exact anchors.
 */
export const LONG_INTERVIEW_BLOCKS = 200

export function isLongInterview(interview: Pick<Interview, 'sections'>): boolean {
  let blocks = 0
  for (const section of interview.sections) {
    blocks += section.blocks.length
    if (blocks >= LONG_INTERVIEW_BLOCKS) return true
  }
  return false
}
