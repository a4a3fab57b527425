import { computed, inject, nextTick, onBeforeUnmount, onMounted, provide, ref, shallowRef, watch, type ComputedRef, type InjectionKey, type Ref, type ShallowRef } from 'vue'
import { useRouter } from 'vue-router'
import { findNormalised, normalise, normaliseQuery, stepHit, type Normalised, type TextRange } from '../core/reader/search'
import { useReaderStore } from '../stores/reader'
import { domRanges, indexText, paint, paintsWithoutMarks, revealRange, type TextIndex } from './text-ranges'
import { nearRuns } from './near-runs'
import { isLongInterview } from './long-interview'
import { afterNextPaint } from './yield-to-main'
import { prefersReducedMotion } from './motion'
import { focusInPlace } from './use-target-focus'

export const HIT = 'parley-hit'
/** What search covers: the conversation's text; hits in turns the filter collapses are only counted. */
const SEARCHABLE = '.reader__content .turn__body, .reader__content .narration'

export interface SearchState {
  /** The search as in the URL (`?q=`), '' for none. */
  query: ComputedRef<string>
  setQuery: (q: string) => void
  count: Ref<number>
  /** A long interview's search waits for the typed letter to be painted: the counts are not this query's yet. */
  searching: Ref<boolean>
  /** 0-based index of the current hit, -1 when there is none. */
  current: Ref<number>
  /** Turns holding at least one hit, for the conversation map. */
  hitTurns: ShallowRef<Set<string>>
  /** Turns the filter hides that hold hits (counted, not highlighted, until shown). */
  hiddenHitTurns: ShallowRef<Set<string>>
  hiddenCount: Ref<number>
  step: (dir: 1 | -1) => void
  /** Opens the hidden turns holding hits in place (the filter stays) and moves to, and focuses, the first of them. */
  showHidden: () => void
  input: Ref<HTMLInputElement | null>
}

const KEY: InjectionKey<SearchState> = Symbol('parley-search')
/** Bodies indexed per idle callback (~5 ms of work on a loaded laptop). */
const WARM_SLICE = 100
/** Hits painted wherever they are; past this many, only those near the screen (see paintFound). */
const PAINT_ALL = 1000

/** A searched body holding hits: its text, the hits in it, and the run of turns it is in. */
interface BodyHits {
  index: TextIndex
  hits: TextRange[]
  run: Element | null
}

function idle(win: Window | null): Promise<void> {
  return new Promise((resolve) => (win?.requestIdleCallback ? win.requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 50)))
}

/**
 * Search state for one reader page. The URL holds the query (router.replace: typing adds no history
 * entries); hits are found in the rendered text so the count matches what is highlighted.
 */
