import type { Token } from 'markdown-it'
import { annotate, annotateTerm, isShortQuestion, questionShapes, type Notes } from './annotate'
import { collectUnits, endsWithQuestion, isWhollyEmphasised, revealParagraphs, type Unit } from './blocks'
import { authorsFromFrontMatter, namesFromFrontMatter, participantsFromFrontMatter, signatureNames, splitNames } from './bylines'
import { stripHtmlComments } from './comments'
import { splitFrontMatter } from './front-matter'
import { htmlBlocksToMarkdown, isHtmlBody } from './html-body'
import { ConversationDraft } from './conversation'
import { mentionsConversation, PERSON_NAME, readRoleHints } from './hints'
import { isNameShaped, labelKey, matchLabel, type LabelMatch } from './labels'
import { plainText } from './markdown'
import { readMeta, readSpeakerDeclarations, detectLanguage, isFaqTitle, namesItselfFaq, slugFromFile } from './meta'
import { md, renderInlineAsParagraph, renderLabelled, renderQuestion, renderTokens, textAfterLabel } from './render'
import { acceptLabels } from './speakers'
import { createRoleReader, type RoleReader } from './role-labels'
import type { TomlReader } from './toml'
import type { Interview, ParseError, ParseResult } from './types'
import { articleBase } from './urls'

export interface ParseOptions {
  /** File name, used for the slug fallback, language hints and error messages. */
  file?: string | null
  /** Where relative links and images point when the article has no canonical URL (a content folder's site). */
  siteBase?: string | null
  /** Reads `+++` TOML front matter (`src/core/toml.ts`); passed in so the browser loads it only when needed. */
  readToml?: TomlReader
}

/** Parse an interview article (Markdown + optional YAML front matter). Never throws. */
export function parseInterview(source: string, options: ParseOptions = {}): ParseResult {
  const file = options.file ?? null
  try {
    const result = parseOrFail(source, file, options.siteBase ?? null, options.readToml)
    return 'kind' in result ? { ok: false, error: result } : { ok: true, interview: result }
  } catch (error) {
    // A parser bug must not take the page down; report it like any other unreadable input.
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { kind: 'parse-error', file, line: null, message: `internal parser error: ${reason}` } }
  }
}

