import type { enLocal } from './messages-local'
import type { enParts } from './messages-parts'

/**
 * The UI strings in English that the page's frame (the entry chunk) shows or announces: the rest
 * arrive with the parts that use them (messages-parts.ts) and with the features for opening your
 * own interviews (messages-local.ts). `{name}` placeholders are filled by `t()`.
 */
export const en = {
  skipToContent: 'Skip to content',
  contentCredit: 'Each interview names its source and licence on its own page.',
  interviewer: 'Interviewer',
  interviewees: 'Interviewees',
  copyLink: 'Copy link to turn {n}',
  copyFailed: 'Could not copy; the link is in the address bar',
  share: 'Share turn {n}',
  sharedByCopy: 'Sharing is not available here, so the link was copied',
  loading: 'Loading…',
  loadError: 'This interview could not be loaded: {message}',
  dismiss: 'Dismiss notice',
  appError: 'Something went wrong: {message}',
  reload: 'Reload',
  turnLinkCopied: 'Link to turn {n} copied',
  expandTurn: 'Show',
} as const

/** Every UI string's key: the frame's, the parts' (messages-parts.ts) and the opened files' (messages-local.ts). */
export type MessageKey = keyof typeof en | keyof typeof enParts | keyof typeof enLocal