export function provideSearch(doc: Document = globalThis.document): SearchState {
  const router = useRouter()
  const store = useReaderStore()
  const route = computed(() => router.currentRoute.value)
  const query = computed(() => store.searchQuery)
  const count = ref(0)
  const searching = ref(false)
  const current = ref(-1)
  const hitTurns = shallowRef(new Set<string>())
  const hiddenHitTurns = shallowRef(new Set<string>())
  const hiddenCount = ref(0)
  const input = ref<HTMLInputElement | null>(null)
  // Typing moves to the first hit, the way a browser's find bar does; so does opening a `?q=` link
  // (once, unless the link also names a place: its #target wins).
  let revealNext = false
  let landed = false
  /** The turn "Show them" opened first: its first hit becomes current once it is shown. */
  let landOn: string | null = null

  function setQuery(q: string): void {
    revealNext = true
    void store.setSearch(q)
  }

  /**
   * Each shown body's text, indexed and normalised once: typing re-scans thousands of turns whose
   * text does not change. Kept per element (an element Vue removes drops out with it) and only
   * where hits are painted without <mark>s, since wrapping marks replaces the text nodes.
   */
  let texts = new WeakMap<Element, { index: TextIndex; folded: Normalised }>()
  function textOf(root: Element): { index: TextIndex; folded: Normalised } {
    let entry = texts.get(root)
    if (!entry) {
      const index = indexText(root)
      entry = { index, folded: normalise(index.text) }
      if (paintsWithoutMarks(doc)) texts.set(root, entry)
    }
    return entry
  }

  /**
   * Index every body once the page is idle, a slice at a time, so the first keystroke only
   * searches: on a 5,000-turn page indexing and folding the text was most of its cost.
   */
  async function warmIndex(): Promise<void> {
    if (!paintsWithoutMarks(doc)) return
    const roots = [...doc.querySelectorAll(SEARCHABLE)]
    for (let i = 0; i < roots.length; i += WARM_SLICE) {
      await idle(doc.defaultView)
      for (const root of roots.slice(i, i + WARM_SLICE)) if (root.isConnected) textOf(root)
    }
  }
  onMounted(() => void warmIndex())

  /** What the last search found in the shown text: each body holding hits, in document order. */
  let found: BodyHits[] = []

  function scan(): { bodies: BodyHits[]; count: number; turns: Set<string>; hidden: Set<string>; hiddenCount: number } {
    const result = { bodies: [] as BodyHits[], count: 0, turns: new Set<string>(), hidden: new Set<string>(), hiddenCount: 0 }
    const needle = normaliseQuery(query.value)
    if (!needle) return result
    const shown = store.turnShown
    for (const root of doc.querySelectorAll(SEARCHABLE)) {
      const { index, folded } = textOf(root)
      const hits = findNormalised(folded, needle)
      if (hits.length === 0) continue
      const turn = root.closest<HTMLElement>('article.turn')
      if (turn && !shown(turn.id, turn.dataset.speaker ?? '')) {
        result.hidden.add(turn.id)
        result.hiddenCount += hits.length
        continue
      }
      result.bodies.push({ index, hits, run: root.closest('.turn-run') })
      result.count += hits.length
      if (turn) result.turns.add(turn.id)
    }
    return result
  }

  /** The body and the hit within it of the `n`-th hit overall. */
  function locateHit(n: number): { body: BodyHits; hit: TextRange } | null {
    for (const body of found) {
      if (n < body.hits.length) return { body, hit: body.hits[n]! }
      n -= body.hits.length
    }
    return null
  }

  /**
   * Paint the hits, the current one apart. Past PAINT_ALL hits (a one-letter query on a long
   * interview) only those in runs near the screen are painted, and more as the reader scrolls
   * (repaintNear): building tens of thousands of ranges, and the browser's pre-paint of them in
   * every later frame, cost far more than a frame (issue 16). Without the Highlight API every hit
   * is wrapped in a <mark>, as before.
   */
  function paintFound(): void {
    const fixed = paintsWithoutMarks(doc)
    const runs = fixed && count.value > PAINT_ALL ? nearRuns(doc) : null
    const near = runs?.ready() ? runs.near : null
    const ranges: AbstractRange[] = []
    let at = -1
    let n = current.value
    for (const body of found) {
      const mine = n >= 0 && n < body.hits.length
      if (!near || (body.run && near.has(body.run))) {
        if (mine) at = ranges.length + n
        for (const range of fixed ? domRanges(body.index, body.hits, true) : domRanges(body.index, body.hits)) ranges.push(range)
      } else if (mine) {
        at = ranges.length
        ranges.push(...domRanges(body.index, [body.hits[n]!], true))
      }
      n -= body.hits.length
    }
    paint(HIT, ranges, doc, at)
  }

  let repaintFrame = 0
  /** Runs came near the screen or went away: paint what is now there (once per frame). */
  function repaintNear(): void {
    const win = doc.defaultView
    if (repaintFrame || !win || count.value <= PAINT_ALL || !paintsWithoutMarks(doc)) return
    repaintFrame = win.requestAnimationFrame(() => {
      repaintFrame = 0
      paintFound()
    })
  }
  let stopWatchingRuns: (() => void) | null = null
  onMounted(() => (stopWatchingRuns = nearRuns(doc)?.onChange(repaintNear) ?? null))
  onBeforeUnmount(() => stopWatchingRuns?.())

  /** Scroll to the current hit. */
  function revealCurrent(): void {
    const win = doc.defaultView
    const located = locateHit(current.value)
    const range = located && domRanges(located.body.index, [located.hit])[0]
    if (range && win) revealRange(range, win, !prefersReducedMotion(win))
  }

  function render(reveal: boolean): void {
    if (!doc) return // prerendering: hits are found and painted in the browser
    if (!paintsWithoutMarks(doc)) paint(HIT, [], doc) // unwrap the <mark>s before reading the text again
    const { bodies, count: total, turns, hidden, hiddenCount: inHidden } = scan()
    found = bodies
    count.value = total
    // Within the hits; hits that appear later (hidden turns shown) start at the first.
    current.value = Math.max(Math.min(current.value, total - 1), total > 0 ? 0 : -1)
    hitTurns.value = turns
    hiddenHitTurns.value = hidden
    hiddenCount.value = inHidden
    const shown = landOn ? doc.getElementById(landOn) : null
    landOn = null
    const first = shown ? firstHitIn(shown) : -1
    if (first >= 0) current.value = first
    if (reveal || first >= 0) revealCurrent()
    paintFound()
    // The button that asked is gone with the hidden hits; focus goes where the reading goes on.
    if (shown && first >= 0) focusInPlace(shown)
  }

  /** The index of the first hit inside `el`, else -1. */
  function firstHitIn(el: Element): number {
    let n = 0
    for (const body of found) {
      if (el.contains(body.index.root)) return n
      n += body.hits.length
    }
    return -1
  }

  function showHidden(): void {
    const hidden = hiddenHitTurns.value
    landOn = [...doc.querySelectorAll('.reader__content article.turn')].find((turn) => hidden.has(turn.id))?.id ?? null
    store.expand(hidden)
  }

  function step(dir: 1 | -1): void {
    current.value = stepHit(current.value, count.value, dir)
    // <mark>s split the text nodes the hits were found in: find them again.
    if (!paintsWithoutMarks(doc)) return render(true)
    revealCurrent()
    paintFound()
  }

  /** Searches started, so a search overtaken while it waited for a paint is dropped. */
  let searches = 0
  watch(
    [query, () => store.filter, () => store.forcedTurnId, () => store.expanded, () => store.interview],
    async ([q, , , , interview], old) => {
      // Another interview may reuse the same elements with new text.
      if (interview !== old?.[4]) texts = new WeakMap()
      const mine = ++searches
      await nextTick()
      // On a long interview the typed letter is painted before thousands of turns are searched.
      if (old && q !== old[0] && interview && isLongInterview(interview)) {
        searching.value = true
        await afterNextPaint()
      }
      if (mine !== searches) return
      searching.value = false
      if (q !== old?.[0]) current.value = q ? 0 : -1
      const land = !landed && q !== '' && !route.value.hash
      if (q) landed = true
      render(revealNext || land)
      revealNext = false
    },
    { flush: 'post', immediate: true },
  )
  onBeforeUnmount(() => paint(HIT, [], doc))

  const state: SearchState = { query, setQuery, count, searching, current, hitTurns, hiddenHitTurns, hiddenCount, step, showHidden, input }
  provide(KEY, state)
  return state
}

export function useSearch(): SearchState {
  const state = inject(KEY)
  if (!state) throw new Error('useSearch() needs provideSearch() in an ancestor')
  return state
}
