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
  /** The prose before the conversation starts, where participants are usually introduced. */
  introText: string
  declarations: SpeakerDeclaration[]
}

export interface AcceptedLabels {
  /** Label key → person key, for every label accepted as a speaker. */
  byLabel: Map<string, string>
  people: Map<string, Person>
  rejected: string[]
}

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

function mentionedIn(text: string, name: string): boolean {
  if (!/^\p{Lu}/u.test(name)) return false
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text)
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
        mentionedIn(evidence.introText, part),
    )
  }

  const accepted: string[] = []
  for (const [name, count] of evidence.counts) {
    const key = labelKey(name)
    if (evidence.declarations.length > 0) {
      // Declarations are authoritative: only declared names are speakers.
      if (declared.has(key)) accepted.push(name)
      else rejected.push(name)
      continue
    }
    if (count >= 2 || roleOfRoleLabel(name) || isKnown(name)) accepted.push(name)
    else rejected.push(name)
  }
  // A one-off `Frederico (FSM)` is accepted through its recurring short form `FSM`.
  for (const name of [...rejected]) {
    const parts = nameParts(name)
    if (parts.length > 1 && parts.some((p) => accepted.some((a) => labelKey(a) === labelKey(p)))) {
      accepted.push(name)
      rejected.splice(rejected.indexOf(name), 1)
    }
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
