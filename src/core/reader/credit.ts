/**
 * Where an article comes from: its original address and its licence credit, read from its front
 * matter (built-in articles also get their content folder's `defaults.yaml` there). Pure.
 */
import type { Interview } from '../types'

export interface Link {
  text: string
  /** An absolute http(s) URL, or null when there is none (or it was not one). */
  url: string | null
}

export interface Credit {
  /** The article's original address (`canonicalUrl`). */
  original: string | null
  /** `source` / `sourceUrl`: the publication it comes from. */
  source: Link | null
  /** `license` / `licenseUrl`. */
  license: Link | null
}

/** Only absolute http(s) URLs become links: front matter is untrusted, `javascript:` must not reach an href. */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function linkOf(text: unknown, url: unknown): Link | null {
  if (typeof text !== 'string' || !text.trim()) return null
  return { text: text.trim(), url: httpUrl(url) }
}

export function creditOf(interview: Interview): Credit {
  const fm = interview.meta.frontMatter
  return {
    original: httpUrl(interview.meta.canonicalUrl),
    source: linkOf(fm.source, fm.sourceUrl),
    license: linkOf(fm.license, fm.licenseUrl),
  }
}
