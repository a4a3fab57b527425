declare module 'virtual:interviews' {
  import type { Interview } from '../core/types'
  import type { InterviewSummary } from './summary'

  /** Every built-in interview, newest first. */
  export const summaries: InterviewSummary[]
  /** One lazy chunk per interview, keyed by address (`sig-x`, `ja/sig-x`): only the opened one is downloaded. */
  export const loaders: Record<string, () => Promise<{ default: Interview }>>
}
