/**
 * Share pages (`/<address>/turn-N`, `/<address>/<section-id>`): what a link preview reads (title,
 * description, preview card) and, without JavaScript, the conversation at that turn. Pure: HTML
 * strings from the parsed interview, written by the prerender plugin.
 *
 * A share page holds a window of the conversation (the question, the turn, the turns after it in its
 * section), not the whole interview: a page per turn holding every turn would make the output grow
 * with the square of an interview's length. With JavaScript the app mounts over it and the router
 * sends it to `/<address>#turn-N`, the reader with the whole interview, focused on that turn.
 */
import { creditOf, type Link } from '../core/reader/credit'
import { pairAt, sectionShareDescription, sectionShareTitle, speakerColours, turnsOf, turnShareDescription, turnShareTitle } from '../core/reader/share'
import type { Block, Interview, Section, Turn } from '../core/types'
// The share pages are written in English, with the words of the reader's parts.
import { enParts as en } from '../i18n/messages-parts'
import type { CardPlan } from './cards'
import { CARD_HEIGHT, CARD_WIDTH } from './cards'
import { absoluteUrl, addressPath, escapeHtml, type PageHead, type SiteOptions } from './head'

/** The share page is prerendered in English, as every page is (see README, Languages). */
const SHARE_MORE = 'Read the whole interview from here →'
/** Turns shown after the shared one: enough to read on from it. */
const TURNS_AFTER = 2
/** Turns shown of a shared section. */
const SECTION_TURNS = 6

export interface SharePage {
  /** The target's id (`turn-5`, a section id): the page's folder below the interview's. */
  id: string
  head: PageHead
  html: string
}

interface Context {
  interview: Interview
  address: string
  site: SiteOptions
  cards: CardPlan
  feedUrl: string
}

function initials(name: string): string {
  return Array.from(name.trim())[0]?.toUpperCase() ?? '?'
}

function blockHtml(block: Block, ctx: Context, targetId: string): string {
  const lang = escapeHtml(ctx.interview.lang)
  if (block.kind === 'narration') return `<div class="narration" lang="${lang}">${block.html}</div>`
  const look = speakerColours(ctx.interview.speakers).get(block.speaker)
  const name = escapeHtml(look?.name ?? block.speaker)
  const question = block.role === 'interviewer'
  const classes = [question ? 'turn--question' : 'turn--answer', `speaker-c${look?.colour ?? 0}`, 'turn', ...(block.id === targetId ? ['is-target'] : [])]
  return (
    `<article id="${block.id}" class="${classes.join(' ')}" data-speaker="${escapeHtml(block.speaker)}" aria-labelledby="${block.id}-speaker"${block.id === targetId ? ' aria-current="true"' : ''}>` +
    `<header class="turn__header"><span class="avatar" aria-hidden="true">${escapeHtml(initials(look?.name ?? block.speaker))}</span>` +
    `<span id="${block.id}-speaker" class="turn__speaker">${name}</span><span class="turn__role">${question ? en.question : en.answer}</span></header>` +
    `<div class="turn__body" lang="${lang}">${block.html}</div></article>`
  )
}

/** The blocks of `section` from the one with `fromId` through `count` turns (bylines left out: the header names the author). */
function windowOf(section: Section, fromId: string | null, count: number): Block[] {
  const start = fromId ? section.blocks.findIndex((b) => b.kind === 'turn' && b.id === fromId) : 0
  const out: Block[] = []
  let turns = 0
  for (const block of section.blocks.slice(Math.max(start, 0))) {
    if (block.kind === 'turn' && ++turns > count) break
    if (block.kind === 'narration' && block.byline) continue
    out.push(block)
  }
  return out
}

function linkHtml(link: Link): string {
  return link.url ? `<a href="${escapeHtml(link.url)}" rel="noopener">${escapeHtml(link.text)}</a>` : escapeHtml(link.text)
}

