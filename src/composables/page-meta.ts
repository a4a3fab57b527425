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
