import { PERSON_NAME } from './hints'
import { labelKey } from './labels'
import { allMatches } from './regex'
import type { RoleReader } from './role-labels'
import type { Role, SpeakerDeclaration } from './types'

/** One person in the conversation while the parse is in progress. */
export interface Person {
  key: string
  /** Label spellings with how often each opened a turn. */
  labels: Map<string, number>
  /** Names known from bylines, intro or declarations that refer to this person. */
  otherNames: Set<string>
  fixedRole: Role | null
  /** Labelled only with role labels (`Q`, `答`): the intro may say who it is. */
  roleLabelled: boolean
  /** Never labelled in the text: the name comes from the intro or a role. */
  inferred: boolean
  /** Only the role is known: the UI names it. */
  unnamed?: boolean
}

export interface LabelEvidence {
  /** Candidate label name → how many paragraphs open with it. */
  counts: Map<string, number>
  /** Names the article gives for people: front-matter authors, bylines, hints from the intro. */
  knownNames: string[]
  /** The Markdown before the conversation starts, where participants are usually introduced. */
  introMarkdown: string
  declarations: SpeakerDeclaration[]
  /** Candidate labels in document order, whether that paragraph asks a question, and whether it is quoted (`> **Tom**: …`). */
  sequence: { name: string; asks: boolean; quoted?: boolean }[]
  /** Which labels stand for a role in this article (`Q`/`A`, `P`/`R`, `问`/`答`). */
  roles: RoleReader
  /** The article also has unlabelled questions (or question headings): a lone label has its counterpart. */
  otherSide: boolean
}

export interface AcceptedLabels {
  /** Label key → person key, for every label accepted as a speaker. */
  byLabel: Map<string, string>
  people: Map<string, Person>
  rejected: string[]
  /**
   * The labelled speakers only ask (a reporter's `Q:` before every question, readers of a mailbag):
   * the unlabelled text after each of their lines is its answer.
   */
  onlyAsk: boolean
}

/** `arujjwal` starts `arujjwal negi` word for word (label keys have single spaces, trimmed). */
function isWordPrefix(shortKey: string, longKey: string): boolean {
  return longKey.length > shortKey.length && longKey.startsWith(shortKey) && longKey[shortKey.length] === ' '
}

/** `Frederico (FSM)` → [`Frederico`, `FSM`]; `DM & RL` → [`DM`, `RL`] */
function nameParts(name: string): string[] {
  const paren = /^(.*?)\s*[(（]([^)）]+)[)）]$/u.exec(name)
  if (paren) return [paren[1] ?? '', paren[2] ?? ''].map((s) => s.trim()).filter(Boolean)
  return name.split(/\s*(?:&|\/|\band\b|和|、|,)\s*/u).filter(Boolean)
}

const WORD = /[\p{L}\p{N}'’.-]+/gu
const LIST_NAME = String.raw`\p{Lu}[\p{L}\p{N}'’-]*(?:[ \t]\p{Lu}[\p{L}\p{N}'’-]*){0,3}`
const LIST_SEPARATOR = String.raw`\s*(?:,|，|、|&|\band\b|和)\s*(?:and\s+)?`
const NAME_LIST = new RegExp(String.raw`${LIST_NAME}(?:${LIST_SEPARATOR}${LIST_NAME})+`, 'gu')
const LIST_SEPARATOR_PATTERN = new RegExp(LIST_SEPARATOR, 'u')
const BRACKETED = /[[(（]\s*([^\])）]{1,80}?)\s*[\])）]/gu
/** Longest full name looked up in the intro, in words. */
const MAX_NAME_WORDS = 5

const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, ' ').trim()

/**
 * What the intro says about people. A full name counts wherever it stands; a single word only as
 * link text or in brackets (`[Nabarun](…)`, `Divya Mohan (DM)`), so a topic word the intro happens
 * to use (`Kubernetes`) does not become a speaker. Each part is indexed on first use, in one pass:
 * long intros (some articles are mostly intro) are not turned into every run of capitalised words.
 */
class IntroIndex {
  private words: string[] = []
  private wordPositions: Map<string, number[]> | null = null
  private bracketed: Set<string> | null = null
  private nameLists: string[][] | null = null
  private normalized: string | null = null

  constructor(private readonly markdown: string) {}

