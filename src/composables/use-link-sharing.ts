export type LinkOutcome = 'copied' | 'shared' | 'copied-instead' | 'cancelled' | 'failed'

export interface LinkSharingOptions {
  /** Injected so tests (and non-browser hosts) need no global mocks. */
  navigator?: Navigator
}

/**
 * Copy and share absolute links. Web Share needs a user gesture and a secure context and is missing
 * on most desktops; when it is unavailable the link is copied instead and the caller says so.
 */
export function useLinkSharing(options: LinkSharingOptions = {}): {
  canShare: boolean
  copy: (url: string) => Promise<LinkOutcome>
  share: (url: string, title: string) => Promise<LinkOutcome>
} {
  const nav = options.navigator ?? globalThis.navigator
  const canShare = typeof nav?.share === 'function'

  async function copy(url: string): Promise<LinkOutcome> {
    try {
      await nav.clipboard.writeText(url)
      return 'copied'
    } catch {
      return 'failed'
    }
  }

  async function share(url: string, title: string): Promise<LinkOutcome> {
    const data = { url, title }
    if (!canShare || (nav.canShare && !nav.canShare(data))) {
      return (await copy(url)) === 'copied' ? 'copied-instead' : 'failed'
    }
    try {
      await nav.share(data)
      return 'shared'
    } catch (error) {
      // The person closed the share sheet: not an error worth reporting.
      if (error instanceof Error && error.name === 'AbortError') return 'cancelled'
      return (await copy(url)) === 'copied' ? 'copied-instead' : 'failed'
    }
  }

  return { canShare, copy, share }
}
