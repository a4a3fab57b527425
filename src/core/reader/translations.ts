/**
 * Translations of one interview: which articles belong together, and where a reader switching
 * language lands. Pure (no Vue, no DOM): the build groups built-in articles with it and the reader
 * maps its place with it.
 */
import type { Interview } from '../types'

export interface TranslationCandidate {
  /** The article's own address (path below the site base, no leading slash). */
  address: string
  slug: string
  canonicalUrl: string | null
  translationKey: string | null
}

/** The front matter's `translationKey` (Hugo's name for it), trimmed, or null. */
export function translationKeyOf(interview: Interview): string | null {
  const key = interview.meta.frontMatter.translationKey
  return typeof key === 'string' && key.trim() ? key.trim() : null
}

/**
 * Are `a` and `b` the same article in two languages? A `translationKey` is an explicit statement and
 * decides alone (both must carry the same one); else two canonical URLs must match; else (one of
 * them has none) the slug decides, as on the source site, where every translation keeps the
 * original's slug.
 */
export function areTranslations(a: TranslationCandidate, b: TranslationCandidate): boolean {
  if (a.translationKey || b.translationKey) return a.translationKey === b.translationKey
  if (a.canonicalUrl && b.canonicalUrl) return a.canonicalUrl === b.canonicalUrl
  return a.slug === b.slug
}

/**
 * Translation groups: each article's group id (the address of the group's first member in input
 * order). Groups are closed under `areTranslations`: an English original without a canonical URL
 * joins both its translations by slug even when one of them names a canonical URL.
 */
export function groupTranslations(items: readonly TranslationCandidate[]): Map<string, string> {
  const parent = items.map((_, i) => i)
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (areTranslations(items[i]!, items[j]!)) {
        const [a, b] = [root(i), root(j)]
        // The smaller index stays the root, so the id is the first member's address.
        parent[Math.max(a, b)] = Math.min(a, b)
      }
    }
  }
  return new Map(items.map((item, i) => [item.address, items[root(i)]!.address]))
}

/** Items of one group together, groups in the order of their first item: one list card each. */
export function byGroup<T extends { group: string }>(items: readonly T[]): { item: T; others: T[] }[] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(item.group)
    if (group) group.push(item)
    else groups.set(item.group, [item])
  }
  return [...groups.values()].map(([item, ...others]) => ({ item: item!, others }))
}

/** An interview's outline, enough to map a place into a translation without loading it. */
export interface Shape {
  /** Section ids in order. */
  sections: string[]
  /** Turns per section, same order. */
  turns: number[]
  /** The first section is the untitled text before the first heading. */
  intro: boolean
}

export function shapeOf(interview: Interview): Shape {
  return {
    sections: interview.sections.map((s) => s.id),
    turns: interview.sections.map((s) => s.blocks.reduce((n, b) => n + (b.kind === 'turn' ? 1 : 0), 0)),
    intro: interview.sections[0]?.title === null,
  }
}

/** Where the reader is: a section (index into `Shape.sections`) and, when reading one, a turn (1-based). */
export interface Place {
  section: number
  turn: number | null
}

/** Titled sections only: an intro present in one language and absent in another must not shift them. */
function titled(shape: Shape): { id: string; turns: number }[] {
  return shape.sections.map((id, i) => ({ id, turns: shape.turns[i] ?? 0 })).slice(shape.intro ? 1 : 0)
}

function introTurns(shape: Shape): number {
  return shape.intro ? (shape.turns[0] ?? 0) : 0
}

/** Same number of turns in the intro and in every titled section, in order. */
export function sameTurnStructure(a: Shape, b: Shape): boolean {
  const ta = titled(a)
  const tb = titled(b)
  return introTurns(a) === introTurns(b) && ta.length === tb.length && ta.every((s, i) => s.turns === tb[i]!.turns)
}

/**
 * The hash that keeps `place` when switching from an article shaped `from` to its translation
 * shaped `to`: the same turn when the turn structures match, else the section at the same position
 * among the titled sections, else the top (`''`).
 */
export function hashInTranslation(from: Shape, to: Shape, place: Place | null): string {
  if (!place) return ''
  if (place.turn !== null && sameTurnStructure(from, to)) return `#turn-${place.turn}`
  const position = place.section - (from.intro ? 1 : 0)
  const target = position >= 0 && position < titled(from).length ? titled(to)[position] : undefined
  return target ? `#${target.id}` : ''
}

/** A language's own name for itself (`ja` → `日本語`), as language switchers show it. */
export function languageName(lang: string): string {
  let name: string | undefined
  try {
    name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang)
  } catch {
    name = undefined
  }
  if (!name) return lang
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1)
}