  introduces(name: string): boolean {
    if (!/^\p{Lu}/u.test(name)) return false
    const key = nameKey(name)
    return key.includes(' ') ? this.hasFullName(key.split(' ')) : this.bracketedWords().has(key)
  }

  /** A cheap test before the name patterns run: does the (NFKC) intro contain this text at all? */
  mentions(text: string): boolean {
    this.normalized ??= this.markdown.normalize('NFKC')
    return this.normalized.includes(text)
  }

  /** Names listed together: "Ben, Nabarun, Paco, Patrick, and Maciej". */
  lists(): string[][] {
    if (!this.nameLists) {
      const plain = this.markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      this.nameLists = allMatches(NAME_LIST, plain).map((m) => m[0].split(LIST_SEPARATOR_PATTERN).map(nameKey))
    }
    return this.nameLists
  }

  /** The words of the name follow one another in the intro (punctuation between them aside). */
  private hasFullName(parts: string[]): boolean {
    if (parts.length > MAX_NAME_WORDS) return false
    if (!this.wordPositions) {
      this.words = this.markdown.match(WORD) ?? []
      this.wordPositions = new Map()
      this.words.forEach((word, i) => {
        const list = this.wordPositions?.get(word)
        if (list) list.push(i)
        else this.wordPositions?.set(word, [i])
      })
    }
    const starts = this.wordPositions.get(parts[0] as string) ?? []
    return starts.some((start) => parts.every((part, j) => this.words[start + j] === part))
  }

  private bracketedWords(): Set<string> {
    if (!this.bracketed) {
      this.bracketed = new Set()
      for (const m of allMatches(BRACKETED, this.markdown)) {
        const inside = (m[1] ?? '').trim().split(/\s+/)
        this.bracketed.add(inside[0] ?? '')
        this.bracketed.add(inside[inside.length - 1] ?? '')
      }
    }
    return this.bracketed
  }
}

/** Every word-prefix of the known names' keys: `arujjwal` and `arujjwal negi` for `Arujjwal Negi`. */
function knownKeys(names: string[]): Set<string> {
  const keys = new Set<string>()
  for (const name of names) {
    const key = labelKey(name)
    for (let space = key.indexOf(' '); space !== -1; space = key.indexOf(' ', space + 1)) keys.add(key.slice(0, space))
    keys.add(key)
  }
  return keys
}

/**
 * Decide which candidate labels are speakers. A label is a speaker when the evidence says so:
 * it recurs, or it names someone the article introduces (byline, front matter, intro prose),
 * or it takes part in the turn-taking, or it is a role label (`Q`/`A`), or the author declared it.
 * A one-off `Note:` or `例如：` is text.
 */
