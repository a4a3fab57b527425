import { h, type VNode } from 'vue'
import type { Turn } from '../core/types'
import { htmlBlock } from './html-block'
import type { SpeakerLook } from './speaker-look'

/** What every turn of a section shares: its language and the UI words, translated once. */
export interface TurnWords {
  lang: string
  question: string
  answer: string
  forced: string
}

/**
 * One turn's markup, kept to what reading, filtering and linking need: a 5,000-turn page repeats
 * it 5,000 times, so every attribute here costs ~5 kB of HTML (issue 16: page ≤ 2× its Markdown).
 * - The avatar's initials are drawn by CSS from the speaker (speakerRulesCss), not written per turn.
 * - Copy link, Share and Show live in one toolbar that moves to the hovered or focused turn
 *   (useTurnLinks); the `#N` permalink stays, as the keyboard's way into each turn.
 * - A render function, not a template: an item of a `v-for` over `<template>` with `v-if` is a
 *   fragment, and each fragment costs two comment markers in the server's HTML.
 */
export function turnVNode(turn: Turn, look: SpeakerLook, words: TurnWords, questionNumber: number | undefined, forced: boolean): VNode {
  const n = turn.id.slice(5)
  const question = turn.role === 'interviewer'
  const header = [
    h('span', { class: 'turn__speaker' }, look.name),
    h('span', { class: 'turn__role' }, question ? words.question : words.answer),
  ]
  if (questionNumber !== undefined) header.push(h('span', { class: 'turn__q' }, `Q${questionNumber}`))
  header.push(h('a', { class: 'turn__permalink', href: `#${turn.id}` }, `#${n}`))
  const children = [h('header', null, header)]
  if (forced) children.push(h('p', { class: 'turn__forced' }, words.forced))
  // The parser sanitises turn HTML; htmlBlock, not v-html, keeps the server's nodes (see html-block.ts).
  children.push(htmlBlock({ class: 'turn__body', lang: words.lang }, turn.html))
  return h(
    'article',
    { id: turn.id, class: `turn turn--${question ? 'question' : 'answer'} speaker-c${look.colour % 6}`, 'data-speaker': turn.speaker },
    children,
  )
}
