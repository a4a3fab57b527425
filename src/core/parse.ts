import type { Token } from 'markdown-it'
import { collectUnits, isWhollyEmphasised, type Unit } from './blocks'
import { bylineKind, namesFromFrontMatter, splitNames } from './bylines'
import { stripHtmlComments } from './comments'
import { splitFrontMatter } from './front-matter'
import { readRoleHints } from './hints'
import { createSectionIdFactory, createSpeakerIdFactory, INTRO_SECTION_ID, turnId } from './ids'
import { labelKey, matchLabel, type LabelMatch } from './labels'
import { createMarkdown, plainText } from './markdown'
import { readMeta, readSpeakerDeclarations, detectLanguage, slugFromFile } from './meta'
import { acceptLabels, displayName, findPersonByName, inferRoles, roleOfRoleLabel, type Person, type RoleEvidence } from './speakers'
import type { Block, Interview, LineRange, ParseError, ParseResult, Role, Section, Speaker } from './types'

export interface ParseOptions {
  /** File name, used for the slug fallback, language hints and error messages. */
  file?: string | null
}

const md = createMarkdown()

/** Parse an interview article (Markdown + optional YAML front matter). Never throws. */
export function parseInterview(source: string, options: ParseOptions = {}): ParseResult {
  const file = options.file ?? null
  try {
    const result = parseOrFail(source, file)
    return 'kind' in result ? { ok: false, error: result } : { ok: true, interview: result }
  } catch (error) {
    // A parser bug must not take the page down; report it like any other unreadable input.
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { kind: 'parse-error', file, line: null, message: `internal parser error: ${reason}` } }
  }
}

function parseOrFail(source: string, file: string | null): Interview | ParseError {
  const unmarked = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  const text = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked
  const split = splitFrontMatter(text, file)
  if ('kind' in split) return split
  const declarations = readSpeakerDeclarations(split.data, file)
  if ('kind' in declarations) return declarations

  const env: Record<string, unknown> = {}
  const body = stripHtmlComments(split.body)
  const tokens = md.parse(body, env)
  const units = collectUnits(tokens)
  const sectionLevel = findSectionLevel(units)
  const titleUnit = findTitleHeading(units, sectionLevel)

  const labels = units.map((u) => (u.type === 'paragraph' ? matchLabel(u.inline.content) : null))
  const authors = namesFromFrontMatter(split.data.author ?? split.data.authors)
  const translators = namesFromFrontMatter(split.data.translator ?? split.data.translators)
  const counts = new Map<string, number>()
  const sequence: { name: string; asks: boolean }[] = []
  labels.forEach((label, i) => {
    if (!label) return
    const byline = bylineKind(label.name)
    if (byline) {
      const names = splitNames(textAfterLabel(units[i] as Extract<Unit, { type: 'paragraph' }>, label, env))
      ;(byline === 'author' ? authors : translators).push(...names)
    } else {
      counts.set(label.name, (counts.get(label.name) ?? 0) + 1)
      sequence.push({ name: label.name, asks: endsWithQuestion(label.rest) })
    }
  })
  // `### Q. What…?` / `### 問：…？`: a role prefix on a question heading (stripped when rendered).
  const headingRoles = units.map((u) => (u.type === 'heading' ? roleLabelOf(matchLabel(u.inline.content)) : null))
  const roleLabelsSeen = new Set([...counts.keys(), ...headingRoles.filter((r): r is string => r !== null)].filter((n) => roleOfRoleLabel(n)).map(labelKey))
  const introTokens = units.slice(0, firstConversationUnit(units, labels)).flatMap((u) => (u.type === 'heading' ? [] : u.tokens))
  const introText = plainText(introTokens)
  const hints = readRoleHints(introText)
  const accepted = acceptLabels({
    counts,
    knownNames: [...authors, ...hints.interviewers, ...hints.interviewees],
    introMarkdown: introTokens.filter((t) => t.type === 'inline').map((t) => t.content).join('\n'),
    declarations,
    sequence,
    roleLabelsSeen,
  })
  const isSpeakerLabel = (label: LabelMatch | null): label is LabelMatch => label !== null && accepted.byLabel.has(labelKey(label.name))

  const boldParagraphs = units.filter((u, i) => u.type === 'paragraph' && !isSpeakerLabel(labels[i] ?? null) && isWhollyEmphasised(u.inline, 'strong'))
  const boldQuestionStyle = boldParagraphs.filter((u) => u.type === 'paragraph' && endsWithQuestion(u.inline.content)).length >= 2

  // Walk the units once, opening sections and turns.
  const draft = new ConversationDraft(accepted.people)
  units.forEach((unit, i) => {
    const label = labels[i] ?? null
    if (unit === titleUnit) return draft.narrate(unit, renderTokens(unit.tokens))
    if (unit.type === 'heading' && unit.level <= sectionLevel) return draft.openSection(unit)
    if (unit.type === 'heading') {
      if (endsWithQuestion(unit.title)) return draft.ask(unit, renderInlineAsParagraph(unit.inline, headingRoles[i] ?? null))
      return draft.interrupt(unit, renderTokens(unit.tokens))
    }
    if (unit.type === 'break') return draft.interrupt(unit, renderTokens(unit.tokens))
    if (unit.type === 'paragraph' && isSpeakerLabel(label)) {
      const personKey = accepted.byLabel.get(labelKey(label.name)) as string
      // `**Sam: the whole question in bold**` is a question form: unlabelled paragraphs after it answer it.
      return draft.speak(personKey, label.name, unit, renderLabelled(unit, label, env), label.form === 'bold-wrapped')
    }
    if (unit.type === 'paragraph' && label && bylineKind(label.name) && !draft.inTurn()) {
      return draft.narrate(unit, renderTokens(unit.tokens))
    }
    if (unit.type === 'paragraph' && isQuestionParagraph(unit, boldQuestionStyle)) {
      return draft.ask(unit, renderTokens(unit.tokens))
    }
    return draft.continue(unit, renderTokens(unit.tokens))
  })

  const meta = readMeta(split.data, units, titleUnit, file, authors, translators)
  return {
    slug: typeof split.data.slug === 'string' && split.data.slug.trim() ? split.data.slug.trim() : slugFromFile(file, meta.title),
    file,
    lang: detectLanguage(split.data, file, body),
    meta,
    ...draft.finish({ authors, hints }),
    rejectedLabels: accepted.rejected,
  }
}