export function acceptLabels(evidence: LabelEvidence): AcceptedLabels {
  const declared = new Map<string, SpeakerDeclaration>()
  for (const d of evidence.declarations) for (const n of [d.name, ...d.aliases]) declared.set(labelKey(n), d)

  const accepted = new Set<string>()
  let mailbag = false
  if (evidence.declarations.length > 0) {
    // Declarations are authoritative: only declared names are speakers.
    for (const name of evidence.counts.keys()) if (declared.has(labelKey(name))) accepted.add(name)
  } else {
    // Most articles' labels all recur: the intro is only indexed when a one-off label needs it.
    const intro = new IntroIndex(evidence.introMarkdown)
    const known = knownKeys(evidence.knownNames)
    // `RS)` for the author Reshama Shaikh: initials of a name the article gives are that person.
    let initials: Map<string, string> | null = null
    const isInitialsOfKnown = (name: string): boolean => INITIALS.test(name) && (initials ??= initialsOf(evidence.knownNames)).has(labelKey(name))
    const isKnown = (name: string): boolean => nameParts(name).every((part) => known.has(labelKey(part)) || intro.introduces(part)) || isInitialsOfKnown(name)
    const groupCount = countWithShortForms(evidence.counts)
    const numbered = numberedFamilies(evidence.counts)
    for (const name of evidence.counts.keys()) {
      const role = evidence.roles.roleOf(name)
      if (role) {
        accepted.add(name)
        continue
      }
      // A note word (`Note:`, `例如：`) or one of a numbered family (`Step 1:`, `Step 2:`) needs the
      // article to name it as a person; recurring is what such labels do anyway.
      if (isNoteWord(name) || numbered.has(name)) {
        if (isKnown(name)) accepted.add(name)
        continue
      }
      if ((groupCount.get(name) ?? 0) >= 2 || isKnown(name) || HOST_WORDS.has(labelKey(name))) accepted.add(name)
    }
    if (accepted.size < evidence.counts.size) acceptByEnumeration(intro, evidence.counts, accepted, numbered)
    acceptByTurnTaking(evidence.sequence, accepted, (name) => isNoteWord(name) || numbered.has(name))
    acceptRoundRobin(evidence.sequence, accepted)
    acceptJointLabels(evidence.counts, accepted)
    // Most names are still out: a mailbag's readers each write once.
    mailbag = accepted.size * 2 < evidence.counts.size && acceptMailbag(evidence.sequence, accepted)
    dropLoneSpeaker(evidence, accepted)
  }

  const people = new Map<string, Person>()
  const byLabel = new Map<string, string>()
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
        fixedRole: declaration?.role ?? evidence.roles.roleOf(name),
        roleLabelled: !declaration && evidence.roles.roleOf(name) !== null,
        inferred: false,
      }
      people.set(personKey, person)
    }
    person.labels.set(name, evidence.counts.get(name) ?? 0)
    byLabel.set(key, personKey)
    // A mailbag's readers put the questions, whether or not their line ends with `?`.
    if (mailbag) person.fixedRole ??= 'interviewer'
  }
  if (evidence.declarations.length === 0) {
    // Short forms only matter when some label looks like initials (`FSM`, `AP`).
    const initialsLike = [...accepted].some((name) => INITIALS.test(name))
    mergeAliases(people, byLabel, initialsLike ? shortForms(evidence.introMarkdown, [...evidence.knownNames, ...accepted]) : new Map())
  }
  const rejected = [...evidence.counts.keys()].filter((name) => !accepted.has(name))
  return { byLabel, people, rejected, onlyAsk: mailbag || (people.size === 1 && alwaysAsk(evidence.sequence, accepted)) }
}

const INITIALS = /^\p{Lu}{1,5}$/u

/** The words of a full name; a middle dot joins transliterated ones (`托马斯·皮凯蒂`). */
const NAME_WORD_BREAK = /[\s·・•]+/u

/** `托马斯·皮凯蒂` → `托马斯`, `皮凯蒂`: the given name and the surname, each a short form a label may use. */
function firstAndLastWords(key: string): string[] {
  const words = key.split(NAME_WORD_BREAK)
  return words.length > 1 ? [words[0] as string, words[words.length - 1] as string] : []
}

/**
 * `Frederico (FSM)` once and `FSM` once, or `Thomas Piketty` once and `Piketty` after, are one person
 * speaking twice.
 */
