declare module 'virtual:interview-summaries' {
  import type { InterviewSummary } from '../core/reader/summary'

  /** Every built-in interview, newest first. */
  export const summaries: InterviewSummary[]
}

declare module 'virtual:interviews' {
  import type { Interview } from '../core/types'

  /** One lazy chunk per interview, keyed by address (`sig-x`, `ja/sig-x`): only the opened one is downloaded. */
  export const loaders: Record<string, () => Promise<{ default: Interview }>>
}

interface ImportMetaEnv {
  /** The site URL the build was made for (`PARLEY_SITE_URL`), when one was set: see shareHref in src/core/reader/share.ts. */
  readonly PARLEY_SITE_URL?: string
}
