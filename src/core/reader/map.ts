/**
 * Geometry of the conversation map: one band per turn, its height proportional to the turn's text,
 * drawn as one SVG path per speaker colour so a 5,000-turn interview is a handful of DOM nodes.
 */
import type { Interview, Turn } from '../types'

export const MAP_W = 10
export const MAP_H = 1000
/** Very short turns ("Yes.") still get a visible sliver. */
const MIN_WEIGHT = 8

export interface MapBand {
  turn: Turn
  y: number
  h: number
}

export interface MapLayout {
  bands: MapBand[]
  /** Top of each section that holds turns, for the section rules. */
  sectionTops: number[]
}

export function layoutMap(interview: Interview): MapLayout {
  const turns = interview.sections.flatMap((s) => s.blocks.filter((b): b is Turn => b.kind === 'turn'))
  const total = turns.reduce((sum, t) => sum + Math.max(MIN_WEIGHT, t.text.length), 0) || 1
  const bands: MapBand[] = []
  const sectionTops: number[] = []
  let y = 0
  let section: string | null = null
  for (const turn of turns) {
    const h = (Math.max(MIN_WEIGHT, turn.text.length) / total) * MAP_H
    if (turn.sectionId !== section) {
      section = turn.sectionId
      sectionTops.push(y)
    }
    bands.push({ turn, y, h })
    y += h
  }
  return { bands, sectionTops }
}

const f = (n: number): string => n.toFixed(2).replace(/\.?0+$/, '')

/** `d` for a set of bands as rectangles from x0 to x1. */
export function bandsPath(bands: readonly MapBand[], x0 = 0, x1 = MAP_W): string {
  return bands.map((b) => `M${x0} ${f(b.y)}H${x1}V${f(b.y + b.h)}H${x0}Z`).join('')
}

/** The band at a map coordinate (binary search over the band tops). */
export function bandAt(bands: readonly MapBand[], y: number): MapBand | null {
  let lo = 0
  let hi = bands.length - 1
  let found: MapBand | null = bands[0] ?? null
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (bands[mid]!.y <= y) {
      found = bands[mid]!
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
