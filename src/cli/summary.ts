import type { Interview } from '../core/types'

/** The CLI's JSON Lines shape: the parts of the model a person or a test wants to compare. */
export function summarise(interview: Interview): object {
  const names = new Map(interview.speakers.map((s) => [s.id, s.name]))
  return {
    file: interview.file,
    slug: interview.slug,
    title: interview.meta.title,
    lang: interview.lang,
    speakers: interview.speakers.map((s) => ({ name: s.name, role: s.role, aliases: s.aliases, turns: s.turnCount })),
    sections: interview.sections.map((section) => ({
      id: section.id,
      title: section.title,
      turns: section.blocks.flatMap((b) =>
        b.kind === 'turn' ? [{ id: b.id, speaker: names.get(b.speaker) ?? b.speaker, label: b.label, role: b.role, lines: [b.lines.start, b.lines.end], text: b.text }] : [],
      ),
    })),
  }
}
