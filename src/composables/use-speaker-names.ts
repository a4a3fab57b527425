import { nameUnnamedSpeakers, speakerDisplayName, type RoleWords } from '../core/unnamed'
import type { Interview, Role } from '../core/types'
import { useI18n } from '../i18n'

export interface SpeakerNames {
  /** The name to show for a speaker: a side nobody names gets the UI's word for its role. */
  nameOf: (speaker: { name: string; role: Role; unnamed?: true }) => string
  /** The interview with those words as names, for text that leaves the reader (export, quote, the build's pages). */
  worded: (interview: Interview) => Interview
}

/**
 * Speaker names in the UI's current language. The store and the model keep only the role key of a
 * side nobody names; whatever shows or writes out a name asks here, so a language switch re-words it.
 */
export function useSpeakerNames(): SpeakerNames {
  const { t } = useI18n()
  const words = (): RoleWords => ({ interviewer: t('interviewer'), interviewees: t('interviewees') })
  return {
    nameOf: (speaker) => speakerDisplayName(speaker, words()),
    worded: (interview) => nameUnnamedSpeakers(interview, words()),
  }
}
