/**
 * Export the current view (speaker filter applied) as Markdown or as the parser's JSON model.
 * Pure: the UI only turns the returned text into a download. Loaded on first use (ExportMenu.vue),
 * so the HTML-to-Markdown converter stays out of the reader's initial JavaScript.
 */
import { headingFromText, htmlToMarkdown, type MarkdownBlock } from './html-to-markdown'
import type { Block, Interview, Speaker, Turn } from '../types'

export interface ExportFile {
  name: string
  type: string
  text: string
}

/** The interview as currently shown: hidden turns dropped, narration kept, speakers narrowed. */
export function viewOf(interview: Interview, isVisible: (turn: Turn) => boolean): Interview {
  const sections = interview.sections.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.kind === 'narration' || isVisible(b)) }))
  const shown = new Set(sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'turn' ? [b.speaker] : []))))
  return { ...interview, speakers: interview.speakers.filter((s) => shown.has(s.id)), sections }
}

/**
 * Markdown that Parley reads back as the same conversation: front matter with a `parley.speakers`
 * block naming every speaker and role, section headings, `**Name**: …` turns, and each block's
 * content as the Markdown (or safe HTML) it was written in.
 */
export function toMarkdown(interview: Interview, isVisible: (turn: Turn) => boolean): string {
  const view = viewOf(interview, isVisible)
  const speakers = new Map(view.speakers.map((s) => [s.id, s]))
  const title = titleBlock(view)
  const sectionLevel = sectionLevelOf(view, title)
  const out: string[] = [frontMatter(view), '']
  for (const section of view.sections) {
    if (section.title !== null) out.push(`${'#'.repeat(sectionLevel)} ${headingFromText(section.title)}`, '')
    for (const block of section.blocks) {
      const parts = htmlToMarkdown(block.html, { ruleAsBreak: block.kind === 'narration', headingsFrom: block === title ? 1 : sectionLevel + 1 })
      const body = block.kind === 'turn' ? labelled(block, speakers.get(block.speaker), parts) : parts
      for (const part of body) out.push(part.markdown, '')
    }
  }
  return `${out.join('\n').trimEnd()}\n`
}

/**
 * `**Name**: ` opens the turn's first paragraph, or stands on its own line before a list or a quote.
 * A name that markup would break (a byline name given to `Q:`, say) gives way to the turn's label as
 * the article wrote it, which the parser already read as one; failing that it is written as text.
 */
function labelled(turn: Turn, speaker: Speaker | undefined, parts: MarkdownBlock[]): MarkdownBlock[] {
  const name = [speaker?.name, turn.label].find((n) => n && fitsLabel(n)) ?? (speaker?.name ?? turn.speaker).replace(/[\\`*_[\]<{]/g, '\\$&')
  const label = `${turn.time ? `[${turn.time}] ` : ''}**${name}**:`
  const [first, ...rest] = parts
  if (first?.paragraph) return [{ markdown: `${label} ${first.markdown}`, paragraph: true }, ...rest]
  return [{ markdown: label, paragraph: true }, ...parts]
}

/** Markup, a colon or a line break would end `**Name**:` early or make it something else. */
const fitsLabel = (name: string): boolean => name.length <= 40 && name === name.trim() && !/[[\]{}<>*_`#|\\:：\n]/.test(name)

const HEADING = /<h([1-6])\b/g

/** The article's title heading (`# Title` above the intro), which the parser tells apart from sections. */
function titleBlock(view: Interview): Block | null {
  const intro = view.sections[0]
  if (intro?.title !== null) return null
  const first = intro.blocks[0]
  return first?.kind === 'narration' && /^<h[1-6]>/.test(first.html) && first.text.split('\n')[0] === view.meta.title ? first : null
}

/**
 * Sections are written one level above every heading inside the blocks (usually `##` over `###`),
 * so none of those becomes a section when the export is read back.
 */
function sectionLevelOf(view: Interview, title: Block | null): number {
  let deepest = 3
  for (const section of view.sections) {
    for (const block of section.blocks) {
      if (block === title) continue
      for (const m of block.html.matchAll(HEADING)) deepest = Math.min(deepest, Number(m[1]))
    }
  }
  return Math.max(1, deepest - 1)
}

/**
 * Keys written from the model; every other front-matter key is kept as it was (`postauthors`,
 * `translationKey`…). Where both spellings exist the parser reads the one written here first.
 */
const WRITTEN = new Set(['title', 'slug', 'description', 'date', 'author', 'translator', 'tags', 'canonicalUrl', 'lang', 'parley'])

function frontMatter(view: Interview): string {
  const { meta } = view
  const lines = ['---', `title: ${json(meta.title)}`, `slug: ${json(view.slug)}`]
  const optional: [string, unknown][] = [
    ['description', meta.description],
    ['date', meta.date],
    ['author', meta.authors.length ? meta.authors : null],
    ['translator', meta.translators.length ? meta.translators : null],
    ['tags', meta.tags.length ? meta.tags : null],
    ['canonicalUrl', meta.canonicalUrl],
    ['lang', view.lang],
  ]
  for (const [key, value] of optional) if (value !== null) lines.push(`${key}: ${json(value)}`)
  for (const [key, value] of Object.entries(meta.frontMatter)) {
    if (!WRITTEN.has(key) && value !== undefined) lines.push(`${yamlKey(key)}: ${json(value)}`)
  }
  const settings = meta.frontMatter.parley
  const kept = settings && typeof settings === 'object' && !Array.isArray(settings) ? Object.entries(settings).filter(([key]) => key !== 'speakers') : []
  // No speakers: no block, so reading the export back infers none from the same text, as before.
  if (kept.length || view.speakers.length) lines.push('parley:')
  for (const [key, value] of kept) lines.push(`  ${yamlKey(key)}: ${json(value)}`)
  if (view.speakers.length) lines.push('  speakers:')
  for (const speaker of view.speakers) {
    lines.push(`    - name: ${json(speaker.name)}`, `      role: ${speaker.role}`)
    const aliases = speaker.aliases.filter((a) => a !== speaker.name)
    if (aliases.length) lines.push(`      aliases: ${json(aliases)}`)
  }
  lines.push('---')
  return lines.join('\n')
}

/** JSON is YAML: every value written this way reads back exactly, whatever characters it holds. */
const json = (value: unknown): string => JSON.stringify(value)
const yamlKey = (key: string): string => (/^[A-Za-z_][\w-]*$/.test(key) ? key : json(key))

export function toJson(interview: Interview, isVisible: (turn: Turn) => boolean): string {
  return `${JSON.stringify(viewOf(interview, isVisible), null, 2)}\n`
}

export function exportFile(interview: Interview, isVisible: (turn: Turn) => boolean, format: 'markdown' | 'json'): ExportFile {
  return format === 'markdown'
    ? { name: `${interview.slug}.md`, type: 'text/markdown;charset=utf-8', text: toMarkdown(interview, isVisible) }
    : { name: `${interview.slug}.json`, type: 'application/json', text: toJson(interview, isVisible) }
}
