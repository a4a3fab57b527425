import { labelKey } from './labels'
import type { Role, SpeakerDeclaration } from './types'

/** Label forms that carry a role instead of a name. */
const ROLE_LABELS = new Map<string, Role>([
  ['q', 'interviewer'], ['question', 'interviewer'], ['问', 'interviewer'], ['問', 'interviewer'], ['质问', 'interviewer'],
  ['質問', 'interviewer'], ['질문', 'interviewer'], ['п', 'interviewer'], ['питання', 'interviewer'],
  ['a', 'interviewee'], ['answer', 'interviewee'], ['答', 'interviewee'], ['回答', 'interviewee'], ['답', 'interviewee'],
  ['답변', 'interviewee'], ['в', 'interviewee'], ['відповідь', 'interviewee'], ['о', 'interviewee'],
])

export function roleOfRoleLabel(name: string): Role | null {
  return ROLE_LABELS.get(labelKey(name)) ?? null
}

/** One person in the conversation while the parse is in progress. */
export interface Person {
  key: string
  /** Label spellings with how often each opened a turn. */
  labels: Map<string, number>
  /** Names known from bylines, intro or declarations that refer to this person. */
  otherNames: Set<string>
  fixedRole: Role | null
  /** Never labelled in the text: the name comes from the intro or a role. */
  inferred: boolean
}

export interface LabelEvidence {
  /** Candidate label name → how many paragraphs open with it. */
  counts: Map<string, number>
  /** Names the article gives for people: front-matter authors, bylines, hints from the intro. */
  knownNames: string[]
  /** The Markdown before the conversation starts, where participants are usually introduced. */
  introMarkdown: string
  declarations: SpeakerDeclaration[]
  /** Candidate labels in document order, and whether that paragraph asks a question. */
  sequence: { name: string; asks: boolean }[]
}

export interface AcceptedLabels {
  /** Label key → person key, for every label accepted as a speaker. */
  byLabel: Map<string, string>
  people: Map<string, Person>
  rejected: string[]
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const words = (name: string): string[] => labelKey(name).split(' ')

function isWordPrefix(short: string, long: string): boolean {
  const a = words(short)
  const b = words(long)
  return a.length < b.length && a.every((w, i) => w === b[i])
}

/** `Frederico (FSM)` → [`Frederico`, `FSM`]; `DM & RL` → [`DM`, `RL`] */
function nameParts(name: string): string[] {
  const paren = /^(.*?)\s*[(（]([^)）]+)[)）]$/u.exec(name)
  if (paren) return [paren[1] ?? '', paren[2] ?? ''].map((s) => s.trim()).filter(Boolean)
  return name.split(/\s*(?:&|\band\b|和|、|,)\s*/u).filter(Boolean)
}

/**
 * Is this name introduced in the intro as a person? A full name counts wherever it stands; a single
 * word only as link text or in brackets (`[Nabarun](…)`, `Divya Mohan (DM)`), so a topic word the
 * intro happens to use (`Kubernetes`) does not become a speaker.
 */
function introducedIn(markdown: string, name: string): boolean {
  if (!/^\p{Lu}/u.test(name)) return false
  const escaped = escapeRegExp(name)
  const pattern = name.includes(' ')
    ? `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`
    : `[[(（]\\s*${escaped}(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])${escaped}\\s*[\\])）]`
  return new RegExp(pattern, 'u').test(markdown)
}

/**
 * Decide which candidate labels are speakers. A label is a speaker when the evidence says so:
 * it recurs, or it names someone the article introduces (byline, front matter, intro prose),
 * or it is a role label (`Q`/`A`), or the author declared it. A one-off `Note:` or `例如：` is text.
 */
