/**
 * What an interview's slug may be. It is the page's address (`/:slug`), the folder the build writes
 * (`dist/<slug>/index.html`) and the key of a stored interview, so it must be one path segment that
 * means the same in a URL and on disk. Built-in slugs that break the rule fail the build; slugs of
 * files opened in the browser are cleaned into it (`cleanSlug`). Letters of any script are fine.
 */

/**
 * Path separators; `?`, `#` and `%`, which end or escape a segment in a hand-written link; control
 * characters; lone surrogates, which no URL can encode (`encodeURIComponent` throws on them).
 */
const FORBIDDEN_CLASS = String.raw`[/\\?#%\p{Cc}\p{Cs}]`
const FORBIDDEN = new RegExp(FORBIDDEN_CLASS, 'u')
const FORBIDDEN_OR_SPACE = new RegExp(`(?:${FORBIDDEN_CLASS}|\\s)+`, 'gu')
/** Folder names have a limit (255 bytes on most file systems). */
export const SLUG_MAX_BYTES = 200
/** What `cleanSlug` keeps, leaving room for the `-2`, `-3`… that make a slug unique. */
const CLEAN_MAX_BYTES = SLUG_MAX_BYTES - 12

const encoder = new TextEncoder()

function describeCharacter(char: string): string {
  if (/\p{Cs}/u.test(char)) return 'half of a surrogate pair (not text)'
  return /\p{Cc}/u.test(char) ? `a control character (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})` : `"${char}"`
}

/** Why `slug` cannot be an address, or null when it can. */
export function slugProblem(slug: string): string | null {
  if (slug === '') return 'is empty'
  if (slug === '.' || slug === '..') return `is "${slug}", which names a folder, not a page`
  // A hidden folder: static hosts may not serve it (GitHub Pages' Jekyll skips them).
  if (slug.startsWith('.')) return 'starts with "."'
  const bad = FORBIDDEN.exec(slug)
  if (bad) return `contains ${describeCharacter(bad[0])}`
  if (slug.trim() !== slug) return 'starts or ends with a space'
  if (encoder.encode(slug).length > SLUG_MAX_BYTES) return `is longer than ${SLUG_MAX_BYTES} bytes`
  return null
}

/** The rule in one sentence, for messages. */
export const SLUG_RULE = `a slug is one path segment: no / \\ ? # % or control characters, not starting with ".", at most ${SLUG_MAX_BYTES} bytes`

/**
 * A slug that follows the rule, made from any text: forbidden characters and spaces become `-`
 * (a front-matter slug like `blog/2024/x` becomes `blog-2024-x`), leading dots go, the length is
 * cut by whole characters, and a slug with nothing left is `fallback`.
 */
export function cleanSlug(text: string, fallback = 'interview'): string {
  // Cut first (a front-matter slug may be megabytes long): every later step works on a few hundred characters.
  const cleaned = text
    .slice(0, CLEAN_MAX_BYTES * 2)
    .replace(FORBIDDEN_OR_SPACE, '-')
    .replace(/^[.-]+|-+$/g, '')
  const cut = withinBytes(cleaned, CLEAN_MAX_BYTES).replace(/-+$/, '')
  return slugProblem(cut) === null ? cut : fallback
}

/** The longest prefix of whole characters that fits in `max` UTF-8 bytes. */
function withinBytes(text: string, max: number): string {
  let bytes = 0
  let end = 0
  for (const char of text) {
    bytes += encoder.encode(char).length
    if (bytes > max) break
    end += char.length
  }
  return text.slice(0, end)
}
