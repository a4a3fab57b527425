/**
 * `/feed.xml`: an Atom feed (RFC 4287) of the built-in interviews, newest first, one entry per
 * interview (its translations are one entry, as on the list page), each with its languages as
 * `hreflang` alternate links. Pure: the prerender plugin writes it.
 */
import { escapeHtml, SITE_NAME } from './head'

export interface FeedEntry {
  /** Absolute URL of the interview's page (also the entry's id). */
  url: string
  title: string
  authors: string[]
  /** As written in the front matter (`2024-03-02T16:30:31+08:00`, `2024-03-02`), or null. */
  date: string | null
  summary: string
  lang: string
  /** Every language of the interview, this one included (empty when it has one). */
  languages: { lang: string; url: string }[]
}

/** An RFC 3339 date-time, as Atom wants it: a bare date is taken as midnight UTC. */
export function atomDate(date: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00Z`
  const time = Date.parse(date)
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace(/\.000Z$/, 'Z')
}

/**
 * The feed's `updated` is its newest entry's date, so the same content always makes the same file;
 * undated entries (and a feed with none dated) use the Unix epoch rather than the build's clock.
 */
export function atomFeed({ siteUrl, feedUrl, entries }: { siteUrl: string; feedUrl: string; entries: readonly FeedEntry[] }): string {
  const e = escapeHtml
  const EPOCH = '1970-01-01T00:00:00Z'
  const dated = entries.map((entry) => ({ entry, updated: (entry.date && atomDate(entry.date)) || EPOCH }))
  const sorted = [...dated].sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated))
  const feedUpdated = sorted[0]?.updated ?? EPOCH
  const items = sorted.map(({ entry, updated }) => {
    const authors = entry.authors.length > 0 ? entry.authors : [SITE_NAME]
    return [
      `  <entry xml:lang="${e(entry.lang)}">`,
      `    <id>${e(entry.url)}</id>`,
      `    <title>${e(entry.title)}</title>`,
      `    <updated>${updated}</updated>`,
      ...(entry.date ? [`    <published>${updated}</published>`] : []),
      ...authors.map((name) => `    <author><name>${e(name)}</name></author>`),
      `    <link rel="alternate" type="text/html" hreflang="${e(entry.lang)}" href="${e(entry.url)}"/>`,
      ...entry.languages.filter((l) => l.url !== entry.url).map((l) => `    <link rel="alternate" type="text/html" hreflang="${e(l.lang)}" href="${e(l.url)}"/>`),
      `    <summary>${e(entry.summary)}</summary>`,
      `  </entry>`,
    ].join('\n')
  })
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <id>${e(siteUrl)}</id>`,
    `  <title>${SITE_NAME}</title>`,
    `  <updated>${feedUpdated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${e(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${e(siteUrl)}"/>`,
    ...items,
    `</feed>`,
    '',
  ].join('\n')
}
