import { useReaderStore } from '../stores/reader'
import { useI18n } from '../i18n'
import { useLinkSharing, type LinkOutcome, type LinkSharingOptions } from './use-link-sharing'

export interface TurnLinkOptions extends LinkSharingOptions {
  window?: Window
  /** Where the outcome is said (the page's one toast). */
  notify: (text: string) => void
  jump: (id: string) => void
}

/**
 * The permalink, copy, share and expand controls of every turn, handled by one listener on the
 * conversation (event delegation): a 5,000-turn page then carries no per-turn listeners or state.
 * Controls are found by `data-turn-action` (or the `#N` permalink) inside an `article.turn`.
 */
export function useTurnLinks(options: TurnLinkOptions): { canShare: boolean; onClick: (event: MouseEvent) => void } {
  const win = options.window ?? globalThis.window
  const store = useReaderStore()
  const { t } = useI18n()
  const { canShare, copy, share } = useLinkSharing(options)

  function say(turnId: string, outcome: LinkOutcome): void {
    if (outcome === 'copied') options.notify(t('turnLinkCopied', { n: turnId.slice(5) }))
    else if (outcome === 'copied-instead') options.notify(t('sharedByCopy'))
    else if (outcome === 'failed') options.notify(t('copyFailed'))
  }

  async function run(action: string, turnId: string): Promise<void> {
    if (action === 'expand') return store.expand([turnId])
    const link = store.absoluteHrefFor(turnId, win.location.origin)
    say(turnId, action === 'share' ? await share(link, win.document.title) : await copy(link))
  }

  function onClick(event: MouseEvent): void {
    const control = (event.target as Element | null)?.closest?.('[data-turn-action], a.turn__permalink')
    const turnId = control?.closest('article.turn')?.id
    if (!control || !turnId) return
    if (control.tagName === 'A') {
      // A new tab or window keeps the browser's own handling of the relative `#turn-N` link.
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return
      event.preventDefault()
      options.jump(turnId)
      return
    }
    void run(control.getAttribute('data-turn-action') ?? '', turnId)
  }

  return { canShare, onClick }
}
