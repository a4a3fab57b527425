import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import { useReaderStore } from '../stores/reader'
import { useI18n, type I18n } from '../i18n'
import { useLinkSharing, type LinkOutcome, type LinkSharingOptions } from './use-link-sharing'

export interface TurnStatus {
  turnId: string
  text: string
}

const messages: Partial<Record<LinkOutcome, Parameters<I18n['t']>[0]>> = {
  copied: 'copied',
  'copied-instead': 'sharedByCopy',
  failed: 'copyFailed',
}

/**
 * The copy-link and share buttons of every turn, handled by one listener on the conversation
 * (event delegation): a 5,000-turn page then carries no per-turn listeners or state. Buttons are
 * found by `data-turn-action` inside an `article.turn`; the outcome is shown in that turn's status
 * (`status`, read by the sections) for a few seconds.
 */
export function useTurnLinks(options: LinkSharingOptions & { window?: Window } = {}): {
  status: ShallowRef<TurnStatus | null>
  onClick: (event: MouseEvent) => void
} {
  const win = options.window ?? globalThis.window
  const store = useReaderStore()
  const { t } = useI18n()
  const { copy, share } = useLinkSharing(options)
  const status = shallowRef<TurnStatus | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined

  function announce(turnId: string, outcome: LinkOutcome): void {
    const key = messages[outcome]
    status.value = { turnId, text: key ? t(key) : '' }
    clearTimeout(timer)
    timer = setTimeout(() => (status.value = null), 4000)
  }

  async function run(action: string, turnId: string): Promise<void> {
    const link = store.absoluteHrefFor(turnId, win.location.origin)
    announce(turnId, action === 'share' ? await share(link, win.document.title) : await copy(link))
  }

  function onClick(event: MouseEvent): void {
    const button = (event.target as Element | null)?.closest?.('button[data-turn-action]')
    const turnId = button?.closest('article.turn')?.id
    const action = button?.getAttribute('data-turn-action')
    if (turnId && action) void run(action, turnId)
  }

  onScopeDispose(() => clearTimeout(timer))
  return { status, onClick }
}
