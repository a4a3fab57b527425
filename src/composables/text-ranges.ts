import type { TextRange } from '../core/reader/search'
import { keepInPlace } from './keep-in-place'

/**
 * Text offsets over rendered HTML. Search and quotes work on the concatenated text nodes of an
 * element, so a match may span `<a>`, `<code>` or `<em>` boundaries; these helpers turn offsets
 * back into DOM Ranges without touching the markup.
 */
export interface TextIndex {
  root: Element
  text: string
  nodes: { node: Text; start: number }[]
}

export function indexText(root: Element): TextIndex {
  const doc = root.ownerDocument
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */)
  const nodes: TextIndex['nodes'] = []
  let text = ''
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text
    nodes.push({ node, start: text.length })
    text += node.data
  }
  return { root, text, nodes }
}

/** The (text node, offset) at a text offset; a boundary offset belongs to the node it starts. */
function locate(index: TextIndex, offset: number, preferEnd: boolean): { node: Text; offset: number } | null {
  const { nodes } = index
  for (let i = 0; i < nodes.length; i++) {
    const { node, start } = nodes[i]!
    const end = start + node.data.length
    if (offset < end || (offset === end && (preferEnd || i === nodes.length - 1))) return { node, offset: offset - start }
  }
  return null
}

export function domRange(index: TextIndex, r: TextRange): Range | null {
  const a = locate(index, r.start, false)
  const b = locate(index, r.end, true)
  if (!a || !b) return null
  const range = index.root.ownerDocument.createRange()
  range.setStart(a.node, a.offset)
  range.setEnd(b.node, b.offset)
  return range
}

/**
 * DOM Ranges for sorted, non-overlapping text ranges of one element, in a single pass over its text
 * nodes (domRange per hit would rescan them: quadratic in a long turn full of hits). `fixed` gives
 * StaticRanges: enough to paint as highlights, and unlike live Ranges the document does not update
 * them on every change (tens of thousands of search hits made each DOM change slow).
 */
export function domRanges(index: TextIndex, rs: readonly TextRange[], fixed: true): StaticRange[]
export function domRanges(index: TextIndex, rs: readonly TextRange[], fixed?: false): Range[]
export function domRanges(index: TextIndex, rs: readonly TextRange[], fixed = false): AbstractRange[] {
  const { nodes } = index
  const doc = index.root.ownerDocument
  let i = 0
  // Same rule as locate(), from a cursor that only moves forward.
  const at = (offset: number, preferEnd: boolean): { node: Text; offset: number } | null => {
    for (; i < nodes.length; i++) {
      const { node, start } = nodes[i]!
      const end = start + node.data.length
      if (offset < end || (offset === end && (preferEnd || i === nodes.length - 1))) return { node, offset: offset - start }
    }
    return null
  }
  const out: AbstractRange[] = []
  for (const r of rs) {
    const a = at(r.start, false)
    const b = at(r.end, true)
    if (!a || !b) break
    out.push(fixed ? new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset }) : liveRange(doc, a, b))
  }
  return out
}

function liveRange(doc: Document, a: { node: Node; offset: number }, b: { node: Node; offset: number }): Range {
  const range = doc.createRange()
  range.setStart(a.node, a.offset)
  range.setEnd(b.node, b.offset)
  return range
}

/** A live Range over the same text as `r` (to measure or scroll to it). */
export function toLiveRange(r: AbstractRange): Range {
  if (r instanceof Range) return r
  return liveRange(r.startContainer.ownerDocument!, { node: r.startContainer, offset: r.startOffset }, { node: r.endContainer, offset: r.endOffset })
}

/** A DOM point (from a Selection) as a text offset within `index`, or null when outside it. */
export function offsetOf(index: TextIndex, node: Node, offset: number): number | null {
  if (node.nodeType === 3) {
    const hit = index.nodes.find((n) => n.node === node)
    return hit ? hit.start + offset : null
  }
  if (!index.root.contains(node)) return null
  // An element point: count the text before its `offset`-th child.
  const probe = index.root.ownerDocument.createRange()
  probe.setStart(index.root, 0)
  probe.setEnd(node, offset)
  return probe.toString().length
}

