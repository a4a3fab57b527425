import type { Interview, Role } from '../core/types'

/** The hand-checked answer format of the evaluation corpus (see the corpus README). */
export interface Truth {
  file: string
  title?: string
  speakers: { name: string; role: Role; aliases?: string[] }[]
  sections: { title: string | null; turns: { speaker: string; starts: string }[] }[]
}

export interface Score {
  turns: { truth: number; predicted: number; matched: number; f1: number }
  sections: { truth: number; predicted: number; matched: number; f1: number }
  roles: { truth: number; correct: number; accuracy: number }
}

/** Compare loosely on purpose: width, case, markup and runs of spaces are not what we measure. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function opensWith(text: string, starts: string): boolean {
  const a = normalise(text)
  const b = normalise(starts)
  const n = Math.min(b.length, 20)
  return n > 0 && a.slice(0, n) === b.slice(0, n)
}

/** Longest common subsequence size: matches must keep document order. */
function lcs<A, B>(a: A[], b: B[], same: (x: A, y: B) => boolean): Array<[number, number]> {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = same(a[i]!, b[j]!) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (same(a[i]!, b[j]!)) pairs.push([i++, j++])
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++
    else j++
  }
  return pairs
}

const f1 = (matched: number, truth: number, predicted: number): number =>
  truth + predicted === 0 ? 1 : (2 * matched) / (truth + predicted)

/** Sections a reader would list: every heading, plus the intro when it holds turns. */
export function visibleSections(interview: Interview): Interview['sections'] {
  return interview.sections.filter((s) => s.title !== null || s.blocks.some((b) => b.kind === 'turn'))
}

export function scoreInterview(interview: Interview, truth: Truth): Score {
  const byId = new Map(interview.speakers.map((s) => [s.id, s]))
  const predicted = interview.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'turn' ? [{ ...b, speakerInfo: byId.get(b.speaker) }] : [])),
  )
  const truthRole = new Map<string, Role>()
  const truthAliases = new Map<string, Set<string>>()
  for (const s of truth.speakers) {
    const names = new Set([s.name, ...(s.aliases ?? [])].map(normalise))
    for (const n of names) {
      truthRole.set(n, s.role)
      truthAliases.set(n, names)
    }
  }
  const expected = truth.sections.flatMap((s) => s.turns)

  const speakerMatches = (p: (typeof predicted)[number], t: (typeof expected)[number]): boolean => {
    const wanted = normalise(t.speaker)
    if (wanted === 'interviewer' || wanted === 'interviewee') return p.role === wanted
    const accepted = truthAliases.get(wanted) ?? new Set([wanted])
    const mine = [p.speakerInfo?.name ?? '', ...(p.speakerInfo?.aliases ?? []), p.label ?? ''].map(normalise)
    return mine.some((n) => accepted.has(n))
  }
  const turnPairs = lcs(predicted, expected, (p, t) => opensWith(p.text, t.starts) && speakerMatches(p, t))
  const textPairs = lcs(predicted, expected, (p, t) => opensWith(p.text, t.starts))
  const correctRoles = textPairs.filter(([i, j]) => {
    const t = expected[j]!
    const wanted = normalise(t.speaker)
    const role = wanted === 'interviewer' || wanted === 'interviewee' ? wanted : truthRole.get(wanted)
    return predicted[i]!.role === role
  }).length

  const mySections = visibleSections(interview).map((s) => (s.title === null ? null : normalise(s.title)))
  const theirSections = truth.sections.map((s) => (s.title === null ? null : normalise(s.title)))
  const sectionPairs = lcs(mySections, theirSections, (a, b) => a === b)

  return {
    turns: { truth: expected.length, predicted: predicted.length, matched: turnPairs.length, f1: f1(turnPairs.length, expected.length, predicted.length) },
    sections: { truth: theirSections.length, predicted: mySections.length, matched: sectionPairs.length, f1: f1(sectionPairs.length, theirSections.length, mySections.length) },
    roles: { truth: expected.length, correct: correctRoles, accuracy: expected.length ? correctRoles / expected.length : 1 },
  }
}
