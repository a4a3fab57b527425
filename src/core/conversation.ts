/**
 * The conversation as it is walked: sections, turns and narration in document order, then the
 * speakers' roles and the final model (ids, speakers, blocks).
 */
import { endsWithQuestion, type Unit } from './blocks'
import { createSectionIdFactory, createSpeakerIdFactory, INTRO_SECTION_ID, turnId } from './ids'
import { selfIntroduction } from './hints'
import { labelKey } from './labels'
import { plainText } from './markdown'
import type { Rendered } from './render'
import { displayName, findPersonByName, inferRoles, type Person, type RoleEvidence } from './speakers'
import type { Block, LineRange, Narration, Role, Section, Speaker, Turn } from './types'
import type { UnnamedKey } from './unnamed'

interface TurnDraft {
  kind: 'turn'
  personKey: string
  label: string | null
  sectionIndex: number
  lines: LineRange
  content: Content
  asksByForm: boolean
  time: string | null
  /** The labelled paragraph as written: what the reader sees if the label turns out to have no text. */
  asWritten: Rendered | null
}

interface NarrationDraft {
  kind: 'narration'
  sectionIndex: number
  lines: LineRange
  content: Content
  byline: boolean
}

/** A block's rendered parts, joined as they arrive (a 5,000-turn article makes no arrays of parts). */
interface Content {
  html: string
  text: string
  /** The first part's text: whether a turn asks is read from its opening paragraph. */
  opening: string
}

const contentOf = (rendered: Rendered): Content => ({ html: rendered.html, text: rendered.text, opening: rendered.text })

function addTo(content: Content, rendered: Rendered): void {
  content.html += rendered.html
  if (rendered.text) content.text = content.text ? `${content.text}\n\n${rendered.text}` : rendered.text
}

interface SectionDraft {
  title: string | null
  anchor: string | null
  headingLines: LineRange | null
  blocks: (TurnDraft | NarrationDraft)[]
}

const ASKER = '\u0000interviewer'
const ANSWERER = '\u0000interviewee'

/**
 * The running state of the walk: the current section, the open turn, and whether an unlabelled
 * question is waiting for its unlabelled answer.
 */
export class ConversationDraft {
  private sections: SectionDraft[] = [{ title: null, anchor: null, headingLines: null, blocks: [] }]
  private turn: TurnDraft | null = null
  private awaitingAnswer = false
  /** The person a section is about (`## X-RAY: Ingrid`): its unlabelled answers are theirs. */
  private answerer: string | null = null

  constructor(private readonly people: Map<string, Person>) {}

  inTurn(): boolean {
    return this.turn !== null
  }

  awaitsAnswer(): boolean {
    return this.awaitingAnswer
  }

  /** A label alone on its line opened the turn and nothing has been said in it yet. */
  awaitsUtterance(): boolean {
    return this.turn !== null && this.turn.content.html === ''
  }

  openSection(unit: Extract<Unit, { type: 'heading' }>, answerer: string | null = null): void {
    this.close()
    this.answerer = answerer
    this.sections.push({ title: plainText([unit.inline]), anchor: unit.anchor, headingLines: unit.lines, blocks: [] })
  }

  speak(personKey: string, label: string, unit: Unit, rendered: Rendered, awaitsAnswer: boolean, time: string | null, asWritten: Rendered | null): void {
    if (this.turn?.personKey === personKey && !this.awaitingAnswer) {
      // Two labelled paragraphs in a row by one person are one uninterrupted contribution.
      this.append(this.turn, unit, rendered)
    } else {
      this.close()
      this.turn = this.startTurn(personKey, label, unit, rendered)
      this.turn.time = time
      this.turn.asWritten = asWritten
    }
    this.awaitingAnswer = awaitsAnswer
  }

  /** A question with no name on it (bold paragraph, sub-heading): its answer follows unlabelled. */
  ask(unit: Unit, rendered: Rendered): void {
    this.close()
    this.turn = this.startTurn(ASKER, null, unit, rendered)
    this.turn.asksByForm = true
    this.awaitingAnswer = true
  }

  /** A name standing alone above a respondent's block: narration, and the unlabelled answers after it are theirs. */
  introduceAnswerer(unit: Unit, rendered: Rendered, name: string): void {
    this.close()
    this.awaitingAnswer = false
    this.answerer = name
    this.narrate(unit, rendered)
  }

  /** A question heading opened the section: its unlabelled answer follows. */
  awaitAnswer(): void {
    this.awaitingAnswer = true
  }

  continue(unit: Unit, rendered: Rendered): void {
    if (this.awaitingAnswer) {
      this.close()
      this.turn = this.startTurn(this.answerer === null ? ANSWERER : `${ANSWERER}\u0000${this.answerer}`, null, unit, rendered)
      return
    }
    if (this.turn) return this.append(this.turn, unit, rendered)
    this.narrate(unit, rendered)
  }

