/**
 * A side nobody names ("the interviewer", "the interviewees") is called by the UI's word for its role,
 * in the reader's language: the model keeps only the key. This writes those words into an interview
 * where it enters the UI (the reader's store, the build's pages), and again when the language changes.
 */
import type { Interview } from './types'

export type UnnamedKey = 'interviewer' | 'interviewees'
export type RoleWords = Record<UnnamedKey, string>

const keyOf = (role: string): UnnamedKey => (role === 'interviewer' ? 'interviewer' : 'interviewees')

/** The interview with each unnamed speaker called `words[role]`; its key and id stay aliases, so links keep working. */
export function nameUnnamedSpeakers(interview: Interview, words: RoleWords): Interview {
  if (!interview.speakers.some((s) => s.unnamed)) return interview
  const speakers = interview.speakers.map((speaker) => {
    if (!speaker.unnamed) return speaker
    const key = keyOf(speaker.role)
    const name = words[key]
    return { ...speaker, name, aliases: [...new Set([name, key, speaker.id])] }
  })
  return { ...interview, speakers }
}
