import { allMatches } from './regex'

/**
 * Who asks and who answers, read from the intro prose when the turns carry no names:
 * "Interviewed by Arujjwal Negi", "Nitish Kumar interviews Verónica López", "we talked with Kensei
 * Nakada", "Arujjwal Negi 采访了 Michael McCune", "我們總結了與 Gaby Moreno 的對話".
 */
export interface RoleHints {
  interviewers: string[]
  interviewees: string[]
}

/** A capitalised name of up to four words; particles (`de`, `van`, `von`…) may join them: "Liz de Souza". */
const PARTICLE = String.raw`(?:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|ten|ter|bin|al|y|e)`
/** A nickname in quotes may stand between the names: `Leonardo "Leocesar3D" Veloso` (cut by `cleanName`). */
const NICKNAME = String.raw`["“][^"”\n]{1,30}["”]`
const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:${PARTICLE}[ \t]+)?(?:\p{Lu}[\p{L}'’.-]*|${NICKNAME})){0,3}`
/** A whole text that is one such name (a heading that introduces a person: "Meet Ingrid Ortiz"). */
export const PERSON_NAME = new RegExp(String.raw`^${NAME}$`, 'u')
const SEPARATOR = String.raw`\s*(?:,|，|、|&|\band\b|和)\s*(?:and\s+)?`
/** A name may carry its affiliation: "Maciej Szulik (Defense Unicorns) and Janet Kuo (Google)". */
const NAME_WITH_ORG = String.raw`${NAME}(?:\s*[(（][^)）\n]{0,60}[)）])?`
const AND = String.raw`(?:\band\b|&|和|及|与|與)`
/**
 * Commas only join names in a real enumeration that ends with "and" ("A, B and C"): after a single
 * name a comma usually opens an apposition ("Verónica López, Technical Lead of SIG Release").
 */
const NAME_LIST = String.raw`${NAME_WITH_ORG}(?:(?:\s*[,，]\s*${NAME_WITH_ORG})*\s*[,，]?\s*${AND}\s*${NAME_WITH_ORG}|(?:\s*、\s*${NAME_WITH_ORG})+)?`

/** Verbs whose subject asks and whose object answers. */
const CONVERSE = String.raw`interviews?\s+with|interviews|interviewed|interview|interviewing|talks\s+(?:to|with)|talked\s+(?:to|with)|spoke\s+(?:to|with)|speaks\s+(?:to|with)|sits\s+down\s+with|sat\s+down\s+with|chats\s+with|chatted\s+with|conversation\s+with|asked|asks|采访了|采访|採訪了|採訪|访谈了|访问了|взяв\s+інтерв'ю\s+у|взяла\s+інтерв'ю\s+у`
/**
 * "… with X" in other languages: the object is the interviewee; the subject is often not a person
 * ("Die Redaktion im Gespräch mit …"), so only the object is read.
 */
const WITH_PHRASES = [
  // "Entrevista informal a X": one adjective may sit between the noun and its preposition.
  'entrevista \\p{Ll}+ (?:a|con|com)', 'im Gespräch mit', 'Gespräch mit', 'Interview mit', 'sprachen mit', 'spricht mit', 'entrevista con', 'entrevista com', 'entrevista a',
  'entrevistamos a', 'entrevistó a', 'hablamos con', 'charlamos con', 'conversamos con', 'conversamos com', 'conversa com', 'falamos com',
  'interview avec', 'entretien avec', 'rencontre avec', 'entrevue avec', 'intervista a', 'intervista con', 'abbiamo parlato con',
  'abbiamo intervistato', 'rozmowa z', 'wywiad z', 'rozmawiamy z', 'in gesprek met', 'gesprek met', 'interview met',
  // "Abbiamo rivolto qualche domanda a X": whoever the questions go to answers them.
  'domanda a', 'domande a', 'preguntas a', 'perguntas a', 'questions à',
  // "Today my guest is X": whoever hosts the guest asks.
  'our guest is', 'our guest today is', 'my guest is', 'my guest today is', "today's guest is", 'unser Gast ist', 'zu Gast ist',
  'notre invité est', 'notre invitée est', 'nuestro invitado es', 'nuestra invitada es', 'il nostro ospite è', 'nosso convidado é',
  'у меня в гостях', 'у нас в гостях', 'в гостях у нас', 'в гостях у меня', 'наш гость', 'у нас у гостях', 'наш гість',
]
  // Sentence-initial capitals: "Hablamos con…". The name pattern needs case, so the flag cannot be `i`.
  .map((phrase) => `[${phrase[0]?.toLowerCase()}${phrase[0]?.toUpperCase()}]${phrase.slice(1).replace(/ /g, String.raw`\s+`)}`)
  .join('|')
const ASKED_BY = new RegExp(String.raw`(?:[Ii]nterviewed|[Hh]osted|[Mm]oderated|[Cc]onducted|[Ii]nterviewt|[Ee]ntrevistad[oa]s?|[Ii]ntervistat[oa])\s+(?:by|von|por|da)\s+(${NAME})`, 'gu')
/** "Ines Duarte answered our questions": the subject answers. */
const ANSWERED = new RegExp(String.raw`(${NAME})\s+(?:answered|answers|replied|responded|antwortet|antwortete|respondió|responde|respondeu|répond|a\s+répondu|risponde|ha\s+risposto|ответил|ответила|відповів|відповіла)(?![\p{L}])`, 'gu')
const WITH = new RegExp(String.raw`(?:${WITH_PHRASES})(?![\p{L}])\s*(${NAME_LIST})`, 'gu')
/** A CJK personal name: two to four Han characters (a middle dot joins transliterated names). */
const CJK_NAME = String.raw`[\p{Script=Han}][\p{Script=Han}·・]{1,5}`
/** "采访了王芳", "专访张三": the interviewee follows the verb. */
const CJK_OBJECT = new RegExp(String.raw`(?:采访了|采访|採訪了|採訪|专访|專訪|访问了|訪問了|对话|對話)\s*(${CJK_NAME}|${NAME_LIST})`, 'gu')
/**
 * "山田花子さんにインタビュー", "김철수 님을 인터뷰", "Ömer Naci Soydemir ile mülakat": in Japanese, Korean
 * and Turkish the interviewee comes first.
 */
const OBJECT_FIRST_VERB = /(?:さん|氏|先生|様|님|씨)?\s*(?:に(?:インタビュー|お話を(?:伺|聞)|話を(?:伺|聞))|(?:을|를|과|와)\s*(?:인터뷰|만나)|\s+ile\s+(?:(?:yaptığımız|yapılan|gerçekleştirdiğimiz|gerçekleştirilen)\s+)?(?:bir\s+)?(?:[Mm]ülakat|[Rr]öportaj|[Ss]öyleşi|[Gg]örüşme|[Ss]ohbet))/gu
/** The name right before that verb, read backwards from it (a pattern tried at every position of a long intro is slow). */
const NAME_BEFORE = new RegExp(String.raw`([\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー・]{2,12}|${NAME}|[\p{Script=Hangul}]{2,4})\s*$`, 'u')
/**
 * The verb, not part of a longer word. The "no letter before" check is made on each match instead of
 * as a leading lookbehind, which the engine would evaluate at every position of the intro.
 */
const VERB = new RegExp(String.raw`(?:${CONVERSE})(?![\p{L}])`, 'gu')
const ENDS_IN_LETTER = /\p{L}$/u
const SUBJECT_BEFORE = new RegExp(String.raw`(${NAME})\s*(?:[(（][^)）]*[)）]\s*)?$`, 'u')
/** The object stays in the verb's paragraph: "…developer interview" ending a title is followed by other text. */
const OBJECT_AFTER = new RegExp(String.raw`^[ \t]*(?:the\s+[\p{L}-]+,?\s+)?(${NAME_LIST})`, 'u')
/** "与/與 X 的对话": Chinese puts the person between the preposition and the noun. */
const CJK_WITH = new RegExp(String.raw`[与與和跟]\s*(${NAME_LIST})\s*(?:的)?(?:对话|對話|访谈|訪談|交流)`, 'gu')

const SEPARATOR_PATTERN = new RegExp(SEPARATOR, 'u')

/** The verbs the patterns need: most intros have none, and then the name patterns never run. */
const HINT_WORDS = /интервью|бесед|поговорил|phỏng vấn|wawancara|مقابلة|حوار|مصاحبه|ראיון|साक्षात्कार|rozhovor|q&a|domand|pregunta|pergunta|questions à|guest|gast|invit|ospite|convidad|гост|гіст|nterview|talk|spoke|speaks|sits|sat|chat|conversation|asked|asks|采访|採訪|访谈|訪談|访问|訪問|专访|專訪|对话|對話|インタビュー|お話|話を|인터뷰|만나|інтерв|Gespräch|sprach|spricht|ntrevist|hablamos|charlamos|conversamos|conversa|falamos|entretien|rencontre|ntervist|abbiamo|rozmow|wywiad|gesprek|söyleşi|röportaj|mülakat|görüşme|answer|replied|responded|antwort|respond|répond|rispo|ответил|відповів|відповіла/i
/** Cheap tests that say whether the costlier pattern can match at all. */
const MAY_BE_ASKED_BY = /ed\s+by\s/
const MAY_BE_CJK_WITH = /对话|對話|访谈|訪談|交流/
const MAY_BE_WITH = /domand|pregunta|pergunta|questions à|guest|gast|invit|ospite|convidad|гост|гіст|gespräch|interview mit|sprachen mit|spricht mit|entrevist|hablamos|charlamos|conversamos|conversa com|falamos|interview avec|entretien|rencontre avec|entrevue|intervist|abbiamo|rozmow|wywiad|gesprek|interview met/i
const MAY_BE_ANSWERED = /answer|replied|responded|antwort|respond|répond|rispo|ответил|відповів|відповіла/i
const MAY_BE_CJK_OBJECT = /采访|採訪|专访|專訪|访问了|訪問了|对话|對話/
const MAY_BE_OBJECT_FIRST = /インタビュー|お話を|話を|인터뷰|만나|\sile\s/

/** The text says a conversation took place ("interview", "talked with", "采访", "asked by"…). */
export function mentionsConversation(text: string): boolean {
  return MAY_BE_ASKED_BY.test(text) || HINT_WORDS.test(text)
}

export function readRoleHints(introText: string): RoleHints {
  const interviewers = new Set<string>()
  const interviewees = new Set<string>()
  if (!mentionsConversation(introText)) return { interviewers: [], interviewees: [] }
  const askedBy = MAY_BE_ASKED_BY.test(introText)
  const addAll = (into: Set<string>, list: string | undefined): void => {
    for (const part of (list ?? '').split(SEPARATOR_PATTERN)) {
      const name = cleanName(part)
      if (isName(name)) into.add(name)
    }
  }
  if (askedBy) for (const m of allMatches(ASKED_BY, introText)) addAll(interviewers, m[1])
  // Anchored on the verb, then a bounded look either side: cheap on long intros.
  for (const m of allMatches(VERB, introText)) {
    if (ENDS_IN_LETTER.test(introText.slice(Math.max(0, m.index - 2), m.index))) continue // two units: one astral letter
    const before = introText.slice(Math.max(0, m.index - 80), m.index)
    addAll(interviewers, SUBJECT_BEFORE.exec(before)?.[1])
    addAll(interviewees, OBJECT_AFTER.exec(introText.slice(m.index + m[0].length, m.index + m[0].length + 240))?.[1])
  }
  if (MAY_BE_CJK_WITH.test(introText)) for (const m of allMatches(CJK_WITH, introText)) addAll(interviewees, m[1])
  // Each pattern runs only where its cheap test says it can match at all.
  if (MAY_BE_WITH.test(introText)) for (const m of allMatches(WITH, introText)) addAll(interviewees, m[1])
  if (MAY_BE_ANSWERED.test(introText)) for (const m of allMatches(ANSWERED, introText)) addAll(interviewees, m[1])
  if (MAY_BE_CJK_OBJECT.test(introText)) for (const m of allMatches(CJK_OBJECT, introText)) addAll(interviewees, m[1])
  if (MAY_BE_OBJECT_FIRST.test(introText)) {
    for (const m of allMatches(OBJECT_FIRST_VERB, introText)) {
      const name = NAME_BEFORE.exec(introText.slice(Math.max(0, m.index - 40), m.index))?.[1]
      if (name) addAll(interviewees, stripParticles(name))
    }
  }
  return { interviewers: [...interviewers], interviewees: [...interviewees] }
}

/**
 * The name pattern may swallow the sentence's full stop ("Interviewed by Arujjwal Negi.") and run on
 * into the next sentence ("Arpit Agrawal. The talk…"); a stop after an initial ("J.") stays.
 */
function cleanName(name: string): string {
  // Each clean-up runs only when its character is there: this runs for every name in every intro.
  let out = name
  if (out.includes('"') || out.includes('“')) out = out.replace(QUOTED_NICKNAME, '')
  if (out.includes('.')) out = out.replace(RUN_ON_SENTENCE, '$1')
  if (out.includes('(') || out.includes('（')) out = out.replace(TRAILING_BRACKETS, '')
  out = out.trim()
  return TRAILING_PUNCTUATION.test(out) ? out.replace(TRAILING_PUNCTUATION, '') : out
}

/** "今回は、山田花子": the lazy name pattern may start at a topic particle; the name follows the last one. */
function stripParticles(name: string): string {
  const parts = name.split(/[はがをもでと、。，]/u)
  return parts[parts.length - 1] ?? name
}

const RUN_ON_SENTENCE = /(\p{L}{2})\.\s.*$/su
const QUOTED_NICKNAME = new RegExp(String.raw`[ \t]*${NICKNAME}`, 'gu')
const TRAILING_BRACKETS = /\s*[(（][^)）]*[)）]\s*$/u
const TRAILING_PUNCTUATION = /[.'’-]+$/

/** Sentence-initial pronouns look like names to the pattern ("We talked with…"); they are not. */
const PRONOUNS = new Set(['A', 'An', 'I', 'We', 'You', 'They', 'He', 'She', 'It', 'This', 'That', 'Our', 'My', 'Here', 'Today', 'Recently', 'In', 'The'])
const firstWord = (name: string): string => {
  const space = name.indexOf(' ')
  return space === -1 ? name : name.slice(0, space)
}
const isName = (name: string): boolean => name.length > 0 && !PRONOUNS.has(firstWord(name))

/**
 * "Selamlar, ben Mert Kahyaoğlu.", "Hi, I'm Michael McCune, and…": the answerer names themself at the
 * start of the first answer. A full name (two to four capitalised words) that ends its clause, so
 * "Ich bin Senior Developer bei…" and "I am Product Manager at…" (job titles) are not names.
 */
export function selfIntroduction(answer: string): string | null {
  const name = SELF_INTRODUCTION.exec(answer.slice(0, SELF_INTRODUCTION_WINDOW))?.[1]
  return name && !PRONOUNS.has(firstWord(name)) ? name : null
}

/** The first answer's opening: a self-introduction comes in its first sentence or two. */
const SELF_INTRODUCTION_WINDOW = 200
const I_AM = [
  "I'm", 'I’m', 'I am', '[Mm]y name is', '[Ii]ch bin', '[Mm]ein Name ist', '[Jj]e suis', "[Jj]e m'appelle", '[Jj]e m’appelle', '[Ss]oy', '[Mm]e llamo',
  '[Ss]ono', '[Mm]i chiamo', '[Ee]u sou', '[Ss]ou', '[Mm]e chamo', 'ben', '[Aa]dım', '[Ii]k ben', '[Jj]estem', '[Nn]azywam się', '[Мм]еня зовут',
  '[Мм]ене звати', '[Яя]',
].join('|')
const FULL_NAME = String.raw`\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:${PARTICLE}[ \t]+)?\p{Lu}[\p{L}'’-]*){1,3}`
const SELF_INTRODUCTION = new RegExp(String.raw`(?:^|[\s,.!;:—])(?:${I_AM})[ \t]+(${FULL_NAME})(?=\s*(?:[,.!;(（—]|$)|\s+(?:and|und|et|e|y|ve|и|і)\s)`, 'u')

