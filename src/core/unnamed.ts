/**
 * A side nobody names ("the interviewer", "the interviewees") is called by the UI's word for its role,
 * in the reader's language: the model keeps only the key (`Speaker.unnamed`), and whoever shows a
 * name words it (the components through i18n, the build's English pages, an export).
 */
import type { Interview, Role } from './types'

export type UnnamedKey = 'interviewer' | 'interviewees'
export type RoleWords = Record<UnnamedKey, string>

/** The message key of an unnamed side of `role`. */
export const unnamedKey = (role: Role): UnnamedKey => (role === 'interviewer' ? 'interviewer' : 'interviewees')

/** The name to show for a speaker: its own, or for a side nobody names `words[role]`. */
export function speakerDisplayName(speaker: { name: string; role: Role; unnamed?: true }, words: RoleWords): string {
  return speaker.unnamed ? words[unnamedKey(speaker.role)] : speaker.name
}

/**
 * The interview with each unnamed speaker called `words[role]`, for what leaves the reader as text
 * (an export, a quote, a build's page); its key and id stay aliases, so links keep working.
 */
export function nameUnnamedSpeakers(interview: Interview, words: RoleWords): Interview {
  if (!interview.speakers.some((s) => s.unnamed)) return interview
  const speakers = interview.speakers.map((speaker) => {
    if (!speaker.unnamed) return speaker
    const key = unnamedKey(speaker.role)
    const name = words[key]
    return { ...speaker, name, aliases: [...new Set([name, key, speaker.id])] }
  })
  return { ...interview, speakers }
}