function parseOrFail(source: string, file: string | null, siteBase: string | null, readToml: TomlReader | undefined): Interview | ParseError {
  const unmarked = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  const text = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked
  const split = splitFrontMatter(text, file, readToml)
  if ('kind' in split) return split
  const declarations = readSpeakerDeclarations(split.data, file)
  if ('kind' in declarations) return declarations

  const env: Record<string, unknown> = { parleyBase: articleBase(split.data, siteBase) }
  const body = stripHtmlComments(split.body)
  const lang = detectLanguage(split.data, file, body)
  const { units, notes } = readUnits(readBody(body, env), env)
  const titleUnit = findTitleHeading(units, notes, typeof split.data.title === 'string' ? split.data.title : null)
  const introEnd = firstConversationUnit(notes)
  const sectionLevel = findSectionLevel(units, notes, titleUnit, introEnd)

  const authors = authorsFromFrontMatter(split.data)
  const translators = namesFromFrontMatter(split.data.translator ?? split.data.translators)
  const namedInterviewees: string[] = []
  const counts = new Map<string, number>()
  const sequence: { name: string; asks: boolean; quoted: boolean }[] = []
  keepOneOffBylines(notes)
  notes.forEach((note, i) => {
    const label = note.label
    if (!label || note.stage) return
    if (note.byline) {
      const unit = units[i] as Extract<Unit, { type: 'paragraph' }>
      const names = splitNames(textAfterLabel(unit, label, env))
      if (note.byline === 'interviewee') namedInterviewees.push(...intervieweeByline(textAfterLabel(unit, label, env)))
      else (note.byline === 'author' ? authors : translators).push(...names)
    } else {
      counts.set(label.name, (counts.get(label.name) ?? 0) + 1)
      // A label alone on its line asks with the paragraph that follows it.
      const asks = label.rest.trim() === '' ? (notes[i + 1]?.asks ?? false) : note.asks
      sequence.push({ name: label.name, asks, quoted: units[i]?.tokens[0]?.type === 'blockquote_open' })
    }
  })
  // `### Q. What…?` / `### 問：…？`: a role prefix on a question heading (stripped when rendered).
  const headingLabels = units.map((u) => (u.type === 'heading' ? matchLabel(u.inline.content) : null))
  const roles = createRoleReader(lang, [...counts.keys(), ...headingLabels.flatMap((label) => (label ? [label.name] : []))])
  const headingRoles = headingLabels.map((label) => roleLabelOf(label, roles))
  const introTokens: Token[] = []
  // Loops, not flatMap (several times slower in V8) nor push(...spread) (a 100k-token list overflows the stack).
  // A one-off label above the conversation (`Step 1:`) is not intro prose that names anyone.
  for (let i = 0; i < introEnd; i++) {
    const unit = units[i] as Unit
    if (unit.type !== 'heading' && !(notes[i]?.label && !notes[i]?.byline)) for (const token of unit.tokens) introTokens.push(token)
  }
  const introText = plainText(introTokens)
  // The title often says it too: "Interview with Virgil Chan".
  const title = typeof split.data.title === 'string' ? split.data.title : null
  const hints = readRoleHints(title ? `${title}\n\n${introText}` : introText)
  const participants = participantsFromFrontMatter(split.data)
  hints.interviewees = uniqueNames([...participants.interviewees, ...hints.interviewees, ...namedInterviewees, ...intervieweeFromTitle(title)])
  hints.interviewers = uniqueNames([...participants.interviewers, ...hints.interviewers])
  const signature = closingSignature(units, notes)
  if (signature && hints.interviewers.length === 0 && authors.length === 0) hints.interviewers.push(...signedInterviewers(signature.names, hints.interviewees))
  const accepted = acceptLabels({
    counts,
    knownNames: [...authors, ...hints.interviewers, ...hints.interviewees],
    introMarkdown: introTokens.filter((t) => t.type === 'inline').map((t) => t.content).join('\n'),
    declarations,
    sequence,
    roles,
    otherSide: notes.some((n) => !n.label && n.asks && n.shape !== 'plain' && n.shape !== 'other'),
  })
  // Who speaks in each unit (undefined: no accepted label), looked up once per unit.
  const speakerKeys = notes.map((note) => (note.label && !note.stage ? accepted.byLabel.get(labelKey(note.label.name)) : undefined))

  const shapes = questionShapes(notes, hints.interviewees.length > 0 || hints.interviewers.length > 0)
  const boldParagraphs = notes.filter((n, i) => n.shape === 'bold' && speakerKeys[i] === undefined)
  const boldQuestionStyle = boldParagraphs.filter((n) => n.asks).length >= 2
  const sectionHeadings = units.filter((u): u is Extract<Unit, { type: 'heading' }> => u.type === 'heading' && u !== titleUnit && u.level <= sectionLevel)
  const askingSections = sectionHeadings.filter((u) => endsWithQuestion(u.title)).length
  // `## What is…?` sections that each hold one unlabelled answer: the heading stays a section.
  const questionSections = askingSections >= 2 && askingSections * 2 >= sectionHeadings.length && !notes.some((n, i) => n.shape === 'heading' && (units[i] as { level: number }).level > sectionLevel && n.asks)

  const questionSubLevel = askingSubheadingLevel(units, notes, titleUnit, sectionLevel)
  const sectionPeople = peopleOfSections(units, notes, sectionHeadings)
  const paragraphPeople = peopleOfParagraphs(units, notes)
  let lastAskingSection = -1
  units.forEach((u, i) => {
    if (u.type === 'heading' && u !== titleUnit && u.level <= sectionLevel && notes[i]?.asks) lastAskingSection = i
  })

  const isQuestion = (note: Notes): boolean => {
    // A label no one speaks under (`**Faisons un avant/après : qu’est-ce que…?**`) still asks in bold.
    if (note.label && !note.stage && !note.byline) return note.shape === 'bold' && note.asks && boldQuestionStyle
    if (note.shape === 'bold') return boldQuestionStyle || note.asks
    if (note.shape === 'dash') return shapes.has('dash') || note.asks
    if (note.shape === 'term' || note.shape === 'lead') return note.asks
    if (note.shape === 'plain') return shapes.has('plain') && isShortQuestion(note)
    return note.asks && shapes.has(note.shape) && note.shape !== 'heading' && note.shape !== 'other'
  }

  // An FAQ's questions have no asker to answer: its text stays text unless the intro names an interview.
  const nobodyNamed = hints.interviewers.length === 0 && hints.interviewees.length === 0
  const faq = namesItselfFaq(split.data) && nobodyNamed
  // `问：`/`答：` (Q/A) in study notes: role labels only, a few pairs among the notes (not most of the
  // text, as in an interview), no person named anywhere, no word of a conversation.
  const labelled = speakerKeys.filter((key) => key !== undefined).length
  const selfQuiz =
    nobodyNamed && authors.length === 0 && declarations.length === 0 && accepted.people.size > 0 &&
    labelled * 2 < units.filter((unit) => unit.type !== 'heading').length &&
    [...accepted.people.values()].every((person) => person.roleLabelled) && !mentionsConversation(title ? `${title}\n${introText}` : introText)
  let faqSection = false

  // Walk the units once, opening sections and turns.
  const draft = new ConversationDraft(accepted.people)
  units.forEach((unit, i) => {
    const note = notes[i] as Notes
    const label = note.label
    if (unit === titleUnit) return draft.narrate(unit, renderTokens(unit.tokens))
    if (unit.type === 'heading' && unit.level <= sectionLevel) faqSection = isFaqTitle(unit.title)
    if (faq || selfQuiz || faqSection) return unit.type === 'heading' && unit.level <= sectionLevel ? draft.openSection(unit, null) : draft.narrate(unit, renderTokens(unit.tokens))
    if (unit.type === 'heading' && unit.level <= sectionLevel) {
      draft.openSection(unit, sectionPeople.get(unit) ?? null)
      // Between question headings, a heading without `?` asks too ("Tell us about yourself.").
      if (questionSections && (note.asks || i < lastAskingSection)) draft.awaitAnswer()
      return
    }
    if (unit.type === 'heading') {
      if (note.asks || (unit.level === questionSubLevel?.level && i >= questionSubLevel.from)) return draft.ask(unit, renderInlineAsParagraph(unit.inline, headingRoles[i] ?? null))
      // `#### A caption` under a `### Question?`: part of the answer.
      if (questionSubLevel && unit.level > questionSubLevel.level && i > questionSubLevel.from && (draft.inTurn() || draft.awaitsAnswer())) return draft.continue(unit, renderTokens(unit.tokens))
      // The interviewee's own sub-headings structure the answer under a question heading.
      if (questionSections && (draft.inTurn() || draft.awaitsAnswer())) return draft.continue(unit, renderTokens(unit.tokens))
      // `**Ana:**` alone, then `#### A caption`: the answer opens with a heading.
      if (draft.awaitsUtterance()) return draft.continue(unit, renderTokens(unit.tokens))
      return draft.interrupt(unit, renderTokens(unit.tokens))
    }
    if (unit.type === 'break' || note.stage || i === signature?.start) return draft.interrupt(unit, renderTokens(unit.tokens))
    const respondent = paragraphPeople.get(unit)
    if (respondent) return draft.introduceAnswerer(unit, renderTokens(unit.tokens), respondent)
    const personKey = speakerKeys[i]
    if (unit.type === 'paragraph' && label && personKey !== undefined) {
      // `**Sam: the whole question in bold**` is a question form: unlabelled paragraphs after it answer it.
      // A label alone keeps how it was written, for the case nothing follows it (rendered only then).
      const asWritten = label.rest.trim() === '' ? renderTokens(unit.tokens) : null
      return draft.speak(personKey, label.name, unit, renderLabelled(unit, label, env), label.form === 'bold-wrapped' || accepted.onlyAsk, label.time, asWritten)
    }
    if (unit.type === 'paragraph' && note.byline && !draft.inTurn()) return draft.narrate(unit, renderTokens(unit.tokens), true)
    if (unit.type === 'paragraph' && isQuestion(note)) return draft.ask(unit, renderQuestion(unit))
    if (unit.type === 'other' && isQuestion(note)) return draft.ask(unit, renderTokens(unit.tokens))
    return draft.continue(unit, renderTokens(unit.tokens))
  })

  const meta = readMeta(split.data, units, titleUnit, file, authors, translators)
  return {
    slug: typeof split.data.slug === 'string' && split.data.slug.trim() ? split.data.slug.trim() : slugFromFile(file, meta.title),
    file,
    lang,
    meta,
    ...draft.finish({ authors, hints }),
    rejectedLabels: accepted.rejected,
  }
}

