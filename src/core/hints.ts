/**
 * Who asks and who answers, read from the intro prose when the turns carry no names:
 * "Interviewed by Arujjwal Negi", "Nitish Kumar interviews Verónica López", "Arujjwal Negi 采访了 Michael McCune".
 */
export interface RoleHints {
  interviewers: string[]
  interviewees: string[]
}

const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3}`
const SEPARATOR = String.raw`\s*(?:,|，|、|&|\band\b|和)\s*(?:and\s+)?`
const ASKED_BY = new RegExp(String.raw`(?:[Ii]nterviewed|[Hh]osted|[Mm]oderated|[Cc]onducted)\s+by\s+(${NAME})`, 'gu')
/** "had the chance to interview Maciej Szulik and Janet Kuo": who was interviewed, asker unnamed. */
const INTERVIEWS = new RegExp(String.raw`\b(?:interview|interviewing)\s+(${NAME}(?:${SEPARATOR}${NAME})*)`, 'gu')
const ASKS = new RegExp(
  String.raw`(${NAME})\s*(?:interviews|interviewed|talks\s+(?:to|with)|talked\s+(?:to|with)|spoke\s+(?:to|with)|sits\s+down\s+with|sat\s+down\s+with|chats\s+with|chatted\s+with|采访了|采访|访谈了|インタビューしました|взяв\s+інтерв'ю\s+у|взяла\s+інтерв'ю\s+у)\s*(${NAME}(?:${SEPARATOR}${NAME})*)?`,
  'gu',
)

/** The verbs both patterns need: most intros have none, and then the name patterns never run. */
const HINT_WORDS = /nterview|osted|oderated|onducted|talk|spoke|sits|sat|chat|采访|访谈|インタビュー|інтерв/u

export function readRoleHints(introText: string): RoleHints {
  const interviewers = new Set<string>()
  const interviewees = new Set<string>()
  if (!HINT_WORDS.test(introText)) return { interviewers: [], interviewees: [] }
  for (const m of introText.matchAll(ASKED_BY)) if (m[1] && isName(cleanName(m[1]))) interviewers.add(cleanName(m[1]))
  for (const m of introText.matchAll(INTERVIEWS)) {
    for (const name of (m[1] ?? '').split(new RegExp(SEPARATOR, 'u'))) if (isName(cleanName(name))) interviewees.add(cleanName(name))
  }
  for (const m of introText.matchAll(ASKS)) {
    if (m[1] && isName(cleanName(m[1]))) interviewers.add(cleanName(m[1]))
    for (const name of (m[2] ?? '').split(new RegExp(SEPARATOR, 'u'))) if (isName(cleanName(name))) interviewees.add(cleanName(name))
  }
  return { interviewers: [...interviewers], interviewees: [...interviewees] }
}

/** The name pattern may swallow the sentence's full stop: "Interviewed by Arujjwal Negi." */
function cleanName(name: string): string {
  return name.trim().replace(/[.'’-]+$/u, '')
}

/** Sentence-initial pronouns look like names to the pattern ("We talked with…"); they are not. */
const PRONOUNS = new Set(['I', 'We', 'You', 'They', 'He', 'She', 'It', 'This', 'That', 'Our', 'My', 'Here', 'Today', 'Recently'])
const isName = (name: string): boolean => name.length > 0 && !PRONOUNS.has(name.split(' ')[0] ?? '')
