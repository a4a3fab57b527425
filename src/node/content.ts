/**
 * The content folder's rules, pure (no file system): where each article lives on the site, and
 * what the folder's `defaults.yaml` adds to every article's front matter.
 */
import { CORE_SCHEMA, load } from 'js-yaml'
import type { Interview } from '../core/types'

/**
 * A sub-folder of content/ is a language folder, named by its language tag (`en`, `ja`, `zh-cn`),
 * as in Hugo and on the Kubernetes site (`content/ja/…` is served at `/ja/…`).
 */
export const LANGUAGE_FOLDER = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/

/**
 * An article's address (path below the site base, no leading slash): `<slug>` at the top of
 * content/, `<lang>/<slug>` in a language folder. It depends on the file alone, so adding a
 * translation never moves an article that is already published.
 */
export function addressFor(folder: string | null, slug: string): string {
  return folder ? `${folder}/${slug}` : slug
}

/** Throws a clear message for a sub-folder of content/ that is not a language folder. */
export function checkLanguageFolder(folder: string): void {
  if (!LANGUAGE_FOLDER.test(folder)) {
    throw new Error(`content/${folder}/: sub-folders of content/ are language folders named by a lowercase language tag (en, ja, zh-cn); "${folder}" is not one`)
  }
}

/**
 * In a language folder the folder names the language, unless the front matter says otherwise:
 * script detection cannot tell an English translation from an English original, the folder can.
 */
export function withFolderLanguage(interview: Interview, folder: string | null): Interview {
  const fm = interview.meta.frontMatter
  const declared = [fm.lang, fm.language, fm.locale].some((v) => typeof v === 'string' && v.trim())
  return folder && !declared ? { ...interview, lang: folder } : interview
}

/** The keys `content/defaults.yaml` may set: the credit shown on every article's page. */
export const DEFAULT_KEYS = ['source', 'sourceUrl', 'license', 'licenseUrl'] as const

/** Parse `content/defaults.yaml`: a mapping of DEFAULT_KEYS to strings. Throws with the file's name. */
export function readDefaults(text: string, file = 'content/defaults.yaml'): Record<string, string> {
  let data: unknown
  try {
    data = load(text, { schema: CORE_SCHEMA }) ?? {}
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${file}: expected keys such as "license: CC BY 4.0"`)
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(data)) {
    if (!(DEFAULT_KEYS as readonly string[]).includes(key)) throw new Error(`${file}: unknown key "${key}" (known: ${DEFAULT_KEYS.join(', ')})`)
    if (typeof value !== 'string') throw new Error(`${file}: "${key}" must be text`)
    out[key] = value
  }
  return out
}

/** The folder's defaults under the article's own front matter (the article wins). */
export function withDefaults(interview: Interview, defaults: Record<string, string>): Interview {
  if (Object.keys(defaults).length === 0) return interview
  return { ...interview, meta: { ...interview.meta, frontMatter: { ...defaults, ...interview.meta.frontMatter } } }
}