  private append(turn: TurnDraft, unit: Unit, rendered: Rendered): void {
    addTo(turn.content, rendered)
    turn.lines.end = Math.max(turn.lines.end, unit.lines.end)
  }

  /** A rule or a non-question sub-heading ends the current turn. */
  interrupt(unit: Unit, rendered: Rendered): void {
    this.close()
    this.narrate(unit, rendered)
  }

  /** Byline paragraphs make a narration block of their own, so the reader can show them once. */
  narrate(unit: Unit, rendered: Rendered, byline = false): void {
    const blocks = this.currentSection().blocks
    const last = blocks[blocks.length - 1]
    if (last?.kind === 'narration' && last.byline === byline && !this.turn) {
      addTo(last.content, rendered)
      last.lines.end = Math.max(last.lines.end, unit.lines.end)
      return
    }
    this.close()
    blocks.push({ kind: 'narration', sectionIndex: this.sections.length - 1, lines: { ...unit.lines }, content: contentOf(rendered), byline })
  }

  private currentSection(): SectionDraft {
    return this.sections[this.sections.length - 1] as SectionDraft
  }

  private startTurn(personKey: string, label: string | null, unit: Unit, rendered: Rendered): TurnDraft {
    const turn: TurnDraft = {
      kind: 'turn',
      personKey,
      label,
      sectionIndex: this.sections.length - 1,
      lines: { ...unit.lines },
      content: contentOf(rendered),
      asksByForm: false,
      time: null,
      asWritten: null,
    }
    this.currentSection().blocks.push(turn)
    return turn
  }

  private close(): void {
    const turn = this.turn
    // `**Ann**:` with nothing after it (the last line, before a heading or a rule) says nothing: it stays as written.
    if (turn && !turn.content.text && !turn.content.html && turn.asWritten) {
      const blocks = this.sections[turn.sectionIndex]?.blocks ?? []
      blocks[blocks.indexOf(turn)] = { kind: 'narration', sectionIndex: turn.sectionIndex, lines: turn.lines, content: contentOf(turn.asWritten), byline: false }
    }
    this.turn = null
    this.awaitingAnswer = false
  }

  finish(context: { authors: string[]; hints: { interviewers: string[]; interviewees: string[] } }): { speakers: Speaker[]; sections: Section[] } {
    this.close()
    const turns: TurnDraft[] = []
    for (const s of this.sections) for (const b of s.blocks) if (b.kind === 'turn') turns.push(b)
    const people = this.people
    const usedKeys = new Set(turns.map((t) => t.personKey))
    const labelled = [...people.values()].filter((p) => usedKeys.has(p.key))

    for (const name of context.authors) findPersonByName(labelled, name)?.otherNames.add(name)
    for (const name of [...context.hints.interviewers, ...context.hints.interviewees]) findPersonByName(labelled, name)?.otherNames.add(name)
    for (const person of labelled) nameRoleLabelledPerson(person, context)

    const named = (p: Person, names: string[]): boolean => names.some((n) => findPersonByName([p], n) !== null)
    const turnsBy = new Map<string, TurnDraft[]>()
    for (const t of turns) {
      const own = turnsBy.get(t.personKey)
      if (own) own.push(t)
      else turnsBy.set(t.personKey, [t])
    }
    const opens = new Map<string, number>()
    for (const s of this.sections) {
      const first = s.blocks.find((b): b is TurnDraft => b.kind === 'turn')
      if (first) opens.set(first.personKey, (opens.get(first.personKey) ?? 0) + 1)
    }
    const evidence: RoleEvidence[] = labelled.map((person) => {
      const own = turnsBy.get(person.key) ?? []
      return {
        person,
        turns: own.length,
        questions: own.filter((t) => endsWithQuestion(t.content.opening)).length,
        characters: own.reduce((sum, t) => sum + t.content.text.length, 0),
        opensSections: opens.get(person.key) ?? 0,
        namedAsInterviewer: named(person, context.hints.interviewers),
        isAuthor: named(person, context.authors),
        namedAsInterviewee: named(person, context.hints.interviewees),
      }
    })
    const roles = inferRoles(evidence, usedKeys.has(ASKER))
    resolveUnlabelled(people, roles, usedKeys, ASKER, 'interviewer', askers(context))
    resolveUnlabelled(people, roles, usedKeys, ANSWERER, 'interviewee', context.hints.interviewees.length > 0 ? context.hints.interviewees : selfIntroduced(turns))
    for (const key of usedKeys) {
      if (!key.startsWith(`${ANSWERER}\u0000`)) continue
      const written = key.slice(ANSWERER.length + 1)
      // `Gertjan Lettink (Knurpht)`: the name goes first; the written form with the nickname is an alias.
      const name = written.replace(/\s*[(（][^()（）]*[)）]$/u, '')
      const person = findPersonByName(labelled, name) ?? { key: labelKey(name), labels: new Map(), otherNames: new Set([name, written]), fixedRole: 'interviewee' as Role, roleLabelled: false, inferred: true }
      people.set(key, person)
      if (!roles.has(person.key)) roles.set(person.key, 'interviewee')
    }
    return buildModel(this.sections, people, roles)
  }
}

