import { slug as githubSlug } from 'github-slugger'

export const INTRO_SECTION_ID = 'parley-intro'
/** Turn ids and ids derived from them (`turn-3-speaker`) belong to the app, never to a section. */
const TURN_ID = /^turn-\d+(?:-|$)/

export function turnId(index: number): string {
  return `turn-${index}`
}

const PLAIN_ASCII = /^[\w -]*$/

/**
 * github-slugger's slug. Its pattern (a large Unicode class) is the slow part, and it removes nothing
 * from letters, digits, `_`, `-` and spaces: such text, most speaker names, skips it.
 */
export function slug(text: string): string {
  return PLAIN_ASCII.test(text) ? text.toLowerCase().replace(/ /g, '-') : githubSlug(text)
}

/**
 * Makes slugs unique the way GithubSlugger does (`intro`, `intro-1`, `intro-2`), for slugs computed
 * once by the caller: the slug pattern is the costly part, and the caller needs the slug to decide.
 */
function createUniquer(): (slugged: string) => string {
  const occurrences = new Map<string, number>()
  return (slugged) => {
    let result = slugged
    while (occurrences.has(result)) {
      const n = (occurrences.get(slugged) ?? 0) + 1
      occurrences.set(slugged, n)
      result = `${slugged}-${n}`
    }
    occurrences.set(result, 0)
    return result
  }
}

/**
 * Section ids: GitHub-style slugs that keep CJK (`导言` → `导言`) and dedupe with `-1`, `-2`, so they
 * match the anchors of the site the article came from. An explicit `{#anchor}` wins, as in Hugo.
 * Ids that would collide with turn ids (`turn-3`) or the app's reserved `parley-` prefix get suffixed.
 */
export function createSectionIdFactory(): (title: string, explicitAnchor: string | null) => string {
  const unique = createUniquer()
  unique(INTRO_SECTION_ID)
  return (title, explicitAnchor) => {
    const base = slug(explicitAnchor ?? title)
    if (base === '') return unique('section')
    const id = unique(base)
    if (id.startsWith('parley-') || TURN_ID.test(id)) return unique(slug(`section-${id}`))
    return id
  }
}

/** Speaker ids for `?speaker=`: readable, unique within one interview. */
export function createSpeakerIdFactory(): (name: string) => string {
  const unique = createUniquer()
  return (name) => {
    const base = slug(name)
    if (base === '') return unique('speaker')
    const id = unique(base)
    return TURN_ID.test(id) ? unique(slug(`speaker-${id}`)) : id
  }
}
