import type { Interview } from '../types'

/** What the list page (and any page without its own) says about Parley in search results. */
export const SITE_DESCRIPTION =
  'Parley: read long Q&A interviews as a navigable conversation — jump by section, filter by speaker, link to any turn.'

/**
 * An interview's description for search results and link previews (about 160 characters): its own,
 * else the start of its text, else its title. Shared by the prerendered `<head>` and the client, so
 * both say the same thing; stops reading once it has enough, even on a 5,000-turn interview.
 */
export function describeInterview(interview: Interview): string {
  const own = interview.meta.description?.replace(/\s+/g, ' ').trim()
  if (own) return own
  let text = ''
  for (const section of interview.sections) {
    for (const block of section.blocks) {
      text = `${text} ${block.text}`.replace(/\s+/g, ' ').trim()
      if (text.length > 160) return `${text.slice(0, 157).trimEnd()}…`
    }
  }
  return text || interview.meta.title
}
