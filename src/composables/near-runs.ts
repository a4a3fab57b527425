/**
 * Which runs of turns (`.turn-run`, TurnRun.vue) are on or near the screen, kept up to date by one
 * IntersectionObserver per document. Interactions on a long interview change what the reader sees
 * first and the rest later (the speaker filter, search highlights): asking the observer, rather than
 * measuring turns, reads no layout, and measuring right after a change lays out the page twice in
 * one frame (issue 16).
 */
/** A screen above and below: what scrolling a little brings into view is ready too. */
const MARGIN = '100% 0px'

export interface NearRuns {
  /** Runs near the screen, in no particular order; meaningful once `ready`. */
  near: ReadonlySet<Element>
  /** False until the observer has reported every run it watches at least once. */
  ready: () => boolean
  /** Watch runs rendered since the last call (cheap: the collection of runs is live). */
  sync: () => void
  /** Called after the set changed; returns the unsubscribe. */
  onChange: (listener: () => void) => () => void
}

const trackers = new WeakMap<Document, NearRuns>()

export function nearRuns(doc: Document): NearRuns | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null
  if (!win || typeof win.IntersectionObserver !== 'function') return null
  let tracker = trackers.get(doc)
  if (!tracker) {
    tracker = createTracker(doc, win)
    trackers.set(doc, tracker)
  }
  tracker.sync()
  return tracker
}

function createTracker(doc: Document, win: Window & typeof globalThis): NearRuns {
  const near = new Set<Element>()
  const watched = new Set<Element>()
  const pending = new Set<Element>()
  const listeners = new Set<() => void>()
  const runs = doc.getElementsByClassName('turn-run')
  const observer = new win.IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        pending.delete(entry.target)
        if (entry.isIntersecting && entry.target.isConnected) near.add(entry.target)
        else near.delete(entry.target)
      }
      for (const listener of listeners) listener()
    },
    { rootMargin: MARGIN },
  )
  return {
    near,
    ready: () => pending.size === 0 && runs.length > 0,
    sync() {
      // Nothing rendered or removed since the last call (the usual case: one look at the ends).
      if (runs.length === watched.size && (runs.length === 0 || (watched.has(runs[0]!) && watched.has(runs[runs.length - 1]!)))) return
      // Runs of an interview left behind are let go (the observer would keep them alive).
      for (const run of watched) {
        if (run.isConnected) continue
        observer.unobserve(run)
        watched.delete(run)
        pending.delete(run)
        near.delete(run)
      }
      for (const run of runs) {
        if (watched.has(run)) continue
        watched.add(run)
        pending.add(run)
        observer.observe(run)
      }
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