/** markdown-it's tokens for the body; a body written in HTML is first read as the Markdown it stands for. */
function readBody(body: string, env: Record<string, unknown>): Token[] {
  const tokens = md.parse(body, env)
  return isHtmlBody(tokens, body) ? md.parse(htmlBlocksToMarkdown(tokens, body), env) : tokens
}

/** Units with their notes; a definition list whose terms are speakers or questions opens into its parts. */
function readUnits(tokens: Token[], env: Record<string, unknown>): { units: Unit[]; notes: Notes[] } {
  let units: Unit[] = []
  let notes: Notes[] = []
  const collected = collectUnits(tokens)
  const listNotes = new Map<Unit, Notes[]>()
  for (const unit of collected) {
    if (unit.type === 'other' && unit.parts) listNotes.set(unit, unit.parts.map((part) => (part.type === 'paragraph' && isTerm(part) ? annotateTerm(part) : annotate(part))))
  }
  const dialogues = new Set([...listNotes.values()].filter(isDialogueList))
  // A short list between headings (one question, one answer) continues a dialogue the longer ones show.
  const speakers = new Set([...dialogues].flatMap(termNames))
  const isDialogue = (partNotes: Notes[]): boolean => {
    const names = termNames(partNotes)
    return dialogues.has(partNotes) || (names.length > 0 && names.length === partNotes.filter((n) => n.shape === 'term').length && names.every((name) => speakers.has(name)))
  }
  for (const unit of collected) {
    const partNotes = listNotes.get(unit)
    if (unit.type === 'other' && unit.parts && partNotes) {
      if (isDialogue(partNotes)) {
        // What a speaker's term defines is what they say, even `(laughs)` alone: their turn, not a stage direction.
        for (const note of partNotes) if (note.shape !== 'term') note.stage = false
        for (const part of unit.parts) revealParagraphs(part.tokens)
        units.push(...unit.parts)
        notes.push(...partNotes)
        continue
      }
    }
    units.push(unit)
    notes.push(annotate(unit))
  }
  ;({ units, notes } = splitAtInnerLabels(units, notes, env))
  keepRecurringBareLabels(units, notes)
  dropListCaptions(units, notes)
  dropHeadingEchoes(units, notes)
  return { units, notes }
}

