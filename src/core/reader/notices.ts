/**
 * What is wrong with the view state a URL asked for (a section or turn the interview does not
 * have, unknown speakers, a linked turn the filter hides), as state: the component that shows it
 * words it in the UI's language. Pure; only the notices' component loads it.
 */
import type { MessageKey } from '../../i18n/messages'
import type { Target } from './url-state'

export interface Notice {
  key: string
  message: MessageKey
  params: Record<string, string | number>
}

export interface NoticeInput {
  /** Null while no interview is open. */
  sectionIds: readonly string[] | null
  target: Target | null
  /** Whether the target turn exists. */
  turnFound: boolean
  turnCount: number
  unknownSpeakers: readonly string[]
  /** A linked turn shown though the filter hides it. */
  forcedTurnId: string | null
}

export function viewNotices(v: NoticeInput): Notice[] {
  const list: Notice[] = []
  const tg = v.target
  if (v.sectionIds && tg?.kind === 'section' && !v.sectionIds.includes(tg.id)) {
    list.push({ key: `section:${tg.id}`, message: 'unknownSection', params: { id: tg.id } })
  }
  if (v.sectionIds && tg?.kind === 'turn' && !v.turnFound) {
    list.push({ key: `turn:${tg.id}`, message: 'unknownTurn', params: { id: tg.id, n: v.turnCount } })
  }
  if (v.unknownSpeakers.length > 0) {
    list.push({ key: `speaker:${v.unknownSpeakers.join()}`, message: 'unknownSpeaker', params: { ids: v.unknownSpeakers.join(', ') } })
  }
  if (v.forcedTurnId) list.push({ key: `forced:${v.forcedTurnId}`, message: 'targetHidden', params: {} })
  return list
}
