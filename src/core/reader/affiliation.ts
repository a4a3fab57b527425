/**
 * Who the speakers are, as the article's intro introduces them: turns are labelled with a first
 * name (`Michael:`), while the intro says "Michael McCune (Red Hat)", "Michael McCune, a software
 * engineer at Red Hat", "来自 Red Hat 的 Michael McCune" or "Red HatのMichael McCune氏". The reader's
 * speaker card shows that full name and affiliation. Pure; reads the intro text only, never guesses
 * from the conversation, and says nothing when the intro does not say.
 */
import type { Interview } from '../types'

export interface SpeakerIntro {
  /** The longest form of the speaker's name the intro writes (`Michael McCune`), when longer than the label. */
  fullName: string | null
  /** Organisation or position as written (`Red Hat`, `software engineer at Red Hat`). */
  affiliation: string | null
}

interface Named {
  id: string
  name: string
  aliases: readonly string[]
}

/**
 * Speakers are introduced in the opening paragraphs. Only that much is read, and only a short
 * window around each mention, so an article without headings (all of it "intro") costs no more.
 */
export const INTRO_CHARS = 4000
const BEFORE_CHARS = 80
const AFTER_CHARS = 160

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/**
 * `name` as a whole word: not inside a longer Latin word (`Michaela`). CJK has no spaces, so a Latin
 * name may touch kana or Han (`Red HatのMichael`), and a CJK name anything.
 */
const wholeName = (name: string, tail = ''): RegExp =>
  new RegExp(String.raw`(?<![\p{Script=Latin}\d])${escape(name)}${tail}(?![\p{Script=Latin}\d])`, 'gu')
const fold = (text: string): string => text.normalize('NFKC').toLocaleLowerCase().trim()

/** A capitalised word that may continue a Latin name (`McCune`, `O’Brien`, `van`-less on purpose). */
const NAME_PART = String.raw`(?=\p{Lu})\p{Script=Latin}[\p{Script=Latin}’'.-]*\p{Script=Latin}`
/** Words that start a sentence or clause, never a surname. */
const NOT_A_NAME = new Set(['The', 'This', 'That', 'In', 'On', 'At', 'And', 'But', 'From', 'For', 'With', 'About', 'I', 'We'])

/** An organisation in Latin script as CJK text embeds it (`Red Hat`, `VMware by Broadcom`, `SUSE`). */
const LATIN_ORG = String.raw`(?=[\p{Lu}\d])[\p{Script=Latin}\d][\p{Script=Latin}\d&.'’-]*(?:[ \u00a0](?:(?=[\p{Lu}\d])[\p{Script=Latin}\d][\p{Script=Latin}\d&.'’-]*|by|of|and|&))*`

/** What may stand in brackets after a name and is an organisation, not a nickname or a note. */
function plausibleAffiliation(text: string, forms: ReadonlySet<string>): boolean {
  const t = text.trim()
  if (t.length < 2 || t.length > 60) return false
  if (/https?:|@|^\d+$|^(?:aka|also known|a\.k\.a|又名|通称)/i.test(t)) return false
  return !forms.has(fold(t))
}

/** After the name: `(Org)`, `（Org）`, `, a role at Org`, ` from Org`, `氏（Org）`. */
function affiliationAfter(rest: string, forms: ReadonlySet<string>): string | null {
  const bracket = /^(?:氏|さん|先生)?\s*[(（]([^()（）]+)[)）]/u.exec(rest)
  if (bracket) return plausibleAffiliation(bracket[1]!, forms) ? bracket[1]!.trim() : null
  const apposition = /^,\s*(?:(?:a|an|the)\s+)?((?:[\p{L}-]+\s+){0,5}?(?:at|with)\s+[^,.;:()]+?)(?=\s+(?:and|who|to|about)\b|[,.;:()]|$)/u.exec(rest)
  if (apposition) return apposition[1]!.trim()
  const from = new RegExp(String.raw`^\s+(?:from|of)\s+(${LATIN_ORG})`, 'u').exec(rest)
  return from ? from[1]!.trim() : null
}

/** Before the name: `来自 Org 的`, `Org 的`(Latin org), `Org所属の`, `Orgの`. */
function affiliationBefore(head: string): string | null {
  const zh = /来自\s*([^，。、；：\s][^，。、；：]{0,40}?)\s*的\s*(?:[^\s，。、]{0,10}\s*)?$/u.exec(head)
  if (zh) return zh[1]!.trim()
  const latin = new RegExp(String.raw`(?:^|[^\p{Script=Latin}\d])(${LATIN_ORG})\s*(?:社)?(?:所属)?\s*(?:的|の)\s*$`, 'u').exec(head)
  return latin ? latin[1]!.trim() : null
}

/** The longest name form for the speaker the intro writes (`Michael` → `Michael McCune`), or null. */
function longestName(intro: string, speaker: Named): string | null {
  let best: string | null = null
  for (const form of new Set([speaker.name, ...speaker.aliases])) {
    if (form.trim() === '') continue
    // A Latin name may go on with capitalised words the label left out.
    for (const m of intro.matchAll(wholeName(form, String.raw`((?:[ \u00a0]${NAME_PART}){0,2})`))) {
      const extra = (m[1] ?? '').trim().split(/\s+/).filter(Boolean)
      const cut = extra.findIndex((w) => NOT_A_NAME.has(w))
      const name = [form, ...(cut === -1 ? extra : extra.slice(0, cut))].join(' ')
      if (!best || name.length > best.length) best = name
    }
  }
  return best
}

/** The first affiliation written beside any mention of `name`. */
function affiliationOf(intro: string, name: string, forms: ReadonlySet<string>): string | null {
  for (const m of intro.matchAll(wholeName(name))) {
    const after = m.index + name.length
    const found = affiliationAfter(intro.slice(after, after + AFTER_CHARS), forms) ?? affiliationBefore(intro.slice(Math.max(0, m.index - BEFORE_CHARS), m.index))
    if (found) return found
  }
  return null
}

/**
 * For each speaker the intro introduces, its full name and affiliation (by speaker id). `intro`
 * is the text before the conversation; speakers it does not mention are left out.
 */
export function introduceSpeakers(text: string, speakers: readonly Named[]): Map<string, SpeakerIntro> {
  const intro = text.slice(0, INTRO_CHARS)
  const found = new Map<string, SpeakerIntro>()
  const forms = new Set(speakers.flatMap((s) => [s.name, ...s.aliases]).map(fold))
  for (const speaker of speakers) {
    const name = longestName(intro, speaker)
    if (!name) continue
    const affiliation = affiliationOf(intro, name, forms)
    const fullName = name.length > speaker.name.length ? name : null
    if (fullName || affiliation) found.set(speaker.id, { fullName, affiliation })
  }
  return found
}

/** The intro's text: what stands before the first heading (bylines included: they name the interviewer). */
export function introText(interview: Pick<Interview, 'sections'>): string {
  const intro = interview.sections.find((s) => s.title === null)
  return intro ? intro.blocks.filter((b) => b.kind === 'narration').map((b) => b.text).join('\n\n') : ''
}
