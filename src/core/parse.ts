import type { Token } from 'markdown-it'
import { collectUnits, endsWithQuestion, isWhollyEmphasised, type Unit } from './blocks'
import { bylineKind, namesFromFrontMatter, splitNames } from './bylines'
import { stripHtmlComments } from './comments'
import { splitFrontMatter } from './front-matter'
import { ConversationDraft } from './conversation'
import { readRoleHints } from './hints'
import { labelKey, matchLabel, type LabelMatch } from './labels'
import { plainText } from './markdown'
import { readMeta, readSpeakerDeclarations, detectLanguage, slugFromFile } from './meta'
import { md, renderInlineAsParagraph, renderLabelled, renderTokens, textAfterLabel } from './render'
import { acceptLabels, roleOfRoleLabel } from './speakers'
import type { Interview, ParseError, ParseResult } from './types'
import { articleBase } from './urls'

export interface ParseOptions {
  /** File name, used for the slug fallback, language hints and error messages. */
  file?: string | null
  /** Where relative links and images point when the article has no canonical URL (a content folder's site). */
  siteBase?: string | null
}

/** Parse an interview article (Markdown + optional YAML front matter). Never throws. */
export function parseInterview(source: string, options: ParseOptions = {}): ParseResult {
  const file = options.file ?? null
  try {
    const result = parseOrFail(source, file, options.siteBase ?? null)
    return 'kind' in result ? { ok: false, error: result } : { ok: true, interview: result }
  } catch (error) {
    // A parser bug must not take the page down; report it like any other unreadable input.
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { kind: 'parse-error', file, line: null, message: `internal parser error: ${reason}` } }
  }
}

function parseOrFail(source: string, file: string | null, siteBase: string | null): Interview | ParseError {
  const unmarked = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  const text = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked
  const split = splitFrontMatter(text, file)
  if ('kind' in split) return split
  const declarations = readSpeakerDeclarations(split.data, file)
  if ('kind' in declarations) return declarations

  const env: Record<string, unknown> = { parleyBase: articleBase(split.data, siteBase) }
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
  const introTokens: Token[] = []
  const introEnd = firstConversationUnit(units, labels)
  // Loops, not flatMap (several times slower in V8) nor push(...spread) (a 100k-token list overflows the stack).
  for (const unit of units.slice(0, introEnd)) if (unit.type !== 'heading') for (const token of unit.tokens) introTokens.push(token)
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
  // Who speaks in each unit (undefined: no accepted label), looked up once per unit.
  const speakerKeys = labels.map((label) => (label ? accepted.byLabel.get(labelKey(label.name)) : undefined))

  const boldParagraphs = units.filter((u, i) => u.type === 'paragraph' && speakerKeys[i] === undefined && isWhollyEmphasised(u.inline, 'strong'))
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
    const personKey = speakerKeys[i]
    if (unit.type === 'paragraph' && label && personKey !== undefined) {
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
  const present: number[] = []
  for (let level = 0; level < count.length; level++) if ((count[level] ?? 0) > 0) present.push(level)
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

function roleLabelOf(label: LabelMatch | null): string | null {
  return label && roleOfRoleLabel(label.name) ? label.name : null
}
