import type { Block, Narration, Turn } from '../core/types'

export type DisplayItem =
  | { kind: 'turn'; key: string; turn: Turn }
  | { kind: 'narration'; key: string; narration: Narration }
  | { kind: 'hidden'; key: string; count: number }

/**
 * What a section shows under the current filter: visible turns and narration in order, with each
 * run of hidden turns collapsed into one "N turns hidden" marker left in their place. Byline
 * narration is left out: the reader's header shows the author and translator.
 */
export function groupBlocks(blocks: readonly Block[], isVisible: (turn: Turn) => boolean): DisplayItem[] {
  const items: DisplayItem[] = []
  blocks.forEach((block, i) => {
    if (block.kind === 'narration' && block.byline) return
    if (block.kind === 'narration') {
      items.push({ kind: 'narration', key: `n-${block.lines.start}-${i}`, narration: block })
      return
    }
    if (isVisible(block)) {
      items.push({ kind: 'turn', key: block.id, turn: block })
      return
    }
    const last = items[items.length - 1]
    if (last?.kind === 'hidden') last.count++
    else items.push({ kind: 'hidden', key: `hidden-${block.id}`, count: 1 })
  })
  return items
}