/** When the intro names nobody, the unlabelled answerer may name themself in the first answer ("ben Mert Kahyaoğlu"). */
function selfIntroduced(turns: TurnDraft[]): string[] {
  const first = turns.find((t) => t.personKey === ANSWERER)
  const name = first ? selfIntroduction(first.content.text) : null
  return name ? [name] : []
}

/** Who asks when the questions carry no name: the intro's interviewer, else an author who is not the one interviewed. */
function askers(context: { authors: string[]; hints: { interviewers: string[]; interviewees: string[] } }): string[] {
  if (context.hints.interviewers.length > 0) return context.hints.interviewers
  const interviewed = new Set(context.hints.interviewees.map(labelKey))
  return context.authors.filter((name) => !interviewed.has(labelKey(name)))
}

/** `答：` / `A:` says what someone does: the intro or byline may say who (`Gaby Moreno`). */
function nameRoleLabelledPerson(person: Person, context: { authors: string[]; hints: { interviewers: string[]; interviewees: string[] } }): void {
  if (!person.fixedRole || !person.roleLabelled) return
  const names = person.fixedRole === 'interviewer' ? askers(context) : context.hints.interviewees
  const name = person.fixedRole === 'interviewer' || names.length === 1 ? names[0] : undefined
  if (name) person.otherNames.add(name)
}

/**
 * Unlabelled questions and answers belong to the one labelled person of that role if there is
 * exactly one, else to the person the intro names, else to the role itself.
 */
/** The keys unnamed sides go by; the UI words them (src/core/unnamed.ts). */
const UNNAMED: Record<Role, UnnamedKey> = { interviewer: 'interviewer', interviewee: 'interviewees' }

function resolveUnlabelled(people: Map<string, Person>, roles: Map<string, Role>, usedKeys: Set<string>, key: string, role: Role, names: string[]): void {
  if (!usedKeys.has(key)) return
  const sameRole = [...people.values()].filter((p) => usedKeys.has(p.key) && roles.get(p.key) === role)
  // Several people answering unlabelled is a joint answer, whatever single name the intro offers;
  // questions with several possible askers (two authors, "interviewed by A and B") are asked jointly.
  const joint = role === 'interviewee' ? sameRole.length > 1 || names.length > 1 : names.length > 1
  const intro = !joint && names.length > 0 ? names[0] : undefined
  const target = !joint && sameRole.length === 1 && (!intro || findPersonByName(sameRole, intro)) ? sameRole[0] : undefined
  if (target) {
    people.set(key, target)
    return
  }
  const name = intro ?? UNNAMED[role]
  people.set(key, { key: labelKey(name), labels: new Map(), otherNames: new Set([name]), fixedRole: role, roleLabelled: false, inferred: true, unnamed: intro === undefined })
  roles.set(labelKey(name), role)
}

function buildModel(sectionDrafts: SectionDraft[], people: Map<string, Person>, roles: Map<string, Role>): { speakers: Speaker[]; sections: Section[] } {
  const sectionId = createSectionIdFactory()
  const speakerId = createSpeakerIdFactory()
  const speakers = new Map<Person, Speaker>()
  const speakerFor = (key: string): Speaker => {
    const person = people.get(key) as Person
    let speaker = speakers.get(person)
    if (!speaker) {
      const name = displayName(person)
      const aliases = [...new Set([name, ...person.labels.keys(), ...person.otherNames])]
      speaker = { id: speakerId(name), name, aliases, role: roles.get(person.key) ?? 'interviewee', turnCount: 0, inferred: person.inferred }
      if (person.unnamed) speaker.unnamed = true
      speakers.set(person, speaker)
    }
    return speaker
  }

  let turnIndex = 0
  const sections = sectionDrafts
    .filter((s, i) => i > 0 || s.blocks.length > 0)
    .map((s): Section => {
      const id = s.title === null ? INTRO_SECTION_ID : sectionId(s.title, s.anchor)
      const blocks = s.blocks.map((b): Block => {
        const { html, text } = b.content
        if (b.kind === 'narration') {
          const narration: Narration = { kind: 'narration', sectionId: id, lines: b.lines, html, text }
          if (b.byline) narration.byline = true
          return narration
        }
        const speaker = speakerFor(b.personKey)
        speaker.turnCount++
        const turn: Turn = { kind: 'turn', id: turnId(++turnIndex), speaker: speaker.id, role: speaker.role, label: b.label, sectionId: id, lines: b.lines, html, text }
        if (b.time) turn.time = b.time
        return turn
      })
      return { id, title: s.title, headingLines: s.headingLines, blocks }
    })
  return { speakers: [...speakers.values()], sections }
}
