import type { Interview } from '../core/types'

/** What the list page (and any page without its own) says about Parley in search results. */
export const DEFAULT_DESCRIPTION = 'Parley: read long Q&A interviews as a navigable conversation — jump by section, filter by speaker, link to any turn.'

/** An interview's description: its own, else the start of its text (about 160 characters), else its title. */
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

/**
 * Set the document title and `<meta name="description">` (created when the page has none), so
 * search engines and link previews that run scripts see the page they opened, also after in-app
 * navigation. `title: null` keeps the current title. Does nothing without a document (prerendering).
 */
export function setPageMeta(title: string | null, description: string, doc: Document | undefined = globalThis.document): void {
  if (!doc) return
  if (title !== null) doc.title = title
  let meta = doc.head.querySelector<HTMLMetaElement>('meta[name="description"]')
  if (!meta) {
    meta = doc.createElement('meta')
    meta.name = 'description'
    doc.head.append(meta)
  }
  meta.content = description.replace(/\s+/g, ' ').trim()
}
