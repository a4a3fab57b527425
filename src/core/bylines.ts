import { labelKey } from './labels'

/**
 * Byline labels name who wrote or translated the article; they precede the interview and are
 * narration, never speakers. The words are what bylines say across the languages the Kubernetes
 * blog is translated into (a property of bylines in general, not of any one article).
 */
const AUTHOR_WORDS = ['author', 'authors', 'by', 'written by', 'interviewer', 'interviewed by', '作者', '撰文', '采访者', '著者', '筆者', '作成者', 'インタビュアー', 'автор', 'автори', 'автора', 'autor', 'autores', 'autora', 'auteur', 'auteurs', 'autore', 'autori', '작성자', '저자', 'penulis', 'tác giả']
const TRANSLATOR_WORDS = ['translator', 'translators', 'translated by', 'translation', 'editor', 'editors', 'reviewer', 'reviewers', '译者', '翻译', '校对', '审校', '編集', '翻訳', '翻訳者', '訳者', 'переклад', 'перекладач', 'перекладачі', 'переклала', 'переклав', 'перевод', 'переводчик', 'traductor', 'traducción', 'traducteur', 'traduction', 'tradutor', 'tradução', 'übersetzer', 'übersetzung', 'traduttore', '번역', '번역자', 'penerjemah', 'người dịch']

/** "Interviewee: Seokho Son": a byline that names who is interviewed. */
const INTERVIEWEE_WORDS = ['interviewee', 'interviewees', 'interviewed', 'entrevistado', 'entrevistada', 'entrevistados', 'intervistato', 'intervistata', 'interviewé', 'interviewée', 'gesprächspartner', 'gesprächspartnerin', 'interviewpartner', 'interviewpartnerin', '受访者', '受訪者', '采访对象', 'インタビュイー', '인터뷰이', 'респондент', 'собеседник', 'співрозмовник', 'співрозмовниця']

export type BylineKind = 'author' | 'translator' | 'interviewee'

const BYLINES = new Map<string, BylineKind>([
  ...AUTHOR_WORDS.map((w): [string, BylineKind] => [labelKey(w), 'author']),
  ...TRANSLATOR_WORDS.map((w): [string, BylineKind] => [labelKey(w), 'translator']),
  ...INTERVIEWEE_WORDS.map((w): [string, BylineKind] => [labelKey(w), 'interviewee']),
])

export function bylineKind(labelName: string): BylineKind | null {
  return BYLINES.get(labelKey(labelName)) ?? null
}

/** `[Rui Yang](https://…), Jane Doe and 张三` → `['Rui Yang', 'Jane Doe', '张三']` */
export function splitNames(value: string): string[] {
  return value
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .split(/\s*(?:,|，|、|;|；|&|\band\b|\bund\b|\bet\b|\by\b|和|与|及|\n)\s*/u)
    .map((n) => n.replace(/\s*[(（][^)）]*[)）]\s*$/u, '').trim())
    .filter((n) => n.length > 0 && n.length <= 60)
}

/** Front-matter author fields come as a string, a list, or a folded block (`author: >`). */
export function namesFromFrontMatter(value: unknown): string[] {
  if (typeof value === 'string') return splitNames(value)
  if (Array.isArray(value)) return value.flatMap((v) => namesFromFrontMatter(v))
  if (value && typeof value === 'object' && 'name' in value) return namesFromFrontMatter((value as { name: unknown }).name)
  return []
}

/** Front-matter keys that name authors: `author`, `authors`, and site-specific ones (`postauthors`, `author_name`). */
const AUTHOR_KEY = /^(?:post_?)?authors?(?:_?names?)?$/i

export function authorsFromFrontMatter(data: Record<string, unknown>): string[] {
  const names: string[] = []
  for (const [key, value] of Object.entries(data)) if (AUTHOR_KEY.test(key)) names.push(...namesFromFrontMatter(value))
  return [...new Set(names)]
}

/** Keys that name who answers (`interviewee: Janine Dias`, a podcast's `guest`) and who asks (`interviewer`, `host`). */
const INTERVIEWEE_KEY = /^(?:interviewees?|guests?|entrevistad[oa]s?|intervistat[oa])$/i
const INTERVIEWER_KEY = /^(?:interviewers?|hosts?|entrevistador(?:a|es)?|intervistator[ei]?)$/i

/** The people the front matter says take part, by side. */
export function participantsFromFrontMatter(data: Record<string, unknown>): { interviewers: string[]; interviewees: string[] } {
  const interviewers: string[] = []
  const interviewees: string[] = []
  for (const [key, value] of Object.entries(data)) {
    if (INTERVIEWEE_KEY.test(key)) interviewees.push(...namesFromFrontMatter(value))
    else if (INTERVIEWER_KEY.test(key)) interviewers.push(...namesFromFrontMatter(value))
  }
  return { interviewers, interviewees }
}

/** The marks a signature line opens with: `// Anthony Williams, Alexander Demin`, `— Ann Lee, Bo Chen`. */
const SIGNATURE_MARK = /^\s*(?:\/\/|—|–|~)\s*/u
/** A full name as a signature writes it: two to four capitalised words. */
const FULL_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u

/**
 * The names in a closing signature, or none when the paragraph is not one: its first line (up to a
 * second `//`, where a date often follows) lists at least two full names and nothing else. Blogs sign
 * interviews this way, the guest and the interviewer together.
 */
export function signatureNames(text: string, marked: boolean): string[] {
  const mark = SIGNATURE_MARK.exec(text)
  if (!mark && !marked) return []
  const names = splitNames(text.slice(mark?.[0].length ?? 0).split(/\s*\/\/|\n/u)[0] ?? '')
  return names.length >= 2 && names.every((name) => FULL_NAME.test(name)) ? names : []
}
