/**
 * The reader's view state lives in the URL (a public contract):
 *
 *   /:slug#<section-id>        a section
 *   /:slug#turn-N              a turn
 *   ?speaker=<id>  (repeatable) show only these speakers
 *   ?q=<text>                  search within the interview
 *   ?quote=…&qp=…&qs=…         a quoted passage (exact text, prefix, suffix) in the target turn
 *
 * This module is the only place that reads or writes that state. It is pure (no Vue, no DOM) so
 * the round trip `parseViewState(serialiseViewState(s))` can be property-tested.
 */

/** What vue-router gives for one query key. */
export type QueryValue = string | null | (string | null)[] | undefined

export type Target = { kind: 'turn'; id: string; index: number } | { kind: 'section'; id: string }

export interface ViewState {
  /**
   * Speaker ids to show, in URL order. `null` means "no filter" (everyone). An empty array is an
   * explicit "nobody" (`?speaker=`), which is what toggling off the last speaker produces: without it
   * that state could not be linked or survive a reload.
   */
  speakers: string[] | null
  target: Target | null
  /** Search text as typed; absent when there is no search (an empty `?q=` is no search). */
  q?: string
  /** A quoted passage to highlight; absent unless `quote` is non-empty. */
  quote?: QuoteParams
}

export interface QuoteParams {
  exact: string
  prefix: string
  suffix: string
}

export interface SerialisedViewState {
  query: { speaker?: string[]; q?: string; quote?: string; qp?: string; qs?: string }
  /** `#id` or the empty string. Not percent-encoded: vue-router encodes it when building the URL. */
  hash: string
}

const TURN_RE = /^turn-([1-9][0-9]*)$/

/**
 * Decode a hash that may arrive percent-encoded (`#%E5%AF%BC`) or raw (`#导言`). A lone `%` that is
 * not an escape would make decodeURIComponent throw; such a hash is kept as written.
 * Section ids never contain `%` (the slugger strips punctuation), so decoding twice is harmless.
 */
export function decodeHash(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

export function parseTarget(hash: string): Target | null {
  const id = decodeHash(hash)
  if (id === '') return null
  const turn = TURN_RE.exec(id)
  if (turn) return { kind: 'turn', id, index: Number(turn[1]) }
  return { kind: 'section', id }
}

function parseSpeakers(value: QueryValue): string[] | null {
  if (value === undefined) return null
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => v !== null)
  const ids: string[] = []
  for (const v of values) {
    if (v !== '' && !ids.includes(v)) ids.push(v)
  }
  // `?speaker` with no value (null) or `?speaker=` (empty string) both mean "nobody".
  return ids
}

/** One value for a single-valued key: the first non-null one, so `?q=a&q=b` reads as `a`. */
function single(value: QueryValue): string {
  if (Array.isArray(value)) return value.find((v): v is string => v !== null) ?? ''
  return value ?? ''
}

export function parseViewState(query: Record<string, QueryValue>, hash: string): ViewState {
  const state: ViewState = { speakers: parseSpeakers(query.speaker), target: parseTarget(hash) }
  const q = single(query.q)
  if (q !== '') state.q = q
  const exact = single(query.quote)
  if (exact !== '') state.quote = { exact, prefix: single(query.qp), suffix: single(query.qs) }
  return state
}

/** The query keys of each part of the view state. */
const KEYS = { speakers: ['speaker'], q: ['q'], quote: ['quote', 'qp', 'qs'] } as const

export function serialiseViewState(state: ViewState): SerialisedViewState {
  const query: SerialisedViewState['query'] = {}
  if (state.speakers !== null) query.speaker = state.speakers.length === 0 ? [''] : [...state.speakers]
  if (state.q) query.q = state.q
  if (state.quote?.exact) {
    query.quote = state.quote.exact
    // Empty context is left out: a quote at the very start of a turn has no prefix.
    if (state.quote.prefix) query.qp = state.quote.prefix
    if (state.quote.suffix) query.qs = state.quote.suffix
  }
  return { query, hash: state.target ? `#${state.target.id}` : '' }
}

