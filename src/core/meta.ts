import { latinLanguage } from './language'
import { slug } from './ids'
import type { Unit } from './blocks'
import { plainText } from './markdown'
import type { InterviewMeta, ParseError, Role, SpeakerDeclaration } from './types'

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null)

export function readMeta(
  data: Record<string, unknown>,
  units: Unit[],
  titleUnit: Unit | null,
  file: string | null,
  authors: string[],
  translators: string[],
): InterviewMeta {
  const firstHeading = titleUnit?.type === 'heading' ? plainText([titleUnit.inline]) : null
  const fallbackHeading = units.find((u) => u.type === 'heading')
  const title =
    str(data.title) ??
    firstHeading ??
    (fallbackHeading?.type === 'heading' ? plainText([fallbackHeading.inline]) : null) ??
    (file ? baseName(file) : 'Untitled interview')
  return {
    title,
    description: str(data.description) ?? str(data.summary),
    date: str(data.date) ?? (typeof data.date === 'number' ? String(data.date) : null),
    tags: Array.isArray(data.tags) ? data.tags.filter((t): t is string => typeof t === 'string') : typeof data.tags === 'string' ? [data.tags] : [],
    authors: [...new Set(authors)],
    translators: [...new Set(translators)],
    canonicalUrl: webUrl(str(data.canonicalUrl) ?? str(data.canonical_url) ?? str(data.canonicalURL)),
    frontMatter: data,
  }
}

function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.(md|markdown|txt)$/i, '')
}

export function slugFromFile(file: string | null, title: string): string {
  const fromFile = file ? slug(baseName(file)) : ''
  return fromFile || slug(title) || 'interview'
}

const LANGUAGE_TAG = /^(en|zh|zh-cn|zh-tw|zh-hans|zh-hant|ja|ko|uk|ru|de|fr|es|pt|pt-br|it|id|vi|hi|bn|pl|tr|nl|fa|ar|he)$/

/**
 * Front matter first, then a language tag in the file name (`post.zh-cn.md`, `017-zh-cn-…`), then the
 * script of the body (comments already removed, so an English original kept in comments doesn't count) and,
 * in Latin script, its most frequent small words.
 */
export function detectLanguage(data: Record<string, unknown>, file: string | null, text: string): string {
  const declared = str(data.lang) ?? str(data.language) ?? str(data.locale)
  const tag = declared ? languageTag(declared) : null
  if (tag) return tag
  if (file) {
    const parts = baseName(file).toLowerCase().split(/[.\-_]/)
    for (let i = 0; i < parts.length; i++) {
      const pair = `${parts[i]}-${parts[i + 1] ?? ''}`
      if (LANGUAGE_TAG.test(pair)) return pair
      if (LANGUAGE_TAG.test(parts[i] ?? '') && parts[i] !== 'id' && parts[i] !== 'it') return parts[i] as string
    }
  }
  // Skip the blanked front matter and sample the prose.
  const sample = text.trimStart().slice(0, 4000)
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sample)) return 'ja'
  if (/\p{Script=Hangul}/u.test(sample)) return 'ko'
  if (/\p{Script=Han}/u.test(sample)) return 'zh'
  if (/[іїєґІЇЄҐ]/u.test(sample)) return 'uk'
  if (/\p{Script=Cyrillic}/u.test(sample)) return 'ru'
  return latinLanguage(sample)
}

/** `zh_CN` → `zh-cn`, `Russian` → `ru`; null for a value that names no language (`default`). */
function languageTag(declared: string): string | null {
  const value = declared.trim().toLowerCase().replace(/_/g, '-')
  if (BCP47.test(value)) return value
  return LANGUAGE_NAMES.get(value) ?? null
}

const BCP47 = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/
/** What front matter writes instead of a tag (`language: russian`). */
const LANGUAGE_NAMES = new Map(
  'english:en russian:ru ukrainian:uk chinese:zh japanese:ja korean:ko german:de french:fr spanish:es italian:it portuguese:pt dutch:nl polish:pl turkish:tr swedish:sv indonesian:id vietnamese:vi'
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
)

/** The `parley.speakers` front-matter block: explicit speakers and roles that override inference. */
export function readSpeakerDeclarations(data: Record<string, unknown>, file: string | null): SpeakerDeclaration[] | ParseError {
  const block = data.parley
  // `parley:` may hold only other settings (`siteBase`); a `speakers` key must then be a list.
  if (block === undefined || (block && typeof block === 'object' && !Array.isArray(block) && !('speakers' in block))) return []
  const fail = (message: string): ParseError => ({ kind: 'parse-error', file, line: null, message: `front matter "parley.speakers": ${message}` })
  if (!block || typeof block !== 'object' || !Array.isArray((block as { speakers?: unknown }).speakers)) {
    return fail('expected a list of speakers, e.g. "parley:\\n  speakers:\\n    - name: Ada\\n      role: interviewer"')
  }
  const list = (block as { speakers: unknown[] }).speakers
  const out: SpeakerDeclaration[] = []
  for (const [i, entry] of list.entries()) {
    const item = entry as { name?: unknown; role?: unknown; aliases?: unknown }
    const name = typeof entry === 'string' ? entry : str(item?.name)
    if (!name) return fail(`entry ${i + 1} has no name`)
    const role = typeof entry === 'string' ? 'interviewee' : (item.role ?? 'interviewee')
    if (role !== 'interviewer' && role !== 'interviewee') return fail(`entry ${i + 1} (${name}): role must be "interviewer" or "interviewee", not "${String(role)}"`)
    const aliases = Array.isArray(item?.aliases) ? item.aliases.filter((a): a is string => typeof a === 'string') : []
    out.push({ name, role: role as Role, aliases })
  }
  return out
}

/** What a page of frequently asked questions calls itself, in the languages we read. */
const FAQ = /\bFAQs?\b|frequently asked|häufig gestellte|häufige fragen|wiederkehrende fragen|foire aux questions|preguntas frecuentes|perguntas frequentes|domande frequenti|veelgestelde vragen|najczęściej zadawane|часто задаваемые|поширені запитання|常见问题|常見問題|よくある質問|자주 묻는 질문/i

/**
 * The front matter names the page an FAQ (title, description, address): its questions are the
 * readers', collected, not a conversation with someone.
 */
export function namesItselfFaq(data: Record<string, unknown>): boolean {
  return [data.title, data.description, data.permalink, data.slug, data.url].some((value) => typeof value === 'string' && FAQ.test(value))
}

/** A canonical URL is the article's web address: anything else (`javascript:`…) is not one. */
function webUrl(url: string | null): string | null {
  return url && /^https?:\/\/[^\s]+$/i.test(url.trim()) ? url.trim() : null
}
