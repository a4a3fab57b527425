/**
 * Labels that name a role instead of a person: `Q`/`A`, `问`/`答`, `P`/`R`, `Frage`/`Antwort`.
 * Words are unambiguous in any language; single letters are not (`В` asks in Russian, where it is
 * вопрос, and answers in Ukrainian, where it is відповідь). A letter is read as a role only beside its
 * counterpart, and where two readings are possible the article's language decides.
 */
import { labelKey } from './labels'
import type { Role } from './types'

const ROLE_WORDS = new Map<string, Role>([
  ...['question', 'questions', 'frage', 'pregunta', 'pergunta', 'domanda', 'vraag', 'pytanie', 'вопрос', 'питання', '问', '問', '质问', '質問', '提问', '질문', 'soru', 'câu hỏi', 'pertanyaan', 'interviewer', 'entrevistador', 'entrevistadora', 'intervieweur', 'intervistatore'].map(
    (w): [string, Role] => [w, 'interviewer'],
  ),
  ...['answer', 'answers', 'réponse', 'antwort', 'respuesta', 'resposta', 'risposta', 'antwoord', 'odpowiedź', 'ответ', 'відповідь', '答', '回答', '답', '답변', 'cevap', 'trả lời', 'jawaban', 'interviewee', 'entrevistado', 'entrevistada', 'intervistato', 'intervistata'].map(
    (w): [string, Role] => [w, 'interviewee'],
  ),
])

/** Question and answer letters that belong together, with the languages that write them so. */
const LETTER_PAIRS: { ask: string; answer: string; langs: string[] }[] = [
  { ask: 'q', answer: 'a', langs: [] },
  { ask: 'q', answer: 'r', langs: ['fr'] },
  { ask: 'p', answer: 'r', langs: ['es', 'pt', 'ca'] },
  { ask: 'd', answer: 'r', langs: ['it'] },
  { ask: 'f', answer: 'a', langs: ['de'] },
  { ask: 'v', answer: 'a', langs: ['nl'] },
  { ask: 'p', answer: 'o', langs: ['pl'] },
  { ask: 'в', answer: 'о', langs: ['ru', 'bg'] },
  { ask: 'п', answer: 'в', langs: ['uk'] },
  { ask: 'п', answer: 'о', langs: ['sr'] },
]

export interface RoleReader {
  /** The role a label stands for in this article, or null when it names a person. */
  roleOf(name: string): Role | null
}

/** Decide the role letters once per article, from the labels it uses and its language. */
export function createRoleReader(lang: string, labels: Iterable<string>): RoleReader {
  const seen = new Set<string>()
  for (const name of labels) seen.add(labelKey(name))
  const base = lang.toLowerCase().split('-')[0] ?? ''
  const letters = new Map<string, Role>()
  const present = LETTER_PAIRS.filter((pair) => seen.has(pair.ask) && seen.has(pair.answer))
  // The article's own language first, then pairs no language claims, then the rest.
  const ordered = [...present.filter((p) => p.langs.includes(base)), ...present.filter((p) => p.langs.length === 0), ...present]
  for (const pair of ordered) {
    if (letters.has(pair.ask) || letters.has(pair.answer)) continue
    letters.set(pair.ask, 'interviewer')
    letters.set(pair.answer, 'interviewee')
  }
  return { roleOf: (name) => letters.get(labelKey(name)) ?? ROLE_WORDS.get(labelKey(name)) ?? null }
}