function countWithShortForms(counts: Map<string, number>): Map<string, number> {
  const total = new Map(counts)
  const byKey = new Map([...counts.keys()].map((n) => [labelKey(n), n]))
  // `**Manuel Schmalstieg** –` once, then `**MS** –`: the initials of a full label are its short form.
  const byInitials = initialsOf([...counts.keys()])
  for (const [name, count] of counts) {
    const initialsOfFull = INITIALS.test(name) ? byInitials.get(labelKey(name)) : undefined
    const parts = initialsOfFull ? [initialsOfFull] : /[(（]/u.test(name) ? nameParts(name) : firstAndLastWords(labelKey(name))
    for (const part of parts) {
      const other = byKey.get(labelKey(part))
      if (other === undefined || other === name) continue
      const sum = count + (counts.get(other) ?? 0)
      total.set(name, Math.max(total.get(name) ?? 0, sum))
      total.set(other, Math.max(total.get(other) ?? 0, sum))
    }
  }
  return total
}

/** "we sit down with Ben, Nabarun, Paco, Patrick, and Maciej": listed beside accepted speakers. */
function acceptByEnumeration(intro: IntroIndex, counts: Map<string, number>, accepted: Set<string>, numbered: Set<string>): void {
  if (![...counts.keys()].some((name) => !accepted.has(name) && intro.mentions(nameKey(name).split(' ')[0] ?? ''))) return
  const byKey = new Map([...counts.keys()].map((n) => [nameKey(n), n]))
  for (const list of intro.lists()) {
    const labels = list.map((member) => byKey.get(member))
    if (!labels.some((label) => label !== undefined && accepted.has(label))) continue
    for (const label of labels) if (label !== undefined && !numbered.has(label)) accepted.add(label)
  }
}

/**
 * A label seen once is still a speaker when it takes part in the turn-taking: it answers a question
 * put by an accepted speaker, or asks one that an accepted speaker answers. A `Note:` after an
 * answer does neither. Each acceptance re-examines only the neighbours of that label's paragraphs.
 */
function acceptByTurnTaking(sequence: LabelEvidence['sequence'], accepted: Set<string>, needsNaming: (name: string) => boolean): void {
  if (accepted.size === 0) {
    // A short exchange where each person speaks once: a question answered by someone else seeds it.
    const seed = sequence.findIndex(
      (item, i) => item.asks && sequence[i + 1] && !sequence[i + 1]?.asks && sequence[i + 1]?.name !== item.name && !needsNaming(item.name) && !needsNaming(sequence[i + 1]?.name ?? ''),
    )
    if (seed === -1) return
    accepted.add(sequence[seed]?.name as string)
    accepted.add(sequence[seed + 1]?.name as string)
  }
  const positions = new Map<string, number[]>()
  sequence.forEach((item, i) => {
    const list = positions.get(item.name)
    if (list) list.push(i)
    else positions.set(item.name, [i])
  })
  const takesPart = (i: number): boolean => {
    const item = sequence[i]
    if (!item || accepted.has(item.name) || needsNaming(item.name)) return false
    const before = sequence[i - 1]
    const after = sequence[i + 1]
    const answersQuestion = before !== undefined && accepted.has(before.name) && before.asks && !item.asks
    const asksAnswered = after !== undefined && accepted.has(after.name) && item.asks && !after.asks
    return answersQuestion || asksAnswered
  }
  const queue = sequence.map((_, i) => i)
  while (queue.length > 0) {
    const i = queue.pop() as number
    if (!takesPart(i)) continue
    const name = (sequence[i] as { name: string }).name
    accepted.add(name)
    for (const p of positions.get(name) ?? []) queue.push(p - 1, p + 1)
  }
}

/**
 * Words that label notes, examples and steps in prose, not people. They are weighed, not banned: a
 * person the article introduces may still be called `Note`.
 */
const NOTE_WORDS = new Set([
  'note', 'notes', 'nb', 'n.b', 'tip', 'tips', 'hint', 'warning', 'caution', 'important', 'example', 'examples', 'e.g', 'error', 'output',
  'input', 'result', 'results', 'usage', 'step', 'summary', 'update', 'edit', 'source', 'sources', 'see also', 'todo', 'fix', 'solution',
  'problem', 'info', 'danger', 'remark', 'hinweis', 'achtung', 'beispiel', 'remarque', 'exemple', 'attention', 'nota', 'ejemplo',
  'exemplo', 'esempio', 'примечание', 'пример', 'примітка', 'приклад', '注意', '注', '注释', '例如', '比如', '提示', '输出', '输入',
  '步骤', '警告', '说明', '备注', '例', '注意事項', '例えば', 'ヒント', '出力', '警告', '참고', '예', '주의', '팁',
])

/** Labels that name a participant by their part in a show or panel; one turn is enough for them. */
const HOST_WORDS = new Set(['host', 'co-host', 'moderator', 'presenter', 'narrator', 'announcer', 'guest', 'moderation', 'moderatorin', 'gast', 'animateur', 'invité', 'presentador', 'invitado', 'apresentador', 'convidado', 'conduttore', 'ospite', 'ведущий', 'гость', 'ведучий', 'гість', '主持人', '嘉宾', '司会', 'ゲスト', '사회자', '게스트'])

function isNoteWord(name: string): boolean {
  return NOTE_WORDS.has(labelKey(name).replace(/[.:]$/, ''))
}

/** `Step 1`, `Step 2`, `步骤一`…: labels that differ only by a number count things, not people. */
function numberedFamilies(counts: Map<string, number>): Set<string> {
  const families = new Map<string, string[]>()
  for (const name of counts.keys()) {
    const stem = labelKey(name).replace(/\s*(?:\d+|[ivx]+|[一二三四五六七八九十]+)[.)]?$/u, '')
    if (stem === labelKey(name) || stem === '') continue
    const members = families.get(stem)
    if (members) members.push(name)
    else families.set(stem, [name])
  }
  const numbered = new Set<string>()
  for (const members of families.values()) if (members.length >= 2) for (const m of members) numbered.add(m)
  return numbered
}