/** `## The first CVE` then `The first CVE: …`: the paragraph restates its heading as a lead-in, nobody speaks. */
function dropHeadingEchoes(units: Unit[], notes: Notes[]): void {
  notes.forEach((note, i) => {
    const before = units[i - 1]
    if (note.label && before?.type === 'heading' && labelKey(plainText([before.inline])) === labelKey(note.label.name)) note.label = null
  })
}

/**
 * `**Fábio Kung**:` alone over a list of his links (podcast show notes): a caption, not a turn. A name
 * that also opens a paragraph of text elsewhere stays a speaker, whose answer may be a list.
 */
function dropListCaptions(units: Unit[], notes: Notes[]): void {
  const speaks = new Set<string>()
  const captions: Notes[] = []
  notes.forEach((note, i) => {
    if (!note.label) return
    if (note.label.rest.trim() !== '') speaks.add(labelKey(note.label.name))
    else if (units[i + 1]?.type === 'other' && isList(units[i + 1] as Unit)) captions.push(note)
    else if (units[i + 1]?.type === 'paragraph' && !notes[i + 1]?.label) speaks.add(labelKey(note.label.name))
  })
  for (const note of captions) if (note.label && !speaks.has(labelKey(note.label.name))) note.label = null
}

const isList = (unit: Unit): boolean => unit.tokens[0]?.type === 'bullet_list_open' || unit.tokens[0]?.type === 'ordered_list_open'

/**
 * `**Finn**: …?` and `**Reiter**: …` on consecutive lines of one paragraph are two turns. A paragraph
 * is split where a line opens with a label that also opens paragraphs elsewhere (a known speaker
 * form), never on a one-off `Note:` in the middle of a paragraph.
 */
function splitAtInnerLabels(units: Unit[], notes: Notes[], env: Record<string, unknown>): { units: Unit[]; notes: Notes[] } {
  // Labels counted at the start of every line of every paragraph: an answerer may only ever speak on
  // the line after the question (`**Finn**: …?` / `**Reiter**: …`).
  const lineLabels = new Map<string, number>()
  const labelOf = new Map<string, string | null>()
  // Only a line with a colon near its start can open with a label; most lines are skipped here.
  const labelAt = (line: string): string | null => {
    if (!COLON_NEAR_START.test(line)) return null
    let key = labelOf.get(line)
    if (key === undefined) {
      const label = matchLabel(line)
      key = label && label.form !== 'bare' ? labelKey(label.name) : null
      labelOf.set(line, key)
    }
    return key
  }
  let multiLine = false
  notes.forEach((note) => {
    if (note.label && note.label.form !== 'bare') lineLabels.set(labelKey(note.label.name), (lineLabels.get(labelKey(note.label.name)) ?? 0) + 1)
  })
  units.forEach((unit) => {
    if (unit.type !== 'paragraph' || !unit.inline.content.includes('\n')) return
    multiLine = true
    const lines = unit.inline.content.split('\n')
    for (let n = 1; n < lines.length; n++) {
      const key = labelAt(lines[n] as string)
      if (key !== null) lineLabels.set(key, (lineLabels.get(key) ?? 0) + 1)
    }
  })
  if (!multiLine) return { units, notes }
  const known = (line: string): boolean => {
    const key = labelAt(line)
    return key !== null && (lineLabels.get(key) ?? 0) >= 2
  }
  const outUnits: Unit[] = []
  const outNotes: Notes[] = []
  units.forEach((unit, i) => {
    const lines = unit.type === 'paragraph' && unit.inline.content.includes('\n') ? unit.inline.content.split('\n') : null
    const starts = lines ? lines.flatMap((line, n) => (n > 0 && known(line) ? [n] : [])) : []
    if (!lines || starts.length === 0 || unit.type !== 'paragraph') {
      outUnits.push(unit)
      outNotes.push(notes[i] as Notes)
      return
    }
    const offset = unit.lines.start - 1
    for (const [k, from] of [0, ...starts].entries()) {
      const to = starts[k] ?? lines.length
      const partTokens = md.parse(lines.slice(from, to).join('\n'), env)
      for (const token of partTokens) if (token.map) token.map = [token.map[0] + offset + from, token.map[1] + offset + from]
      for (const part of collectUnits(partTokens)) {
        outUnits.push(part)
        outNotes.push(annotate(part))
      }
    }
  })
  return { units: outUnits, notes: outNotes }
}

