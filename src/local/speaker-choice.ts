import type { Interview, Role, SpeakerDeclaration } from '../core/types'

/** One row of the Fix speakers panel: a label the parser saw, and what the person decides. */
export interface SpeakerCandidate {
  name: string
  aliases: string[]
  isSpeaker: boolean
  role: Role
}

/** Accepted speakers first (as the parser saw them), then the labels it turned down. */
export function candidatesFor(interview: Interview): SpeakerCandidate[] {
  const seen = new Set<string>()
  const out: SpeakerCandidate[] = []
  for (const s of interview.speakers) {
    seen.add(s.name.toLowerCase())
    s.aliases.forEach((a) => seen.add(a.toLowerCase()))
    out.push({ name: s.name, aliases: s.aliases.filter((a) => a !== s.name), isSpeaker: true, role: s.role })
  }
  for (const label of interview.rejectedLabels) {
    if (seen.has(label.toLowerCase())) continue
    seen.add(label.toLowerCase())
    out.push({ name: label, aliases: [], isSpeaker: false, role: 'interviewee' })
  }
  return out
}

/** The declarations for the chosen rows; an empty list means nobody was chosen. */
export function declarationsFrom(candidates: SpeakerCandidate[]): SpeakerDeclaration[] {
  return candidates.filter((c) => c.isSpeaker).map(({ name, role, aliases }) => ({ name, role, aliases }))
}