/**
 * A conversation has two sides. A single accepted label with nobody answering it (no other label, no
 * role label) is a recurring prefix (`Update:` in a changelog), not a speaker; the caller lets
 * unlabelled questions and answers count as the other side, where they exist, by declaring.
 */
function dropLoneSpeaker(evidence: LabelEvidence, accepted: Set<string>): void {
  if (accepted.size !== 1 || evidence.otherSide) return
  const [name] = accepted
  // `Q:` or the reporter's name before every question, the answers unlabelled: the label asks.
  if (name === undefined || evidence.roles.roleOf(name) || alwaysAsk(evidence.sequence, new Set([name]))) return
  accepted.clear()
}

/**
 * "We asked four programmers": after an accepted speaker's answer, full names answering in turn, once
 * each (`**Alan Kay:**`, `**Grace Hopper:**`), are the next respondents.
 */
function acceptRoundRobin(sequence: LabelEvidence['sequence'], accepted: Set<string>): void {
  for (let i = 1; i < sequence.length; i++) {
    const entry = sequence[i] as LabelEvidence['sequence'][number]
    const before = sequence[i - 1] as LabelEvidence['sequence'][number]
    if (accepted.has(entry.name) || !accepted.has(before.name) || before.asks || entry.asks) continue
    if (isFullName(entry.name)) accepted.add(entry.name)
  }
}

/** Two to four capitalised words, or a short form with them in brackets: `DHH (David Heinemeier Hanson)`. */
function isFullName(label: string): boolean {
  return (/[(（]/u.test(label) ? nameParts(label) : [label]).some((part) => part.includes(' ') && PERSON_NAME.test(part))
}

/**
 * A reader mailbag (`> **Tom Baker**: Should I learn Go?` and the author's answer, for many readers):
 * three or more names, most of them writing once, are the askers when their lines mostly ask.
 */
function acceptMailbag(sequence: LabelEvidence['sequence'], accepted: Set<string>): boolean {
  const names = new Set(sequence.map((entry) => entry.name))
  // Readers do not always end with `?` ("let me ask about…"): most lines asking, or quoted by the author, will do.
  const asking = sequence.filter((entry) => entry.asks || entry.quoted).length
  if (names.size < MIN_MAILBAG_ASKERS || names.size * 3 < sequence.length * 2 || asking * 2 < sequence.length) return false
  // `Link on Facebook: https://…` among them is a note: a reader's line asks or is quoted.
  for (const entry of sequence) if (entry.asks || entry.quoted) accepted.add(entry.name)
  return true
}
const MIN_MAILBAG_ASKERS = 3

/** Every line of these speakers asks, two lines at least. */
function alwaysAsk(sequence: LabelEvidence['sequence'], names: Set<string>): boolean {
  const theirs = sequence.filter((entry) => names.has(entry.name))
  return theirs.length >= 2 && theirs.every((entry) => entry.asks)
}

/** `DM & RL` or `SK/EH` when each of them is a speaker: a joint answer. */
function acceptJointLabels(counts: Map<string, number>, accepted: Set<string>): void {
  const acceptedKeys = new Set([...accepted].map(labelKey))
  for (const name of counts.keys()) {
    const parts = nameParts(name)
    if (parts.length > 1 && parts.every((part) => acceptedKeys.has(labelKey(part)))) accepted.add(name)
  }
}

const SHORT_FORM = /(\p{Lu}[\p{L}'’-]+(?:[ \t\n]+\p{Lu}[\p{L}'’-]+){0,3})\]?(?:\([^)\s]*\))?\s*[(（]\s*(\p{Lu}{1,5})\s*[)）]/gu

/**
 * Short forms and the full names they stand for: stated in the intro ("Divya Mohan (DM)") or the
 * initials of a name the article gives (`AP` for the author Arvind Parekh), when only one name fits.
 */
function shortForms(markdown: string, knownNames: string[]): Map<string, string> {
  const forms = initialsOf(knownNames)
  for (const m of allMatches(SHORT_FORM, markdown)) forms.set(labelKey(m[2] ?? ''), (m[1] ?? '').replace(/\s+/g, ' '))
  return forms
}

