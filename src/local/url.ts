/**
 * `https://github.com/o/r/blob/branch/path.md` is an HTML page about the file; the file itself is
 * at raw.githubusercontent.com. Anything else is returned as written (after trimming).
 */
export function toRawUrl(input: string): string {
  const trimmed = input.trim()
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return trimmed
  }
  if (url.hostname !== 'github.com' && url.hostname !== 'www.github.com') return trimmed
  const parts = url.pathname.split('/').filter(Boolean)
  if (parts.length < 5 || parts[2] !== 'blob') return trimmed
  const [owner, repo, , ...rest] = parts
  return `https://raw.githubusercontent.com/${owner}/${repo}/${rest.join('/')}`
}

/** http(s) only: `file:` and `javascript:` make no sense here and `fetch` would only fail obscurely. */
export function isFetchableUrl(input: string): boolean {
  try {
    const url = new URL(input.trim())
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** The last path segment, so the parser can use it for the slug and language hints. */
export function fileNameFromUrl(input: string): string | null {
  try {
    const last = new URL(input).pathname.split('/').filter(Boolean).pop()
    return last ? decodeURIComponent(last) : null
  } catch {
    return null
  }
}