/**
 * "Interviewee: 손석호 박사 / Seokho Son, Ph.D.": one person, written in two scripts and with degrees;
 * the first spelling names them.
 */
function intervieweeByline(text: string): string[] {
  const spellings = text.split(/\s+\/\s+/)
  const names = spellings.length > 1 ? splitNames(spellings[0] ?? '').slice(0, 1) : splitNames(text).filter((name) => !DEGREE.test(name))
  return names.map((name) => name.replace(TITLE_AFTER_NAME, '') || name)
}

/** Titles CJK writing puts after a name ("손석호 박사", "王芳 博士", "山田 先生"): the person is the name before them. */
const TITLE_AFTER_NAME = /\s+(?:박사|교수|선생님|님|씨|대표|博士|教授|先生|女士|老师|老師|氏|さん|様)$/u

const DEGREE = /^(?:Ph\.?\s?D\.?|Dr\.?|M\.?Sc\.?|M\.?A\.?|B\.?Sc\.?|MD|Prof\.?)$/i

/** One entry per person: `Liz` is dropped beside `Liz de Souza`. */
function uniqueNames(names: string[]): string[] {
  const keys = names.map(labelKey)
  const seen = new Set<string>()
  return names.filter((_, i) => {
    const key = keys[i] as string
    if (seen.has(key) || keys.some((other) => other.length > key.length && other.startsWith(`${key} `))) return false
    seen.add(key)
    return true
  })
}

/** `Interviewer:` is a byline once, at the top; a label that recurs is someone speaking. */
function keepOneOffBylines(notes: Notes[]): void {
  const counts = new Map<string, number>()
  for (const note of notes) if (note.byline && note.label) counts.set(labelKey(note.label.name), (counts.get(labelKey(note.label.name)) ?? 0) + 1)
  for (const note of notes) if (note.byline && note.label && (counts.get(labelKey(note.label.name)) ?? 0) > 1) note.byline = null
}

/**
 * "Interview with serenitywing", "Entrevista con Ana", or a title that is only a name ("Gaël
 * Varoquaux") on an article of questions: the person interviewed.
 */
const TITLE_WITH = /(?:interview|entrevista|intervista|entretien|gespräch|rozmowa|wywiad|gesprek)\s+(?:with|mit|con|com|avec|a|z|met)\s+([^,:;.!?—–|()[\]]{2,60})/iu
/** "Five questions for Lee Park", "Q&A with Ana Lima", "A conversation with Bo Chen": a capitalised name follows. */
const TITLE_QUESTIONS_FOR = /(?:questions|Q\s*&\s*A|conversation|chat)\s+(?:for|to|with)\s+(\p{Lu}[^,:;.!?—–|()[\]]{1,59})/u
const TITLE_IS_NAME = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u

/** "Mapper of the Month: alouette955 (Canada)": a name or a user handle after the title's last colon. */
const TITLE_AFTER_COLON = /[:：]\s*([^:：]+?)\s*(?:[(（][^)）]*[)）])?\s*$/u
const HANDLE = /^[\p{Ll}\p{N}_.-]{3,30}$/u