/** The initials (as label keys) of names of two words or more, where only one name has them. */
function initialsOf(names: string[]): Map<string, string> {
  const byInitials = new Map<string, string | null>()
  for (const name of names) {
    const words = name.split(/\s+/).filter(Boolean)
    if (words.length < 2) continue
    const initials = labelKey(words.map((w) => w[0] ?? '').join(''))
    byInitials.set(initials, byInitials.has(initials) && byInitials.get(initials) !== name ? null : name)
  }
  const forms = new Map<string, string>()
  for (const [initials, name] of byInitials) if (name) forms.set(initials, name)
  return forms
}

/**
 * Join spellings of one person: `Frederico (FSM)` with `FSM`, `Jim` with `Jim Bugwadia`, and `AP`
 * with `Arvind` when the intro introduces "Arvind Parekh (AP)".
 */
function mergeAliases(people: Map<string, Person>, byLabel: Map<string, string>, shortForms: Map<string, string>): void {
  const merge = (from: Person, into: Person): void => {
    for (const [label, count] of from.labels) {
      into.labels.set(label, count)
      byLabel.set(labelKey(label), into.key)
    }
    for (const n of from.otherNames) into.otherNames.add(n)
    people.delete(from.key)
  }
  for (const person of [...people.values()]) {
    if (!people.has(person.key)) continue
    const name = [...person.labels.keys()][0] ?? ''
    const parts = /[(（]/u.test(name) ? nameParts(name) : []
    const byPart = parts.map((part) => people.get(labelKey(part))).find((p) => p !== undefined && p !== person)
    // A joint label (`DM & RL`) starts with one of its people but is not that person.
    const joint = parts.length === 0 && nameParts(name).length > 1
    const w = joint ? [] : person.key.split(' ')
    const prefixes = w.slice(1).map((_, n) => people.get(w.slice(0, n + 1).join(' '))).filter((p): p is Person => p !== undefined)
    // `Piketty` / `皮凯蒂` for `Thomas Piketty` / `托马斯·皮凯蒂`: the surname alone.
    const words = joint ? [] : person.key.split(NAME_WORD_BREAK)
    const surname = words.length > 1 ? people.get(words[words.length - 1] as string) : undefined
    const target = byPart ?? singleOrNull(surname && !prefixes.includes(surname) ? [...prefixes, surname] : prefixes)
    if (target) merge(person, target)
  }
  for (const [short, fullName] of shortForms) {
    const person = people.get(short)
    if (!person) continue
    person.otherNames.add(fullName)
    const w = labelKey(fullName).split(' ')
    const sameName = w.map((_, n) => people.get(w.slice(0, n + 1).join(' '))).filter((p): p is Person => p !== undefined && p !== person)
    for (const other of sameName) if (!other.fixedRole) merge(other, person)
  }
}

function singleOrNull<T>(items: T[]): T | null {
  return items.length === 1 ? (items[0] as T) : null
}

/** Attach a name from a byline or the intro (`Arujjwal Negi`) to the labelled person it refers to. */
export function findPersonByName(people: Iterable<Person>, name: string): Person | null {
  const key = labelKey(name)
  const spells = (spelling: string): boolean => labelKey(spelling) === key
  for (const p of people) {
    if (p.key === key) return p
    for (const label of p.labels.keys()) if (spells(label)) return p
    for (const other of p.otherNames) if (spells(other)) return p
  }
  let found: Person | null = null
  for (const p of people) {
    for (const label of p.labels.keys()) {
      const labelled = labelKey(label)
      if (!isWordPrefix(labelled, key) && !isWordPrefix(key, labelled)) continue
      if (found) return null
      found = p
      break
    }
  }
  return found
}

/** The display name: the spelling used most, then the shortest. */
export function displayName(person: Person): string {
  // `答` or `A` says what someone does, not who they are: a name from the intro reads better.
  const named = [...person.otherNames][0]
  if (named && person.roleLabelled) return named
  const labels = [...person.labels.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)
  return labels[0]?.[0] ?? [...person.otherNames][0] ?? person.key
}

export interface RoleEvidence {
  person: Person
  turns: number
  /** Turns whose text ends in a question. */
  questions: number
  /** Length of all their turns' text. */
  characters: number
  /** Sections in which this person speaks first. */
  opensSections: number
  /** The intro says this person interviews ("X interviews Y", "Interviewed by X"). */
  namedAsInterviewer: boolean
  namedAsInterviewee: boolean
  /** The byline's author: often the interviewer, but some authors answer their readers. */
  isAuthor: boolean
}

/**
 * Weights of the role evidence. Asking is what an interviewer does, so it weighs most: someone whose
 * every turn is a question scores 2. The intro naming the interviewer outweighs a byline, which
 * only suggests it. Opening sections is a tie-breaker. A score above 1 makes an interviewer: asking in
 * more than half of one's turns, or being named by the intro, is enough on its own.
 */
/**
 * Among three or more speakers, the one with most of the text: at least this share of all of it and
 * this many times anyone else's. Two people alone are read by who asks, as usual.
 */
const DOMINANT_SHARE = 0.6
const DOMINANT_LEAD = 3
function dominantSpeaker(evidence: RoleEvidence[]): RoleEvidence | null {
  if (evidence.length < 3) return null
  const total = evidence.reduce((sum, e) => sum + e.characters, 0)
  const [first, second] = [...evidence].sort((a, b) => b.characters - a.characters)
  return first && second && first.characters >= DOMINANT_SHARE * total && first.characters >= DOMINANT_LEAD * second.characters ? first : null
}

const ROLE_WEIGHTS = { asking: 2, namedInIntro: 1.25, author: 0.5, opensSections: 0.25 }
const INTERVIEWER_SCORE = 1
/**
 * Beside someone who clearly interviews, one who answers too and whose turns are this many times
 * longer on average is a guest, even when half of those turns end by asking back (as in a debate).
 */
const ANSWERS_AT_LENGTH = 3

/**
 * Interviewers ask (their turns end with `?`); the intro or the byline may name them; they tend to
 * open sections. Everyone else is interviewed. With labelled questions missing, the unlabelled asker
 * takes the interviewer role and labelled people answer unless they clearly ask.
 */
export function inferRoles(evidence: RoleEvidence[], hasUnlabelledInterviewer: boolean): Map<string, Role> {
  const roles = new Map<string, Role>()
  const open: RoleEvidence[] = []
  for (const e of evidence) {
    if (e.person.fixedRole) roles.set(e.person.key, e.person.fixedRole)
    else open.push(e)
  }
  const score = (e: RoleEvidence): number =>
    ROLE_WEIGHTS.asking * (e.turns ? e.questions / e.turns : 0) +
    ROLE_WEIGHTS.namedInIntro * ((e.namedAsInterviewer ? 1 : 0) - (e.namedAsInterviewee ? 1 : 0)) +
    (e.isAuthor && !e.namedAsInterviewee ? ROLE_WEIGHTS.author : 0) +
    (e.opensSections > 0 ? ROLE_WEIGHTS.opensSections : 0)
  const haveInterviewer = hasUnlabelledInterviewer || [...roles.values()].includes('interviewer')
  const ranked = [...open].sort((a, b) => score(b) - score(a))
  const best = ranked[0]
  const clearInterviewer = best !== undefined && !haveInterviewer && score(best) > INTERVIEWER_SCORE ? best : null
  // Nobody asks much (no one's turns are two-fifths questions), the intro names no side, and one
  // person does most of the talking (a guide among visitors): they answer, everyone else asks.
  const answerer = clearInterviewer || haveInterviewer || open.some((e) => e.questions * 5 >= e.turns * 2 || e.namedAsInterviewer || e.namedAsInterviewee) ? null : dominantSpeaker(open)
  if (answerer) {
    for (const e of open) roles.set(e.person.key, e === answerer ? 'interviewee' : 'interviewer')
    return roles
  }
  const meanLength = (e: RoleEvidence): number => (e.turns ? e.characters / e.turns : 0)
  // Someone whose every question is long (an audience member's statement and question) still asks.
  const alsoAnswers = (e: RoleEvidence): boolean => e.questions * 3 < e.turns * 2
  const answersAtLength = (e: RoleEvidence): boolean =>
    clearInterviewer !== null && e !== clearInterviewer && alsoAnswers(e) && meanLength(e) > ANSWERS_AT_LENGTH * meanLength(clearInterviewer)
  for (const e of open) {
    const isInterviewer = (score(e) > INTERVIEWER_SCORE && !answersAtLength(e)) || (!haveInterviewer && e === best && open.length > 1 && !ranked.slice(1).some((o) => score(o) === score(e)))
    roles.set(e.person.key, isInterviewer ? 'interviewer' : 'interviewee')
  }
  return roles
}
