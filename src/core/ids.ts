export const INTRO_SECTION_ID = 'parley-intro'
/** Turn ids and ids derived from them (`turn-3-speaker`) belong to the app, never to a section. */
const TURN_ID = /^turn-\d+(?:-|$)/

export function turnId(index: number): string {
  return `turn-${index}`
}

/**
 * What a GitHub-style slug drops: everything but alphabetic characters (letters, letter numbers,
 * circled letters), marks, decimal digits, connector punctuation (`_`), spaces and `-`. github-slugger ships this as a generated 3 kB
 * character class (Unicode 13); the property classes give the same result for every character
 * Unicode 13 assigns and keep the letters assigned since (tests/unit/ids.test.ts compares all of them).
 */
const NOT_IN_SLUG = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc} -]/gu

/** GitHub's heading anchor for `text`: lower case, other characters dropped, spaces as `-`. */
export function slug(text: string): string {
  return text.toLowerCase().replace(NOT_IN_SLUG, '').replace(/ /g, '-')
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
