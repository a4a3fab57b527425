/**
 * A slug is one path segment (`/:slug`): a front-matter slug like `blog/2024/x` would otherwise
 * never match the route. Keeps CJK and other letters as they are.
 */
export function safeSlug(slug: string): string {
  const cleaned = slug
    .trim()
    .replace(/[\s/\\?#%]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return cleaned || 'interview'
}

/** `slug`, or `slug-2`, `slug-3`… : the first that is not taken. Nothing is overwritten silently. */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  const base = safeSlug(slug)
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}
