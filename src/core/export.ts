/**
 * Export the current view (speaker filter applied) as Markdown or as the parser's JSON model.
 * Pure: the UI only turns the returned text into a download.
 */
import type { Interview, Turn } from './types'

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

/** Markdown that Parley itself reads back as the same conversation (`**Name**: text`). */
export function toMarkdown(interview: Interview, isVisible: (turn: Turn) => boolean): string {
  const view = viewOf(interview, isVisible)
  const names = new Map(interview.speakers.map((s) => [s.id, s.name]))
  const { meta } = view
  const out: string[] = ['---', `title: ${JSON.stringify(meta.title)}`]
  if (meta.date) out.push(`date: ${JSON.stringify(meta.date)}`)
  if (meta.canonicalUrl) out.push(`canonicalUrl: ${JSON.stringify(meta.canonicalUrl)}`)
  out.push(`lang: ${JSON.stringify(view.lang)}`, '---', '', `# ${meta.title}`, '')
  if (meta.description) out.push(`> ${meta.description}`, '')
  for (const section of view.sections) {
    if (section.title !== null) out.push(`## ${section.title}`, '')
    for (const block of section.blocks) {
      const text = block.text.trim()
      if (block.kind === 'narration') out.push(text, '')
      else out.push(`**${names.get(block.speaker) ?? block.label ?? block.speaker}**: ${text}`, '')
    }
  }
  return `${out.join('\n').trimEnd()}\n`
}

export function toJson(interview: Interview, isVisible: (turn: Turn) => boolean): string {
  return `${JSON.stringify(viewOf(interview, isVisible), null, 2)}\n`
}

export function exportFile(interview: Interview, isVisible: (turn: Turn) => boolean, format: 'markdown' | 'json'): ExportFile {
  return format === 'markdown'
    ? { name: `${interview.slug}.md`, type: 'text/markdown;charset=utf-8', text: toMarkdown(interview, isVisible) }
    : { name: `${interview.slug}.json`, type: 'application/json', text: toJson(interview, isVisible) }
}