/** The top-level content heading level: usually `##`; a lone leading `#` is the title, not a section. */
function findSectionLevel(units: Unit[]): number {
  // Counted in a loop: spreading 100k levels into Math.min overflows the call stack.
  const count = [0, 0, 0, 0, 0, 0, 0]
  for (const u of units) if (u.type === 'heading') count[u.level] = (count[u.level] ?? 0) + 1
  const present = count.flatMap((n, level) => (n > 0 ? [level] : []))
  const min = present[0]
  if (min === undefined) return 1
  const next = present[1]
  return min === 1 && count[1] === 1 && next !== undefined ? next : min
}

function findTitleHeading(units: Unit[], sectionLevel: number): Unit | null {
  const first = units.find((u) => u.type === 'heading')
  return first?.type === 'heading' && first.level < sectionLevel ? first : null
}

/** Index of the first unit that looks like part of the conversation (a label or a question). */
function firstConversationUnit(units: Unit[], labels: (LabelMatch | null)[]): number {
  const index = units.findIndex(
    (u, i) => (labels[i] && !bylineKind(labels[i].name)) || (u.type === 'paragraph' && isWhollyEmphasised(u.inline, 'strong')) || (u.type === 'heading' && endsWithQuestion(u.title)),
  )
  return index === -1 ? units.length : index
}

/** A paragraph in bold (or, when it ends in a question mark, in italics) with no name on it. */
function isQuestionParagraph(unit: Extract<Unit, { type: 'paragraph' }>, boldQuestionStyle: boolean): boolean {
  if (isWhollyEmphasised(unit.inline, 'strong')) return boldQuestionStyle || endsWithQuestion(unit.inline.content)
  return isWhollyEmphasised(unit.inline, 'em') && endsWithQuestion(unit.inline.content)
}

/** Closing marks that may follow a question mark: `**Why?**`, `(really?)`, `“why?”`. */
const AFTER_QUESTION = new Set(['*', '_', ')', '）', '"', '”', "'"])

/** Read from the end, not matched with a `$` pattern, which would be tried at every position. */
function endsWithQuestion(text: string): boolean {
  let i = text.length - 1
  while (i >= 0 && (AFTER_QUESTION.has(text[i] as string) || /\s/.test(text[i] as string))) i--
  return text[i] === '?' || text[i] === '？'
}

interface Rendered {
  html: string
  text: string
}

function renderTokens(tokens: Token[]): Rendered {
  return { html: md.renderer.render(tokens, md.options, {}), text: plainText(tokens) }
}

