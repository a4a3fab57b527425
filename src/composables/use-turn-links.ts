import { useReaderStore } from '../stores/reader'
import { useI18n } from '../i18n'
import { useLinkSharing, type LinkOutcome, type LinkSharingOptions } from './use-link-sharing'
import { whenHydrated } from '../ssr/lazy-hydration'

export interface TurnLinkOptions extends LinkSharingOptions {
  window?: Window
  /** Where the outcome is said (the page's one toast). */
  notify: (text: string) => void
  jump: (id: string) => void
}

export interface TurnLinks {
  canShare: boolean
  onClick: (event: MouseEvent) => void
  /** Move the turn toolbar to the turn an event (hover, touch, focus) happened in. */
  attach: (event: Event) => void
}

/**
 * The permalink and the Show / Copy link / Share controls of every turn, handled by one listener
 * on the conversation (event delegation): a 5,000-turn page carries no per-turn listeners or state.
 * The buttons are one toolbar, made in the browser (they do nothing without JavaScript) and moved
 * into the header of the turn last hovered, touched or focused: each turn's markup keeps only its
 * `#N` permalink, the keyboard's way in (Tab from it reaches the toolbar, placed right after it).
 * A collapsed turn (filtered out) also opens with a click or tap on its one-line preview.
 * Controls are found by `data-turn-action` (or the `#N` permalink) inside an `article.turn`.
 */
export function useTurnLinks(options: TurnLinkOptions): TurnLinks {
  const win = options.window ?? globalThis.window
  const store = useReaderStore()
  const { t } = useI18n()
  const { canShare, copy, share } = useLinkSharing(options)
  let toolbar: HTMLElement | null = null

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

  function button(action: string, className: string): HTMLButtonElement {
    const el = win.document.createElement('button')
    el.type = 'button'
    el.className = className
    el.dataset.turnAction = action
    return el
  }

  function attach(event: Event): void {
    const target = event.target as Element | null
    // Focus on a turn itself is a deep link landing (useTargetFocus): the toolbar would move its text.
    if (event.type === 'focusin' && !target?.closest?.('article.turn > header')) return
    const turn = target?.closest?.('article.turn')
    // Not into markup still waiting to hydrate: Vue would take the toolbar for a mismatch and drop it.
    if (turn) void whenHydrated().then(() => place(turn))
  }

  function place(turn: Element): void {
    const header = turn.querySelector(':scope > header')
    if (!header) return
    toolbar ??= win.document.createElement('span')
    if (toolbar.parentElement === header) return
    const n = turn.id.slice(5)
    const expand = button('expand', 'turn__expand chip-button')
    expand.textContent = t('expandTurn')
    const link = button('copy', 'icon-button icon-button--link')
    link.setAttribute('aria-label', t('copyLink', { n }))
    const send = button('share', 'icon-button icon-button--share')
    send.setAttribute('aria-label', t('share', { n }))
    toolbar.className = 'turn-actions'
    // Built afresh for each turn: the labels name it, in the current UI language.
    toolbar.replaceChildren(expand, link, send)
    header.append(toolbar)
  }

  function onClick(event: MouseEvent): void {
    const target = event.target as Element | null
    const control = target?.closest?.('[data-turn-action], a.turn__permalink')
    // A one-line preview opens with a click (a tap) anywhere on it but its links.
    const collapsed = control ? null : target?.closest?.('article.turn[data-collapsed]')
    if (collapsed && !target?.closest('a')) return void run('expand', collapsed.id)
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

  return { canShare, onClick, attach }
}