function intervieweeFromTitle(title: string | null): string[] {
  if (!title) return []
  const withName = (TITLE_WITH.exec(title) ?? TITLE_QUESTIONS_FOR.exec(title))?.[1]?.trim()
  if (withName && withName.split(/\s+/).length <= 4) return [withName]
  const afterColon = TITLE_AFTER_COLON.exec(title)?.[1]?.trim()
  if (afterColon && (TITLE_IS_NAME.test(afterColon) || (HANDLE.test(afterColon) && /\p{N}|_/u.test(afterColon)))) return [afterColon]
  // "Meet Ana Lima": the verb introduces the person the title names.
  const name = title.trim().replace(TITLE_MEET, '')
  return TITLE_IS_NAME.test(name) || (name !== title.trim() && PERSON_NAME.test(name)) ? [name] : []
}
const TITLE_MEET = /^(?:Meet|Meeting|Conheça|Conoce a|Rencontre avec|Incontro con)\s+/u

/** How far from the end a closing signature may sit: the date and a colophon may follow it. */
const SIGNATURE_REACH = 4
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * An italic `// Anthony Williams, Alexander Demin` near the end: a signature, narration rather than the last
 * answer's text, and so is an end mark (`■`) right before it. `start` is where that narration begins.
 */
function closingSignature(units: Unit[], notes: Notes[]): { start: number; names: string[] } | null {
  for (let i = units.length - 1, seen = 0; i >= 0 && seen < SIGNATURE_REACH; i--) {
    const unit = units[i] as Unit
    const note = notes[i] as Notes
    if (unit.type !== 'paragraph' || note.label) return null
    seen++
    const names = signatureNames(plainText([unit.inline]), note.shape === 'italic')
    if (names.length === 0) continue
    let start = i
    while (start > 0 && units[start - 1]?.type === 'paragraph' && !LETTER_OR_DIGIT.test(plainText([(units[start - 1] as Extract<Unit, { type: 'paragraph' }>).inline]))) start--
    return { start, names }
  }
  return null
}

/** The names a signature gives beside the interviewee's: the interviewer's (none if it does not name the interviewee). */
function signedInterviewers(names: string[], interviewees: string[]): string[] {
  const interviewed = new Set(interviewees.map(labelKey))
  const others = names.filter((name) => !interviewed.has(labelKey(name)))
  return others.length < names.length ? others : []
}

/**
 * Roundups give each interviewee a section (`## X-RAY: Ingrid 👑`, `## Anna Berg`): a heading that is
 * a name, or ends with one after a colon, and that the section's own text mentions. At least two such
 * sections, each about a different person, make the pattern.
 */
function peopleOfSections(units: Unit[], notes: Notes[], headings: Extract<Unit, { type: 'heading' }>[]): Map<Unit, string> {
  const candidates = new Map<Unit, string>()
  // `## Ana Ruiz, PR de Acme`: a full name with its role after a comma is that section's respondent.
  const stated = new Set<Unit>()
  for (const heading of headings) {
    const title = plainText([heading.inline])
    const withRole = NAME_WITH_ROLE.exec(title)?.[1]
    if (withRole) stated.add(heading)
    const name = withRole ?? nameInHeading(title)
    if (name) candidates.set(heading, name)
  }
  if (new Set(candidates.values()).size < MIN_PEOPLE_SECTIONS) return new Map()
  const people = new Map<Unit, string>()
  let current: Unit | null = null
  let text = ''
  // "Meet Ingrid": the longest ending of the heading's name that the section's text mentions.
  const settle = (): void => {
    const candidate = current ? candidates.get(current) : undefined
    if (current && candidate && stated.has(current)) return void people.set(current, candidate)
    const words = candidate?.split(/\s+/) ?? []
    for (let from = 0; current && from < words.length; from++) {
      const name = words.slice(from).join(' ')
      if (text.includes(name)) return void people.set(current, name)
    }
  }
  units.forEach((unit, i) => {
    if (unit.type === 'heading' && candidates.has(unit)) {
      settle()
      current = unit
      text = ''
    } else if (unit.type === 'heading' && headings.includes(unit)) {
      settle()
      current = null
    } else if (current && unit.type === 'paragraph' && !notes[i]?.label) text += ` ${plainText([unit.inline])}`
  })
  settle()
  return new Set(people.values()).size >= MIN_PEOPLE_SECTIONS ? people : new Map()
}

const MIN_PEOPLE_SECTIONS = 2

/** A full name (two to four capitalised words), maybe with a nickname in brackets: `Gertjan Lettink ( Knurpht )`. */
const RESPONDENT_NAME = /^\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,3}(?:\s*[(（][^()（）\n]{1,40}[)）])?$/u