/** The article's source and licence, as the reader gives them (the excerpt is theirs). */
function creditHtml(interview: Interview): string {
  const { original, source, license } = creditOf(interview)
  const parts = [
    ...(original ? [`<a href="${escapeHtml(original)}" rel="noopener">${en.original}</a>`] : []),
    ...(source ? [`${en.source} ${linkHtml(source)}`] : []),
    ...(license ? [`${en.license} ${linkHtml(license)}`] : []),
  ]
  return parts.length > 0 ? `<p class="share-page__credit">${parts.join(' · ')}</p>` : ''
}

function pageHtml(ctx: Context, section: Section, blocks: readonly Block[], targetId: string): string {
  const e = escapeHtml
  const { interview, address, site } = ctx
  const readerHref = `${site.base}${addressPath(address)}`
  const lang = e(interview.lang)
  const heading = section.title ? `<h2 class="conv-section__heading" id="parley-share-heading"><span lang="${lang}">${e(section.title)}</span></h2>` : ''
  return (
    `<main id="parley-main" class="share-page">` +
    `<header class="share-page__header"><p><a href="${e(site.base)}">${en.appName}</a></p>` +
    `<h1 class="share-page__title"><a href="${e(readerHref)}" lang="${lang}">${e(interview.meta.title)}</a></h1></header>` +
    `<section id="${e(section.id)}" class="conv-section${section.id === targetId ? ' is-target' : ''}"${heading ? ' aria-labelledby="parley-share-heading"' : ''}>${heading}${blocks.map((b) => blockHtml(b, ctx, targetId)).join('')}</section>` +
    `<p class="share-page__more"><a href="${e(`${readerHref}#${encodeURIComponent(targetId)}`)}">${SHARE_MORE}</a></p>` +
    creditHtml(interview) +
    `</main>`
  )
}

function head(ctx: Context, id: string, title: string, description: string): PageHead {
  const { interview, address, site, cards } = ctx
  const card = cards.byTarget.get(id) ?? cards.interview
  return {
    title,
    description,
    url: absoluteUrl(site.site, site.base, `${addressPath(address)}/${encodeURIComponent(id)}`),
    htmlLang: site.htmlLang,
    lang: interview.lang || 'en',
    type: 'article',
    publishedTime: interview.meta.date,
    tags: interview.meta.tags,
    alternates: [],
    authors: interview.meta.authors,
    image: { url: absoluteUrl(site.site, site.base, addressPath(card.file)), alt: title, width: CARD_WIDTH, height: CARD_HEIGHT },
    feedUrl: ctx.feedUrl,
  }
}

/** A share page for every turn and every section that has a heading or turns. */
export function sharePages(interview: Interview, address: string, site: SiteOptions, cards: CardPlan, feedUrl: string): SharePage[] {
  const ctx: Context = { interview, address, site, cards, feedUrl }
  const turns = turnsOf(interview)
  const sections = new Map(interview.sections.map((s) => [s.id, s]))
  const pages: SharePage[] = turns.map((turn: Turn, i) => {
    const pair = pairAt(turns, i)
    const section = sections.get(turn.sectionId)!
    const blocks = windowOf(section, (pair.question ?? turn).id, (pair.question ? 1 : 0) + 1 + TURNS_AFTER)
    const title = turnShareTitle(interview, turn)
    return { id: turn.id, head: head(ctx, turn.id, title, turnShareDescription(interview, pair)), html: pageHtml(ctx, section, blocks, turn.id) }
  })
  for (const section of interview.sections) {
    if (section.title === null && !section.blocks.some((b) => b.kind === 'turn')) continue
    const title = sectionShareTitle(interview, section)
    pages.push({ id: section.id, head: head(ctx, section.id, title, sectionShareDescription(section)), html: pageHtml(ctx, section, windowOf(section, null, SECTION_TURNS), section.id) })
  }
  return pages
}