function roleLabelOf(label: LabelMatch | null): string | null {
  return label && roleOfRoleLabel(label.name) ? label.name : null
}

function renderInlineAsParagraph(inline: Token, rolePrefix: string | null): Rendered {
  const children = (rolePrefix && removeLeadingLabel(inline.children ?? [], rolePrefix)) || (inline.children ?? [])
  inline.children = children
  return { html: `<p>${md.renderer.renderInline(children, md.options, {})}</p>\n`, text: plainText([inline]) }
}

/** The paragraph's plain text after `Name:`, from the tokens already parsed where they allow it. */
function textAfterLabel(unit: Extract<Unit, { type: 'paragraph' }>, label: LabelMatch, env: Record<string, unknown>): string {
  const text = plainText([unit.inline])
  const lead = labelPattern(label.name).exec(text)
  return lead ? text.slice(lead[0].length) : plainText(md.parseInline(label.rest, env))
}

/** Render the paragraph without its label, so neither the HTML nor the text repeats the name. */
function renderLabelled(unit: Extract<Unit, { type: 'paragraph' }>, label: LabelMatch, env: Record<string, unknown>): Rendered {
  if (label.rest.trim() === '') return { html: '', text: '' }
  const children = removeLeadingLabel(unit.inline.children ?? [], label.name)
  if (children) {
    unit.inline.children = children
  } else {
    // The label did not map onto the parsed tokens (unusual markup): parse the rest afresh.
    unit.inline.children = []
    md.inline.parse(label.rest, md, env, unit.inline.children)
  }
  unit.inline.content = label.rest
  return renderTokens(unit.tokens)
}

const EMPHASIS = new Set(['strong_open', 'strong_close', 'em_open', 'em_close'])
const labelPatterns = new Map<string, RegExp>()

/** `Name:` as the reader sees it after markup: emphasis marks, spaces, then a colon (or `Q.`). */
function labelPattern(name: string): RegExp {
  let pattern = labelPatterns.get(name)
  if (!pattern) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    pattern = new RegExp(`^\\s*[*_]*\\s*${escaped}\\s*[*_]*\\s*(?:[:：]|[.．](?=[*_]*\\s))[*_]*\\s*`, 'u')
    if (labelPatterns.size > 1000) labelPatterns.clear()
    labelPatterns.set(name, pattern)
  }
  return pattern
}

/**
 * Cut `Name:` (with its emphasis, spaces and colon) off the front of already-parsed inline tokens.
 * Re-parsing the rest instead would run markdown-it's inline rules (links, entities) twice.
 */
function removeLeadingLabel(children: Token[], name: string): Token[] | null {
  let lead = ''
  let end = 0
  while (end < children.length && (children[end]?.type === 'text' || EMPHASIS.has(children[end]?.type ?? ''))) {
    lead += children[end]?.type === 'text' ? children[end]?.content : ''
    end++
  }
  const match = labelPattern(name).exec(lead)
  if (!match) return null
  let remaining = match[0].length
  for (let i = 0; i < end && remaining > 0; i++) {
    const token = children[i] as Token
    if (token.type !== 'text') continue
    const cut = Math.min(remaining, token.content.length)
    token.content = token.content.slice(cut)
    remaining -= cut
  }
  // Drop what the cut emptied: blank text, and emphasis pairs with nothing left between them.
  const kept = children.filter((t) => !(t.type === 'text' && t.content === ''))
  for (let changed = true; changed; ) {
    changed = false
    for (let i = 0; i + 1 < kept.length && i < end; i++) {
      const open = kept[i] as Token
      if (EMPHASIS.has(open.type) && open.nesting === 1 && kept[i + 1]?.type === open.type.replace('_open', '_close')) {
        kept.splice(i, 2)
        changed = true
        break
      }
    }
  }
  return kept
}

interface TurnDraft {
  kind: 'turn'
  personKey: string
  label: string | null
  sectionIndex: number
  lines: LineRange
  content: Content
  asksByForm: boolean
}

interface NarrationDraft {
  kind: 'narration'
  sectionIndex: number
  lines: LineRange
  content: Content
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
class ConversationDraft {
  private sections: SectionDraft[] = [{ title: null, anchor: null, headingLines: null, blocks: [] }]
  private turn: TurnDraft | null = null
  private awaitingAnswer = false

  constructor(private readonly people: Map<string, Person>) {}

  inTurn(): boolean {
    return this.turn !== null
  }

  openSection(unit: Extract<Unit, { type: 'heading' }>): void {
    this.close()
    this.sections.push({ title: plainText([unit.inline]), anchor: unit.anchor, headingLines: unit.lines, blocks: [] })
  }

