import { watch, type Ref } from 'vue'
import { useReaderStore } from '../stores/reader'
import { topVisibleIndex, turnElements } from './use-active-section'
import type { NearRuns } from './near-runs'
import { afterNextPaint } from './yield-to-main'

/** Turns set in the filter's own task on a page whose runs near the screen are not known yet. */
const AT_ONCE = 200
/** Turns per later frame: off screen, a turn costs little more than its attribute (its run skips style and layout). */
const SLICE = 500

/**
 * Marks each turn the speaker filter hides with `data-collapsed` (CSS shows it as a one-line
 * preview). The attribute is set on the rendered articles rather than through the sections'
 * templates: a filter change then re-renders no component, which a 5,000-turn interview needs.
 * Vue never owns the attribute, so its patches leave it alone.
 * On a long interview only the turns near the screen change in the filter's own frame (the runs the
 * observer of near-runs.ts reports: nothing is measured, so the page is laid out once), and the
 * rest in slices after that frame is painted, nearest first (a newer change takes over): changing
 * 2,500 turns at once held the next paint for most of a second (issue 16).
 */
export function useCollapsedTurns(root: Ref<HTMLElement | null>): void {
  const store = useReaderStore()
  let run = 0

  /** The test of the change being applied (a newer change starts a run of its own). */
  let shown = store.turnShown

  function set(el: HTMLElement): void {
    el.toggleAttribute('data-collapsed', !shown(el.id, el.dataset.speaker ?? ''))
  }

  async function apply(): Promise<void> {
    const mine = ++run
    shown = store.turnShown
    const doc = root.value?.ownerDocument
    if (!doc) return
    const turns = turnsOf(doc)
    if (turns.length <= AT_ONCE) return turns.forEach(set)
    // Loaded for long interviews only: the entry stays small (it is in the chunk search loads anyway).
    const { nearRuns } = await import('./near-runs')
    if (mine !== run) return
    const from = setNearScreen(doc, turns, nearRuns(doc))
    // A linked or opened turn changes at once wherever it is: a jump to it comes next.
    for (const id of [store.forcedTurnId, ...store.expanded]) {
      const el = id ? doc.getElementById(id) : null
      if (el) set(el)
    }
    await afterNextPaint()
    const order = nearestFirst(turns.length, from)
    for (let start = 0; start < order.length; start += SLICE) {
      if (mine !== run) return
      order.slice(start, start + SLICE).forEach((i) => set(turns[i]!))
      await afterNextPaint()
    }
  }

  /** The page's turns, listed again only for another interview (Vue patches the same elements). */
  let listed: { interview: unknown; turns: HTMLElement[] } = { interview: null, turns: [] }
  function turnsOf(doc: Document): HTMLElement[] {
    const { turns } = listed
    if (listed.interview !== store.interview || !turns[0]?.isConnected || !turns[turns.length - 1]!.isConnected) {
      listed = { interview: store.interview, turns: turnElements(doc) }
    }
    return listed.turns
  }

  /** Set the turns near the screen; returns the index of the first of them. */
  function setNearScreen(doc: Document, turns: HTMLElement[], runs: NearRuns | null): number {
    if (!runs?.ready()) {
      const from = Math.max(0, topVisibleIndex(turns, 0))
      nearestFirst(turns.length, from).slice(0, AT_ONCE).forEach((i) => set(turns[i]!))
      return from
    }
    let first: HTMLElement | undefined
    for (const near of runs.near) {
      for (const el of near.getElementsByClassName('turn') as HTMLCollectionOf<HTMLElement>) {
        set(el)
        if (!first || first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) first = el
      }
    }
    return first ? Math.max(0, turns.indexOf(first)) : 0
  }

  watch([() => store.filter, () => store.forcedTurnId, () => store.expanded, () => store.interview, root], () => void apply(), {
    flush: 'post',
    immediate: true,
  })
}

/** Indexes 0…n-1 from `from` outwards: from, from+1, from-1, from+2, … */
export function nearestFirst(n: number, from: number): number[] {
  const order: number[] = []
  for (let d = 0; order.length < n; d++) {
    if (from + d < n) order.push(from + d)
    if (d > 0 && from - d >= 0) order.push(from - d)
  }
  return order
}