/**
 * `[**Ana Ruiz**](…)` alone, then questions and answers: candidates answering the same questions one
 * after the other, each block under their name. The name paragraph (bold or a link, a question right
 * after it) says whose the unlabelled answers are until the next one; it takes two or more people,
 * each named once (a name that recurs before its lines is a speaker label, `keepRecurringBareLabels`).
 */
function peopleOfParagraphs(units: Unit[], notes: Notes[]): Map<Unit, string> {
  const people = new Map<Unit, string>()
  units.forEach((unit, i) => {
    const note = notes[i] as Notes
    if (unit.type !== 'paragraph' || note.asks || note.label?.form === 'plain' || !notes[i + 1]?.asks) return
    if (!isWhollyEmphasised(unit.inline, 'strong') && !isWhollyLinked(unit.inline)) return
    const name = plainText([unit.inline]).trim()
    if (RESPONDENT_NAME.test(name)) people.set(unit, name.replace(/\s*([(（])\s*/gu, ' $1').replace(/\s*([)）])/gu, '$1'))
  })
  const names = new Set(people.values())
  return names.size >= MIN_PEOPLE_SECTIONS && names.size === people.size ? people : new Map()
}

/** The paragraph is one link (its text maybe emphasised), nothing around it. */
function isWhollyLinked(inline: Token): boolean {
  const children = (inline.children ?? []).filter((child) => !(child.type === 'softbreak' || (child.type === 'text' && child.content.trim() === '')))
  return children[0]?.type === 'link_open' && children[children.length - 1]?.type === 'link_close' && children.filter((child) => child.type === 'link_open').length === 1
}

