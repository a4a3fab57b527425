/**
 * Hugo shortcode calls as written in Markdown: `{{< name a="b" c >}}`, `{{% name %}}`, their
 * closing `{{< /name >}}` and the self-closing `{{< name />}}`. Reading only, no rendering.
 */

export interface ShortcodeCall {
  name: string
  /** `key="value"` parameters (Hugo also takes `key=value` and backquoted values). */
  named: Record<string, string>
  /** Positional parameters, in order (`{{< youtube w7Ft2ymGmfc >}}`). */
  positional: string[]
  closing: boolean
  selfClosing: boolean
  /** Offsets of `{{` and just after `}}` in the scanned text. */
  start: number
  end: number
}

const OPEN = /\{\{([<%])/y
const PARAM = /([A-Za-z_][\w-]*)=("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]+)|("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]+)/g
const NAME = /^\/?\s*[A-Za-z][\w/.-]*$/
/** A call spans a few lines at most; beyond that the braces are something else. */
const MAX_CALL_LENGTH = 4000

/** The call starting at `pos` (which holds `{{<` or `{{%`), ending before `max`; null if none. */
export function scanCall(src: string, pos: number, max: number): ShortcodeCall | null {
  OPEN.lastIndex = pos
  const open = OPEN.exec(src)
  if (!open) return null
  const close = `${open[1] === '<' ? '>' : '%'}}}`
  // Searched in a bounded window: a stray `{{<` must not scan the rest of a long article.
  const found = src.slice(pos + 3, Math.min(max, pos + MAX_CALL_LENGTH)).indexOf(close)
  if (found === -1) return null
  const endAt = pos + 3 + found
  let inside = src.slice(pos + 3, endAt).trim()
  // `{{</* name */>}}` is Hugo's way of writing a call as text: not a call.
  if (inside.startsWith('/*')) return null
  const selfClosing = inside.endsWith('/')
  if (selfClosing) inside = inside.slice(0, -1).trim()
  const closing = inside.startsWith('/')
  if (closing) inside = inside.slice(1).trim()
  const nameEnd = inside.search(/\s|$/)
  const name = inside.slice(0, nameEnd)
  if (!NAME.test(name)) return null
  const named: Record<string, string> = {}
  const positional: string[] = []
  for (const match of inside.slice(nameEnd).matchAll(PARAM)) {
    if (match[1] !== undefined) named[match[1].toLowerCase()] = unquote(match[2] ?? '')
    else positional.push(unquote(match[3] ?? ''))
  }
  return { name: name.toLowerCase(), named, positional, closing, selfClosing, start: pos, end: endAt + 3 }
}

function unquote(value: string): string {
  if (value.startsWith('`')) return value.slice(1, -1)
  if (value.startsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, '$1')
  return value
}

const CLOSING = /\{\{[<%]\s*\/\s*([A-Za-z][\w/.-]*)/g
let indexed: { src: string; closings: Map<string, number[]> } | null = null

/** Where each name's closing calls start, found in one pass per document (not one per call). */
function closingsOf(src: string): Map<string, number[]> {
  if (indexed?.src !== src) {
    const closings = new Map<string, number[]>()
    for (const match of src.matchAll(CLOSING)) {
      const name = (match[1] as string).toLowerCase()
      const list = closings.get(name) ?? []
      list.push(match.index)
      closings.set(name, list)
    }
    indexed = { src, closings }
  }
  return indexed.closings
}

/** The first `{{< /name >}}` after an opening call and before `max`, or null. */
export function findClosing(src: string, call: ShortcodeCall, max: number): ShortcodeCall | null {
  const starts = closingsOf(src).get(call.name) ?? []
  let low = 0
  let high = starts.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((starts[mid] as number) < call.end) low = mid + 1
    else high = mid
  }
  const at = starts[low]
  return at === undefined || at >= max ? null : scanCall(src, at, max)
}
