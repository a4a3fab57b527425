import GithubSlugger, { slug } from 'github-slugger'

export const INTRO_SECTION_ID = 'parley-intro'
/** Turn ids and ids derived from them (`turn-3-speaker`) belong to the app, never to a section. */
const TURN_ID = /^turn-\d+(?:-|$)/

export function turnId(index: number): string {
  return `turn-${index}`
}

/**
 * Section ids: GitHub-style slugs that keep CJK (`导言` → `导言`) and dedupe with `-1`, `-2`, so they
 * match the anchors of the site the article came from. An explicit `{#anchor}` wins, as in Hugo.
 * Ids that would collide with turn ids (`turn-3`) or the app's reserved `parley-` prefix get suffixed.
 */
export function createSectionIdFactory(): (title: string, explicitAnchor: string | null) => string {
  const slugger = new GithubSlugger()
  slugger.slug(INTRO_SECTION_ID)
  return (title, explicitAnchor) => {
    const base = explicitAnchor ?? title
    if (slug(base) === '') return slugger.slug('section')
    const id = slugger.slug(base)
    if (id.startsWith('parley-')) return slugger.slug(`section-${id}`)
    if (TURN_ID.test(id)) return slugger.slug(`section-${id}`)
    return id
  }
}

/** Speaker ids for `?speaker=`: readable, unique within one interview. */
export function createSpeakerIdFactory(): (name: string) => string {
  const slugger = new GithubSlugger()
  return (name) => {
    if (slug(name) === '') return slugger.slug('speaker')
    const id = slugger.slug(name)
    return TURN_ID.test(id) ? slugger.slug(`speaker-${id}`) : id
  }
}