function nameInHeading(title: string): string | null {
  const afterColon = title.split(/[:：]/).pop() ?? title
  const name = afterColon.replace(/[^\p{L}\p{N}\s'’.-]/gu, '').trim()
  return PERSON_NAME.test(name) ? name : null
}

/** `Ana Ruiz, PR de Acme`, `Bo Chen – maintainer`: two to four capitalised words, then a role. */
const NAME_WITH_ROLE = /^(\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,3})\s*(?:,|\s[–—-])\s+\S/u

/**
 * The level of sub-headings that are the article's questions: at least three of them ask and at least
 * two thirds of that level do. Those few without `?` ask too ("Tell me about your studies…", "Your
 * favourite memory."). Null when no level reads so.
 */
function askingSubheadingLevel(units: Unit[], notes: Notes[], titleUnit: Unit | null, sectionLevel: number): { level: number; from: number } | null {
  const total = new Map<number, number>()
  const asking = new Map<number, number>()
  const firstAsking = new Map<number, number>()
  units.forEach((unit, i) => {
    if (unit.type !== 'heading' || unit === titleUnit || unit.level <= sectionLevel) return
    total.set(unit.level, (total.get(unit.level) ?? 0) + 1)
    if (!notes[i]?.asks) return
    asking.set(unit.level, (asking.get(unit.level) ?? 0) + 1)
    if (!firstAsking.has(unit.level)) firstAsking.set(unit.level, i)
  })
  // Sub-headings of the same level before the first question (`### Quincy Larson`, `### FreeCodeCamp`
  // introducing the people and things talked about) are narration; the one right before it asks too
  // when it reads as a sentence ("Tell me about your studies, which year…").
  for (const [level, count] of total) {
    const asked = asking.get(level) ?? 0
    let from = firstAsking.get(level) ?? 0
    const previous = units.findLastIndex((unit, i) => i < from && unit.type === 'heading' && unit.level <= level)
    const heading = units[previous]
    if (heading?.type === 'heading' && heading.level === level && heading.title.split(/\s+/).length >= MIN_UNMARKED_QUESTION_WORDS) from = previous
    const before = units.filter((unit, i) => i < from && unit.type === 'heading' && unit.level === level).length
    if (asked >= MIN_ASKING_SUBHEADINGS && asked * 3 >= (count - before) * 2) return { level, from }
  }
  return null
}
const MIN_ASKING_SUBHEADINGS = 3
/** "Tell us about yourself": a question without its mark has a verb and an object; a name or topic is shorter. */
const MIN_UNMARKED_QUESTION_WORDS = 4

const COLON_NEAR_START = /^.{1,60}?[:：]/u

/**
 * Bold at the start of a paragraph is a speaker (`**Jen Luker** Hello.`) only when at least two names
 * open paragraphs that way, each more than once; otherwise it is emphasis.
 */
const MIN_BARE_SPEAKERS = 2

function keepRecurringBareLabels(units: Unit[], notes: Notes[]): void {
  // A plain name alone (`JANE DOE`) speaks the paragraph after it; one over a list or a heading is a
  // subhead ("New Features" in release notes).
  notes.forEach((note, i) => {
    if (note.label?.form === 'bare' && note.label.rest === '' && isPlainText(units[i]) && (units[i + 1]?.type !== 'paragraph' || notes[i + 1]?.label)) note.label = null
  })
  const counts = new Map<string, number>()
  for (const note of notes) if (note.label?.form === 'bare') counts.set(labelKey(note.label.name), (counts.get(labelKey(note.label.name)) ?? 0) + 1)
  const recurring = [...counts.values()].filter((n) => n >= 2).length
  for (const note of notes) {
    if (note.label?.form !== 'bare') continue
    if (recurring < MIN_BARE_SPEAKERS || (counts.get(labelKey(note.label.name)) ?? 0) < 2) note.label = null
    else note.byline = null
  }
}

function isPlainText(unit: Unit | undefined): boolean {
  return unit?.type === 'paragraph' && !/[*_]/.test(unit.inline.content)
}

function termNames(notes: Notes[]): string[] {
  return notes.flatMap((n) => (n.shape === 'term' && n.label ? [labelKey(n.label.name)] : []))
}

function isTerm(part: Extract<Unit, { type: 'paragraph' }>): boolean {
  return (part.tokens[0]?.meta as { term?: boolean } | null)?.term === true
}

/**
 * Terms that are questions, or names that recur and alternate (`Tom` / `Mara` / `Tom`), make a
 * dialogue; a glossary or a list of book titles has neither.
 */
function isDialogueList(notes: Notes[]): boolean {
  const terms = notes.filter((n) => n.shape === 'term')
  if (terms.length < 2) return false
  const asking = terms.filter((n) => n.asks).length
  if (asking * 2 >= terms.length) return true
  const names = termNames(terms)
  if (names.some((name) => !isNameShaped(name))) return false
  const distinct = new Set(names)
  return distinct.size >= 2 && distinct.size < names.length && names.every((name, i) => i === 0 || name !== names[i - 1] || distinct.size === 1)
}

/**
 * The title heading: the first heading when it repeats the front-matter title, or, without one, a
 * lone leading `#` (or setext `===`) heading. A `#` heading that differs from the front-matter title
 * is a section.
 */
function findTitleHeading(units: Unit[], notes: Notes[], frontMatterTitle: string | null): Unit | null {
  const index = units.findIndex((u) => u.type === 'heading')
  const first = units[index]
  if (first?.type !== 'heading') return null
  if (notes.slice(0, index).some((n) => n.label && !n.byline)) return null
  if (frontMatterTitle !== null) return labelKey(plainText([first.inline])) === labelKey(frontMatterTitle) ? first : null
  const levelOnes = units.filter((u) => u.type === 'heading' && u.level === 1).length
  return first.level === 1 && levelOnes === 1 ? first : null
}

/**
 * The heading level that structures the conversation: usually the shallowest content level, but when
 * the conversation starts under a deeper heading with no shallower one before it (`###` sections and
 * one closing `## About the author`), that deeper level.
 */
function findSectionLevel(units: Unit[], notes: Notes[], titleUnit: Unit | null, start: number): number {
  // Counted in a loop: spreading 100k levels into Math.min overflows the call stack.
  let min = 7
  for (const u of units) if (u.type === 'heading' && u !== titleUnit && u.level < min) min = u.level
  if (min === 7) return 1
  let opening: Extract<Unit, { type: 'heading' }> | null = null
  for (let i = 0; i < start; i++) {
    const u = units[i] as Unit
    if (u.type !== 'heading' || u === titleUnit) continue
    if (u.level <= min) return min
    if (!(notes[i] as Notes).asks) opening = u
  }
  return opening ? opening.level : min
}

/** Index of the first unit that looks like part of the conversation (a label or a question). */
function firstConversationUnit(notes: Notes[]): number {
  // A label used once (`**Disclaimer**: …` above the intro) is not yet someone speaking.
  const uses = new Map<string, number>()
  for (const n of notes) if (n.label) uses.set(labelKey(n.label.name), (uses.get(labelKey(n.label.name)) ?? 0) + 1)
  const index = notes.findIndex((n) => (n.label && !n.byline && !n.stage && (uses.get(labelKey(n.label.name)) ?? 0) > 1) || n.shape === 'bold' || n.shape === 'dash' || (n.shape === 'heading' && n.asks) || (n.shape === 'term' && n.asks))
  return index === -1 ? notes.length : index
}

function roleLabelOf(label: LabelMatch | null, roles: RoleReader): string | null {
  return label && roles.roleOf(label.name) ? label.name : null
}
