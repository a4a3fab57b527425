import { defineStore, getActivePinia } from 'pinia'
import { computed, ref, shallowRef, watch, type ComputedRef } from 'vue'
import { isNavigationFailure, NavigationFailureType, useRouter } from 'vue-router'
import { loaders } from 'virtual:interviews'
import type { Interview, Role, Speaker, Turn } from '../core/types'
import { unnamedKey } from '../core/unnamed'
import { shareHref } from '../core/reader/share'
import {
  filterToSpeakers, parseViewState, patchViewState, resolveFilter, serialiseViewState, speakerLookup, type ResolvedFilter, type ViewChange, type ViewLocation,
} from '../core/reader/url-state'
import { isLongInterview } from '../composables/long-interview'
import { afterNextPaint } from '../composables/yield-to-main'
import { indexQuestions } from '../core/reader/questions'
import { wordsInEveryLanguage } from '../i18n'

const TURN_NUMBER = /^turn-(\d+)$/

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'not-found' | 'error'

/**
 * The open interview plus the view state, which is derived from the route and written back to it:
 * filters with router.replace (no history entry), jumps with router.push (Back returns).
 */
export const useReaderStore = defineStore('reader', () => {
  const router = useRouter()
  const route = computed(() => router.currentRoute.value)

  /** The open interview as parsed: a side nobody names keeps its role key, which the components word (useSpeakerNames). */
  const interview = shallowRef<Interview | null>(null)
  /** The open interview's address (`<slug>`, `<lang>/<slug>`): its built-in summary's key, a local one's slug. */
  const address = ref<string | null>(null)
  const status = ref<LoadStatus>('idle')
  const loadError = ref<string | null>(null)
  let loading = 0

  async function load(at: string): Promise<void> {
    if (address.value === at && status.value === 'ready') return
    const ticket = ++loading
    interview.value = null
    address.value = at
    status.value = 'loading'
    // Built-in first; then interviews opened in this browser (IndexedDB is read on first use), which
    // have no language folder.
    const loader = loaders[at] ?? (at.includes('/') ? undefined : await localLoader(at))
    if (ticket !== loading) return
    if (!loader) {
      status.value = 'not-found'
      return
    }
    try {
      const mod = await loader()
      if (ticket !== loading) return
      interview.value = mod.default
      status.value = 'ready'
    } catch (error) {
      if (ticket !== loading) return
      loadError.value = error instanceof Error ? error.message : String(error)
      status.value = 'error'
    }
  }

  /** Built in (its data is a chunk of this build), not opened in this browser. */
  const builtIn = computed(() => address.value !== null && address.value in loaders)

  // The local store (IndexedDB, the parser for opened files) loads only for an address that is not built in.
  const pinia = getActivePinia()
  async function localLoader(slug: string): Promise<(() => Promise<{ default: Interview }>) | undefined> {
    const { useLocalStore } = await import('./local')
    const found = await useLocalStore(pinia).interviewFor(slug)
    return found ? async () => ({ default: found }) : undefined
  }

  /** For tests and for user-opened files: show an interview that is already parsed. */
  function setInterview(value: Interview): void {
    loading++
    interview.value = value
    address.value = value.slug
    status.value = 'ready'
  }

  /**
   * A query the view already shows but the address does not have yet (replaceView). On a long
   * interview the address is written after the change is painted: when it changes, Chromium's
   * history.replaceState walks every element of the page (its base URL changed), ~10 ms of a
   * filter change or keystroke on 50,000 elements.
   */
  const pendingQuery = shallowRef<ViewLocation['query'] | null>(null)
  /** Likewise a jump's hash (see jump): pushing a history entry costs as much. */
  const pendingHash = shallowRef<string | null>(null)
  /** Where the view is: the route, with the query and hash it is about to have. */
  const here = computed<ViewLocation>(() => ({ query: pendingQuery.value ?? route.value.query, hash: pendingHash.value ?? route.value.hash }))
  /** The target the view shows, as a hash: what the reader scrolls to and focuses. */
  const hash = computed(() => here.value.hash)
  const viewState = computed(() => parseViewState(here.value.query, here.value.hash))
  const speakers = computed<Speaker[]>(() => interview.value?.speakers ?? [])
  const speakerIds = computed(() => speakers.value.map((s) => s.id))
  /**
   * Kept identical while the filter means the same thing: typing a search or jumping also changes
   * the route, and a new filter object would re-render every section of a 5,000-turn page.
   */
  const filter = computed<ResolvedFilter>((old) => {
    const next = resolveFilter(viewState.value.speakers, speakerIds.value, lookup.value)
    return old && sameFilter(old, next) ? old : next
  })
  // A side nobody names also answers to the UI's word for it (`?speaker=采访者`), in any UI language.
  const lookup = computed(() => speakerLookup(speakers.value.map((s) => (s.unnamed ? { ...s, aliases: [...s.aliases, ...wordsInEveryLanguage(unnamedKey(s.role))] } : s))))
  // `?speaker=Michael` works, and the address bar then shows the id links are made of.
  watch(filter, (f) => {
    if (f.renamed) void setVisible(f.visible)
  }, { immediate: true })
  /** The role whose speakers are exactly the ones shown (the Questions / Answers presets), else null. */
  const preset = computed<Role | null>(() => {
    if (!filter.value.active || filter.value.visible.size === 0) return null
    const roles = new Set(speakers.value.filter((s) => filter.value.visible.has(s.id)).map((s) => s.role))
    const [role] = roles
    return roles.size === 1 && role && speakers.value.every((s) => s.role !== role || filter.value.visible.has(s.id)) ? role : null
  })
  const questions = computed(() => indexQuestions(interview.value?.sections ?? []))
  const turns = computed<Turn[]>(() =>
    (interview.value?.sections ?? []).flatMap((s) => s.blocks.filter((b): b is Turn => b.kind === 'turn')),
  )
  /**
   * The parser numbers turns in order (`turn-N` is the Nth), so the number says where to look: a
   * map of 5,000 turns, built on the first jump to one, held that jump's paint.
   */
  function turnById(id: string): Turn | undefined {
    const turn = turns.value[Number(TURN_NUMBER.exec(id)?.[1]) - 1]
    return turn?.id === id ? turn : turns.value.find((t) => t.id === id)
  }

  const target = computed(() => viewState.value.target)
  const targetTurn = computed(() => {
    const tg = target.value
    return tg?.kind === 'turn' ? turnById(tg.id) ?? null : null
  })
  /**
   * A linked turn stays visible even when the filter would hide it. Every turn's markup reads
   * this (ConversationSection's v-memo), so it changes only when its value does: as a computed
   * of the route, each filter change or keystroke queued all 170 runs of a 5,000-turn page to
   * check it again.
   */
  const forcedTurnId = following(() => (targetTurn.value && !filter.value.visible.has(targetTurn.value.speaker) ? targetTurn.value.id : null))

  /**
   * Turns the filter hides but the reader opened in place (their one-line preview expanded, or
   * "show the hits in hidden turns"). Not in the URL: they last until the filter changes.
   */
  const expanded = shallowRef<ReadonlySet<string>>(new Set())
  watch(filter, () => (expanded.value = new Set()))
  function expand(ids: Iterable<string>): void {
    expanded.value = new Set([...expanded.value, ...ids])
  }
  /**
   * The view's tests as plain functions, read once per pass over the turns: called through the
   * store (an action wrapper and three computeds per call), 5,000 turns took most of a frame.
   */
  const turnVisible = computed(() => {
    const { visible } = filter.value
    const forced = forcedTurnId.value
    return (turn: Turn): boolean => visible.has(turn.speaker) || turn.id === forced
  })
  /** Shown in full: by a shown speaker, the link's target, or opened; else a one-line preview. */
  const turnShown = computed(() => {
    const { visible } = filter.value
    const forced = forcedTurnId.value
    const opened = expanded.value
    return (id: string, speaker: string): boolean => visible.has(speaker) || id === forced || opened.has(id)
  })
  function isTurnVisible(turn: Turn): boolean {
    return turnVisible.value(turn)
  }
  /** Turns per section and speaker, counted once per interview: a filter change then adds up a few numbers. */
  const turnsBySectionSpeaker = computed(() => {
    const counts = new Map<string, Map<string, number>>()
    for (const turn of turns.value) {
      let section = counts.get(turn.sectionId)
      if (!section) counts.set(turn.sectionId, (section = new Map()))
      section.set(turn.speaker, (section.get(turn.speaker) ?? 0) + 1)
    }
    return counts
  })
  /** Visible turns per section id, for the outline counts: the shown speakers' turns, and the forced one. */
  const shownBySection = computed(() => {
    const { visible } = filter.value
    const shown = new Map<string, number>()
    for (const [section, bySpeaker] of turnsBySectionSpeaker.value) {
      let n = 0
      for (const [speaker, count] of bySpeaker) if (visible.has(speaker)) n += count
      shown.set(section, n)
    }
    const forced = forcedTurnId.value ? turnById(forcedTurnId.value) : undefined
    if (forced) shown.set(forced.sectionId, (shown.get(forced.sectionId) ?? 0) + 1)
    return shown
  })
  const visibleTurnCount = computed(() => [...shownBySection.value.values()].reduce((sum, n) => sum + n, 0))

  /** Change the filter or search in place (no history entry); a long interview's address follows after the paint. */
  async function replaceView(change: ViewChange): Promise<unknown> {
    const { query } = patchViewState(here.value, change)
    const r = route.value
    if (!interview.value || !isLongInterview(interview.value)) return router.replace({ path: r.path, query, hash: r.hash })
    pendingQuery.value = query
    try {
      await afterNextPaint()
      // A newer change writes the address itself; a jump meanwhile keeps its hash.
      if (pendingQuery.value === query) return await router.replace({ path: route.value.path, query, hash: route.value.hash })
    } finally {
      if (pendingQuery.value === query) pendingQuery.value = null
    }
  }
  function setVisible(visible: ReadonlySet<string>): Promise<unknown> {
    return replaceView({ speakers: filterToSpeakers(visible, speakerIds.value) })
  }
  /** The search as in the address (`?q=`), '' for none. */
  const searchQuery = computed(() => viewState.value.q ?? '')
  function setSearch(q: string): Promise<unknown> {
    return replaceView({ q })
  }
  function toggleSpeaker(id: string): Promise<unknown> {
    const next = new Set(filter.value.visible)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    return setVisible(next)
  }
  function showRole(role: Role): Promise<unknown> {
    return setVisible(new Set(speakers.value.filter((s) => s.role === role).map((s) => s.id)))
  }
  function resetFilter(): Promise<unknown> {
    return setVisible(new Set(speakerIds.value))
  }

  /**
   * Resolved href of a section or turn in the current view (keeps the filter), for Copy link and
   * Share. Links on the page are plain `#id`: the browser resolves them against the address, which
   * holds the same view, and they need no new markup when a filter or search changes it.
   */
  function hrefFor(id: string): string {
    const { hash } = serialiseViewState({ speakers: null, target: { kind: 'section', id } })
    const r = route.value
    return router.resolve({ path: r.path, query: r.query, hash }, r).href
  }
  /** What Copy link and Share give: the share page on a configured site, else the `#id` link (src/core/reader/share.ts). */
  function absoluteHrefFor(id: string, origin: string, hashHref = hrefFor(id)): string {
    const href = new URL(hashHref, origin)
    const at = address.value ?? ''
    return shareHref({ site: import.meta.env.PARLEY_SITE_URL ?? '', base: import.meta.env.BASE_URL, address: at, builtIn: Object.hasOwn(loaders, at), search: href.search }, id, href.href)
  }

  /**
   * Push a jump to a section or turn. Re-jumping to the current hash is a duplicated navigation
   * that changes nothing in the router, so report it and let the caller scroll by itself.
   */
  async function jump(id: string): Promise<'pushed' | 'same'> {
    const next = patchViewState(here.value, { target: { kind: 'section', id } })
    if (!interview.value || !isLongInterview(interview.value)) {
      const failure = await router.push({ path: route.value.path, ...next })
      return isNavigationFailure(failure, NavigationFailureType.duplicated) ? 'same' : 'pushed'
    }
    // A long interview shows the target first and writes the address after the paint (see pendingQuery).
    if (next.hash === here.value.hash) return 'same'
    pendingHash.value = next.hash
    try {
      await afterNextPaint()
      if (pendingHash.value === next.hash) await router.push({ path: route.value.path, query: here.value.query, hash: next.hash })
    } finally {
      if (pendingHash.value === next.hash) pendingHash.value = null
    }
    return 'pushed'
  }

  return {
    interview, address, builtIn, status, loadError, load, setInterview,
    speakers, turns, filter, preset, questions, target, targetTurn, forcedTurnId, isTurnVisible, expanded, expand, turnVisible, turnShown,
    visibleTurnCount, shownBySection,
    hash, toggleSpeaker, showRole, resetFilter, setVisible, searchQuery, setSearch, hrefFor, absoluteHrefFor, jump,
  }
})

/**
 * A computed that tells its readers only when its value changes. A plain computed of the route
 * makes every reader check it again after any route change (a keystroke in search, a jump), even
 * when its value stays the same; here a watcher recomputes it and the readers follow a ref.
 */
function following<T>(get: () => T): ComputedRef<T> {
  const value = shallowRef<T>(get())
  watch(get, (next) => (value.value = next), { flush: 'sync' })
  return computed(() => value.value)
}

function sameFilter(a: ResolvedFilter, b: ResolvedFilter): boolean {
  return a.active === b.active && a.renamed === b.renamed && a.unknown.join('\n') === b.unknown.join('\n') && a.visible.size === b.visible.size && [...a.visible].every((id) => b.visible.has(id))
}