export function acceptLabels(evidence: LabelEvidence): AcceptedLabels {
  const people = new Map<string, Person>()
  const byLabel = new Map<string, string>()
  const rejected: string[] = []

  const declared = new Map<string, SpeakerDeclaration>()
  for (const d of evidence.declarations) for (const n of [d.name, ...d.aliases]) declared.set(labelKey(n), d)

  const isKnown = (name: string): boolean => {
    const parts = nameParts(name)
    return parts.every(
      (part) =>
        evidence.knownNames.some((k) => labelKey(k) === labelKey(part) || isWordPrefix(part, k)) ||
        introducedIn(evidence.introMarkdown, part),
    )
  }

  const accepted: string[] = []
  const groupCount = countWithShortForms(evidence.counts)
  for (const name of evidence.counts.keys()) {
    const key = labelKey(name)
    if (evidence.declarations.length > 0) {
      // Declarations are authoritative: only declared names are speakers.
      if (declared.has(key)) accepted.push(name)
      else rejected.push(name)
      continue
    }
    if ((groupCount.get(name) ?? 0) >= 2 || roleOfRoleLabel(name) || isKnown(name)) accepted.push(name)
    else rejected.push(name)
  }
  if (evidence.declarations.length === 0) {
    acceptByEnumeration(evidence.introMarkdown, accepted, rejected)
    acceptByTurnTaking(evidence.sequence, accepted, rejected)
  }

  for (const name of accepted) {
    const key = labelKey(name)
    const declaration = declared.get(key)
    const personKey = declaration ? labelKey(declaration.name) : key
    let person = people.get(personKey)
    if (!person) {
      person = {
        key: personKey,
        labels: new Map(),
        otherNames: new Set(declaration ? [declaration.name, ...declaration.aliases] : []),
        fixedRole: declaration?.role ?? roleOfRoleLabel(name),
        inferred: false,
      }
      people.set(personKey, person)
    }
    person.labels.set(name, evidence.counts.get(name) ?? 0)
    byLabel.set(key, personKey)
  }
  if (evidence.declarations.length === 0) mergeAliases(people, byLabel)
  return { byLabel, people, rejected }
}

