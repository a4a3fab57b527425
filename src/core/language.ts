/**
 * The language of Latin-script prose that declares none, from its most frequent small words. Each list
 * holds words common in one language and rare in the others (`de`, `en`, `die` are left out: they
 * belong to several), so counting them is enough to tell a French interview from an English one.
 */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'that', 'with', 'you', 'are', 'this', 'have', 'what', 'we', 'it', 'they', 'about'],
  fr: ['le', 'les', 'des', 'est', 'et', 'une', 'pour', 'pas', 'dans', 'avec', 'nous', 'vous', 'sur', 'qui', 'au'],
  es: ['el', 'los', 'las', 'del', 'cuando', 'sus', 'y', 'pero', 'más', 'muy', 'también', 'yo', 'hay', 'pues', 'ese'],
  de: ['der', 'das', 'und', 'ist', 'nicht', 'ich', 'mit', 'ein', 'eine', 'auch', 'wir', 'sie', 'zu', 'sind', 'wie'],
  it: ['di', 'che', 'non', 'gli', 'della', 'sono', 'anche', 'è', 'ho', 'questo', 'molto', 'nel', 'ci', 'alla', 'dei'],
  pt: ['os', 'dos', 'uma', 'não', 'com', 'é', 'em', 'mas', 'você', 'muito', 'também', 'eu', 'ao', 'isso'],
  nl: ['het', 'een', 'niet', 'dat', 'ik', 'je', 'op', 'voor', 'zijn', 'ook', 'wat', 'maar', 'wij', 'naar', 'bij'],
  sv: ['och', 'att', 'det', 'är', 'som', 'på', 'för', 'jag', 'med', 'inte', 'har', 'av', 'vi', 'också', 'där'],
  pl: ['się', 'nie', 'że', 'jest', 'jak', 'tak', 'czy', 'jestem', 'już', 'bardzo', 'w', 'z', 'ale', 'od', 'są'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'çok', 'ben', 'gibi', 'olarak', 'daha', 'ama', 'sonra', 'kadar', 'olan', 'değil'],
  id: ['yang', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'saya', 'kami', 'dari', 'akan', 'juga', 'bisa', 'kita', 'sudah', 'karena'],
}

const LANGUAGE_OF = new Map<string, string>()
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) for (const word of words) LANGUAGE_OF.set(word, lang)

/** Vietnamese is told by its letters: no other language here writes them. */
const VIETNAMESE = /[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu

/** Enough words to judge, and a clear lead over the runner-up: otherwise the text is taken as English. */
const MIN_HITS = 8
const MIN_LEAD = 1.5
const SAMPLE_WORDS = 600

export function latinLanguage(sample: string): string {
  if (VIETNAMESE.test(sample)) return 'vi'
  const hits = new Map<string, number>()
  let seen = 0
  for (const match of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    const lang = LANGUAGE_OF.get(match[0])
    if (lang) hits.set(lang, (hits.get(lang) ?? 0) + 1)
    if (++seen >= SAMPLE_WORDS) break
  }
  const [first, second] = [...hits].sort((a, b) => b[1] - a[1])
  if (!first || first[1] < MIN_HITS || (second && first[1] < second[1] * MIN_LEAD)) return 'en'
  return first[0]
}