interface HighlightRegistry {
  set: (name: string, value: unknown) => void
  delete: (name: string) => void
}

/** True when ranges are painted without touching the DOM (so text nodes stay as they are). */
export function paintsWithoutMarks(doc: Document = globalThis.document): boolean {
  return registry(doc.defaultView ?? undefined) !== null
}

/** The CSS Custom Highlight API paints ranges without changing the DOM Vue manages. */
function registry(win: Window | undefined): HighlightRegistry | null {
  const css = (win as (Window & { CSS?: { highlights?: HighlightRegistry } }) | undefined)?.CSS
  const ctor = (win as (Window & { Highlight?: unknown }) | undefined)?.Highlight
  return css?.highlights && typeof ctor === 'function' ? css.highlights : null
}

/**
 * Paint `ranges` under `name` (styled by `::highlight(name)` or `mark.name`), the `current` one also
 * as `name-current` (`mark.name.is-current`). Without the API the ranges are wrapped in `<mark>`,
 * one per text-node piece, which the next paint unwraps again.
 */
export function paint(name: string, ranges: readonly AbstractRange[], doc: Document = globalThis.document, current = -1): void {
  const win = doc.defaultView ?? undefined
  const reg = registry(win)
  if (reg) {
    const Ctor = (win as unknown as { Highlight: new (...r: AbstractRange[]) => { add: (r: AbstractRange) => void } }).Highlight
    if (ranges.length === 0) reg.delete(name)
    else {
      // Added one by one: spreading tens of thousands of hits into the constructor overflows the stack.
      const all = new Ctor()
      for (const range of ranges) all.add(range)
      reg.set(name, all)
    }
    const active = ranges[current]
    if (active) reg.set(`${name}-current`, new Ctor(active))
    else reg.delete(`${name}-current`)
    return
  }
  unwrapMarks(name, doc)
  // Wrap from the last range backwards so earlier ranges' offsets stay valid.
  for (let i = ranges.length - 1; i >= 0; i--) wrapRange(toLiveRange(ranges[i]!), i === current ? `${name} is-current` : name, doc)
}

function unwrapMarks(name: string, doc: Document): void {
  for (const mark of doc.querySelectorAll(`mark.${name}`)) {
    const parent = mark.parentNode
    if (!parent) continue
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark)
    parent.removeChild(mark)
    parent.normalize()
  }
}

function wrapRange(range: Range, className: string, doc: Document): void {
  const texts: Text[] = []
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4)
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
    if (n.nodeType === 3 && range.intersectsNode(n)) texts.push(n as Text)
  }
  const { startContainer, startOffset, endContainer, endOffset } = range
  for (const text of texts) {
    let piece = text
    if (piece === endContainer && endOffset < piece.data.length) piece.splitText(endOffset)
    if (piece === startContainer && startOffset > 0) piece = piece.splitText(startOffset)
    if (piece.data === '') continue
    const mark = doc.createElement('mark')
    mark.className = className
    piece.parentNode?.insertBefore(mark, piece)
    mark.appendChild(piece)
  }
}

function scrollToRange(range: Range, win: Window, smooth: boolean): void {
  const rect = range.getBoundingClientRect()
  const fits = rect.top >= win.innerHeight * 0.2 && rect.bottom <= win.innerHeight * 0.9
  if (fits && rect.height > 0) return
  win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: smooth ? 'smooth' : 'instant' })
}

/**
 * Scroll so a range is on screen, about a third down: near the top but clear of sticky bars.
 * Smoothly only over a short way; a long jump is instant and then held in place while the turns
 * around it get their real heights (keepInPlace).
 */
export function revealRange(range: Range, win: Window, smooth: boolean): void {
  const far = Math.abs(range.getBoundingClientRect().top) > 2 * win.innerHeight
  scrollToRange(range, win, smooth && !far)
  const el = range.startContainer.parentElement
  if (el && (!smooth || far)) keepInPlace(el, () => scrollToRange(range, win, false), win)
}