/**
 * A change to the view state: each part given is replaced (`null` removes it), each part left out
 * is kept as it is in the URL.
 */
export interface ViewChange {
  speakers?: string[] | null
  target?: Target | null
  q?: string | null
  quote?: QuoteParams | null
}

/** Where the view state is read from: a route's query and hash. */
export interface ViewLocation {
  query: Readonly<Record<string, QueryValue>>
  hash: string
}

/**
 * The query and hash after `change`: every write of view state goes through here (the reader
 * store's filter and jumps, search, quote links). Only the keys of the changed parts are rewritten;
 * keys Parley does not own (`?utm_source=`) and unchanged parts stay as written, in their order, and
 * the hash stays exactly as it was unless the target changes.
 */
export function patchViewState(from: ViewLocation, change: ViewChange): { query: Record<string, QueryValue>; hash: string } {
  const query: Record<string, QueryValue> = { ...from.query }
  const next = serialiseViewState({ speakers: change.speakers ?? null, target: change.target ?? null, q: change.q ?? undefined, quote: change.quote ?? undefined })
  for (const part of ['speakers', 'q', 'quote'] as const) {
    if (!(part in change)) continue
    for (const key of KEYS[part]) delete query[key]
    for (const key of KEYS[part]) if (next.query[key] !== undefined) query[key] = next.query[key]
  }
  const hash = 'target' in change ? next.hash : from.hash
  return { query, hash }
}

export interface ResolvedFilter {
  /** Speaker ids that are shown. */
  visible: Set<string>
  /** Entries in the URL that match no speaker of this interview (for a notice). */
  unknown: string[]
  /** True when some speaker is hidden. */
  active: boolean
  /** True when the URL named a speaker by name or alias rather than by id (the store rewrites it). */
  renamed: boolean
}

/** Case- and width-insensitive form of a speaker reference (`MICHAEL`, `ｍｉｃｈａｅｌ`, `Michael McCune`). */
const foldName = (name: string): string => name.normalize('NFKC').toLocaleLowerCase().trim()

/** Every way a link may name a speaker (id, displayed name, alias, in any case) → the speaker's id. */
export function speakerLookup(speakers: readonly { id: string; name: string; aliases: readonly string[] }[]): Map<string, string> {
  const lookup = new Map<string, string>()
  for (const s of speakers) {
    for (const ref of [s.id, s.name, ...s.aliases]) if (!lookup.has(foldName(ref))) lookup.set(foldName(ref), s.id)
  }
  return lookup
}

/**
 * Apply a URL filter to the interview's speakers. An entry is a speaker id, or else a name or alias
 * (`lookup`, see speakerLookup). Unknown entries are reported and ignored; a filter made only of
 * unknown ones shows everyone, so a stale link still opens a working page.
 */
export function resolveFilter(speakers: string[] | null, known: readonly string[], lookup?: ReadonlyMap<string, string>): ResolvedFilter {
  if (speakers === null) return { visible: new Set(known), unknown: [], active: false, renamed: false }
  const visible = new Set<string>()
  const unknown: string[] = []
  let renamed = false
  for (const ref of speakers) {
    const id = known.includes(ref) ? ref : lookup?.get(foldName(ref))
    if (id === undefined) unknown.push(ref)
    else visible.add(id)
    if (id !== undefined && id !== ref) renamed = true
  }
  if (visible.size === 0 && unknown.length > 0) return { visible: new Set(known), unknown, active: false, renamed: false }
  return { visible, unknown, active: visible.size < known.length, renamed }
}

/**
 * The filter to write after a change: `null` (no query) when everyone is shown, otherwise the
 * visible ids in the interview's speaker order so equal filters give equal URLs.
 */
export function filterToSpeakers(visible: ReadonlySet<string>, known: readonly string[]): string[] | null {
  const ids = known.filter((id) => visible.has(id))
  return ids.length === known.length ? null : ids
}