/** `Frederico (FSM)` once and `FSM` once are one person speaking twice. */
function countWithShortForms(counts: Map<string, number>): Map<string, number> {
  const total = new Map(counts)
  const names = [...counts.keys()]
  for (const name of names) {
    if (!/[(（]/u.test(name)) continue
    for (const part of nameParts(name)) {
      const other = names.find((n) => n !== name && labelKey(n) === labelKey(part))
      if (!other) continue
      const sum = (counts.get(name) ?? 0) + (counts.get(other) ?? 0)
      total.set(name, Math.max(total.get(name) ?? 0, sum))
      total.set(other, Math.max(total.get(other) ?? 0, sum))
    }
  }
  return total
}

/** "we sit down with Ben, Nabarun, Paco, Patrick, and Maciej": listed beside known speakers. */
function acceptByEnumeration(introMarkdown: string, accepted: string[], rejected: string[]): void {
  if (accepted.length === 0) return
  const others = accepted.map(escapeRegExp).join('|')
  const separator = String.raw`\s*(?:,|，|、|&|\band\b|和)\s*(?:and\s+)?`
  for (const name of [...rejected]) {
    const me = escapeRegExp(name)
    const listed = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:(?:${others})${separator}${me}|${me}${separator}(?:${others}))(?![\p{L}\p{N}])`, 'u')
    if (/^\p{Lu}/u.test(name) && listed.test(introMarkdown)) {
      rejected.splice(rejected.indexOf(name), 1)
      accepted.push(name)
    }
  }
}

/**
 * A label seen once is still a speaker when it takes part in the turn-taking: it answers a question
 * put by an accepted speaker, or asks one that an accepted speaker answers. A `Note:` after an
 * answer does neither.
 */
function acceptByTurnTaking(sequence: LabelEvidence['sequence'], accepted: string[], rejected: string[]): void {
  const isAccepted = (name: string | undefined): boolean => name !== undefined && accepted.includes(name)
  if (accepted.length === 0) {
    // A short exchange where each person speaks once: a question answered by someone else seeds it.
    const seed = sequence.findIndex((item, i) => item.asks && sequence[i + 1] && !sequence[i + 1]?.asks && sequence[i + 1]?.name !== item.name)
    if (seed === -1) return
    for (const name of [sequence[seed]?.name, sequence[seed + 1]?.name]) {
      if (name === undefined) continue
      rejected.splice(rejected.indexOf(name), 1)
      accepted.push(name)
    }
  }
  let changed = true
  while (changed) {
    changed = false
    sequence.forEach((item, i) => {
      if (!rejected.includes(item.name)) return
      const before = sequence[i - 1]
      const after = sequence[i + 1]
      const answersQuestion = before !== undefined && isAccepted(before.name) && before.asks && !item.asks
      const asksAnswered = after !== undefined && isAccepted(after.name) && item.asks && !after.asks
      if (answersQuestion || asksAnswered) {
        rejected.splice(rejected.indexOf(item.name), 1)
        accepted.push(item.name)
        changed = true
      }
    })
  }
}

/** Join spellings of one person: `Frederico (FSM)` with `FSM`, `Jim` with `Jim Bugwadia`. */
function mergeAliases(people: Map<string, Person>, byLabel: Map<string, string>): void {
  const merge = (from: Person, into: Person): void => {
    for (const [label, count] of from.labels) into.labels.set(label, count)
    for (const n of from.otherNames) into.otherNames.add(n)
    for (const [label, key] of byLabel) if (key === from.key) byLabel.set(label, into.key)
    people.delete(from.key)
  }
  for (const person of [...people.values()]) {
    if (!people.has(person.key)) continue
    const name = [...person.labels.keys()][0] ?? ''
    const parts = nameParts(name)
    const target =
      (parts.length > 1 && /[(（]/u.test(name) && [...people.values()].find((p) => p !== person && parts.some((part) => labelKey(part) === p.key))) ||
      singleOrNull([...people.values()].filter((p) => p !== person && isWordPrefix(p.key, person.key)))
    if (target) merge(person, target)
  }
}

function singleOrNull<T>(items: T[]): T | null {
  return items.length === 1 ? (items[0] as T) : null
}

/** Attach a name from a byline or the intro (`Arujjwal Negi`) to the labelled person it refers to. */
export function findPersonByName(people: Iterable<Person>, name: string): Person | null {
  const key = labelKey(name)
  const all = [...people]
  const exact = all.find((p) => p.key === key || [...p.labels.keys(), ...p.otherNames].some((n) => labelKey(n) === key))
  if (exact) return exact
  return singleOrNull(all.filter((p) => [...p.labels.keys()].some((n) => isWordPrefix(n, name) || isWordPrefix(name, n))))
}

/** The display name: the spelling used most, then the shortest. */
export function displayName(person: Person): string {
  const labels = [...person.labels.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)
  return labels[0]?.[0] ?? [...person.otherNames][0] ?? person.key
}

export interface RoleEvidence {
  person: Person
  turns: number
  /** Turns whose text ends in a question. */
  questions: number
  /** Sections in which this person speaks first. */
  opensSections: number
  namedAsInterviewer: boolean
  namedAsInterviewee: boolean
}

/**
 * Interviewers ask (their turns end with `?`), open sections, and are the byline's author or named
 * as such in the intro. Everyone else is interviewed. With labelled questions missing, the unlabelled
 * asker takes the interviewer role and labelled people answer unless they clearly ask.
 */
export function inferRoles(evidence: RoleEvidence[], hasUnlabelledInterviewer: boolean): Map<string, Role> {
  const roles = new Map<string, Role>()
  const open: RoleEvidence[] = []
  for (const e of evidence) {
    if (e.person.fixedRole) roles.set(e.person.key, e.person.fixedRole)
    else open.push(e)
  }
  const score = (e: RoleEvidence): number =>
    (e.turns ? e.questions / e.turns : 0) + (e.namedAsInterviewer ? 1 : 0) - (e.namedAsInterviewee ? 1 : 0) + 0.25 * (e.opensSections > 0 ? 1 : 0)
  const asks = (e: RoleEvidence): boolean => e.turns > 0 && e.questions / e.turns >= 0.5
  const haveInterviewer = hasUnlabelledInterviewer || [...roles.values()].includes('interviewer')
  const ranked = [...open].sort((a, b) => score(b) - score(a))
  const best = ranked[0]
  for (const e of open) {
    const isInterviewer =
      (e.namedAsInterviewer && !e.namedAsInterviewee) ||
      (asks(e) && score(e) > 0.5) ||
      (!haveInterviewer && e === best && open.length > 1)
    roles.set(e.person.key, isInterviewer ? 'interviewer' : 'interviewee')
  }
  return roles
}
