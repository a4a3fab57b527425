import type { Block, Narration, Turn } from '../core/types'

export type DisplayItem = { kind: 'turn'; key: string; turn: Turn } | { kind: 'narration'; key: string; narration: Narration }

/**
 * What a section shows: every turn (the filter collapses hidden ones in place, see
 * useCollapsedTurns) and narration in order. Byline narration is left out: the reader's header
 * shows the author and translator.
 */
export function groupBlocks(blocks: readonly Block[]): DisplayItem[] {
  const items: DisplayItem[] = []
  blocks.forEach((block, i) => {
    if (block.kind === 'narration' && block.byline) return
    if (block.kind === 'narration') items.push({ kind: 'narration', key: `n-${block.lines.start}-${i}`, narration: block })
    else items.push({ kind: 'turn', key: block.id, turn: block })
  })
  return items
}