  speak(personKey: string, label: string, unit: Unit, rendered: Rendered, awaitsAnswer: boolean): void {
    if (this.turn?.personKey === personKey && !this.awaitingAnswer) {
      // Two labelled paragraphs in a row by one person are one uninterrupted contribution.
      this.append(this.turn, unit, rendered)
    } else {
      this.close()
      this.turn = this.startTurn(personKey, label, unit, rendered)
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

  continue(unit: Unit, rendered: Rendered): void {
    if (this.awaitingAnswer) {
      this.close()
      this.turn = this.startTurn(ANSWERER, null, unit, rendered)
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

  narrate(unit: Unit, rendered: Rendered): void {
    const blocks = this.currentSection().blocks
    const last = blocks[blocks.length - 1]
    if (last?.kind === 'narration' && !this.turn) {
      addTo(last.content, rendered)
      last.lines.end = Math.max(last.lines.end, unit.lines.end)
      return
    }
    this.close()
    blocks.push({ kind: 'narration', sectionIndex: this.sections.length - 1, lines: { ...unit.lines }, content: contentOf(rendered) })
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
    }
    this.currentSection().blocks.push(turn)
    return turn
  }

  private close(): void {
    this.turn = null
    this.awaitingAnswer = false
  }

  finish(context: { authors: string[]; hints: { interviewers: string[]; interviewees: string[] } }): { speakers: Speaker[]; sections: Section[] } {
    const turns = this.sections.flatMap((s) => s.blocks.filter((b): b is TurnDraft => b.kind === 'turn'))
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
        opensSections: opens.get(person.key) ?? 0,
        namedAsInterviewer: named(person, [...context.authors, ...context.hints.interviewers]),
        namedAsInterviewee: named(person, context.hints.interviewees),
      }
    })
    const roles = inferRoles(evidence, usedKeys.has(ASKER))
    resolveUnlabelled(people, roles, usedKeys, ASKER, 'interviewer', [...context.hints.interviewers, ...context.authors])
    resolveUnlabelled(people, roles, usedKeys, ANSWERER, 'interviewee', context.hints.interviewees)
    return buildModel(this.sections, people, roles)
  }
}

/** `答：` / `A:` says what someone does: the intro or byline may say who (`Gaby Moreno`). */
function nameRoleLabelledPerson(person: Person, context: { authors: string[]; hints: { interviewers: string[]; interviewees: string[] } }): void {
  if (!person.fixedRole || ![...person.labels.keys()].every((label) => roleOfRoleLabel(label) !== null)) return
  const names = person.fixedRole === 'interviewer' ? [...context.hints.interviewers, ...context.authors] : context.hints.interviewees
  const name = person.fixedRole === 'interviewer' || names.length === 1 ? names[0] : undefined
  if (name) person.otherNames.add(name)
}

/**
 * Unlabelled questions and answers belong to the one labelled person of that role if there is
 * exactly one, else to the person the intro names, else to the role itself.
 */
function resolveUnlabelled(people: Map<string, Person>, roles: Map<string, Role>, usedKeys: Set<string>, key: string, role: Role, names: string[]): void {
  if (!usedKeys.has(key)) return
  const sameRole = [...people.values()].filter((p) => usedKeys.has(p.key) && roles.get(p.key) === role)
  // Several people answering unlabelled is a joint answer, whatever single name the intro offers.
  const joint = role === 'interviewee' && (sameRole.length > 1 || names.length > 1)
  const intro = !joint && names.length > 0 ? names[0] : undefined
  const target = !joint && sameRole.length === 1 && (!intro || findPersonByName(sameRole, intro)) ? sameRole[0] : undefined
  if (target) {
    people.set(key, target)
    return
  }
  const name = intro ?? (role === 'interviewer' ? 'Interviewer' : 'Interviewees')
  people.set(key, { key: labelKey(name), labels: new Map(), otherNames: new Set([name]), fixedRole: role, inferred: true })
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
        if (b.kind === 'narration') return { kind: 'narration', sectionId: id, lines: b.lines, html, text }
        const speaker = speakerFor(b.personKey)
        speaker.turnCount++
        return { kind: 'turn', id: turnId(++turnIndex), speaker: speaker.id, role: speaker.role, label: b.label, sectionId: id, lines: b.lines, html, text }
      })
      return { id, title: s.title, headingLines: s.headingLines, blocks }
    })
  return { speakers: [...speakers.values()], sections }
}
