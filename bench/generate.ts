/**
 * Synthetic interviews for the parse benchmark and the property tests.
 *
 * Everything is deterministic for a given seed (a small xorshift PRNG, no Math.random), so a bench run
 * or a failing property can be reproduced exactly. The generated text is shaped like a real Kubernetes
 * blog interview: YAML front matter, a byline, an intro that names both people, `##` sections, and
 * labelled turns (`**Name**: text` or `Name：text`) whose answers run over several paragraphs with
 * lists, links and some CJK. Continuation paragraphs are written so they can never be mistaken for a
 * label, a bold question or a heading, so the expected turns are known exactly.
 */

export interface GeneratedTurn {
  /** The label as written (without markup): the speaker's name. */
  speaker: string
  role: 'interviewer' | 'interviewee'
}

export interface GeneratedInterview {
  source: string
  turns: GeneratedTurn[]
  interviewer: string
  interviewee: string
  sections: number
}

export interface GenerateOptions {
  /** Number of labelled turns (alternating interviewer / interviewee, interviewer first). */
  turns: number
  /** Number of `##` sections the turns are spread over (at least 1 when turns > 0). */
  sections?: number
  seed?: number
  /** `bold` → `**Name**: text`, `plain` → `Name: text`, `cjk` → `Name：text` with CJK prose. */
  labelStyle?: 'bold' | 'plain' | 'cjk'
  interviewer?: string
  interviewee?: string
  /** Maximum extra paragraphs per answer (default 3). */
  maxParagraphs?: number
}

/** xorshift32: tiny, fast, deterministic. */
export function createRng(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9
  return () => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x / 0x100000000
  }
}

const WORDS = [
  'cluster', 'controller', 'provider', 'node', 'community', 'release', 'upstream', 'testing', 'review',
  'contributors', 'maintainers', 'meeting', 'roadmap', 'migration', 'framework', 'interface', 'project',
  'the', 'a', 'we', 'and', 'with', 'for', 'on', 'in', 'it', 'that', 'is', 'was', 'really', 'often', 'also',
]
const CJK_WORDS = ['集群', '控制器', '云提供商', '社区', '版本', '维护者', '会议', '迁移', '框架', '项目', '我们', '非常', '也']
const TOPICS = ['Introduction', 'Getting started', 'Day to day work', 'Subprojects', 'Challenges', 'Contributing', 'The future', '功能和工作', '重要的子项目', 'Wrap-up']

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T
}

function sentence(rng: () => number, cjk: boolean): string {
  const n = 6 + Math.floor(rng() * 12)
  const parts: string[] = []
  for (let i = 0; i < n; i++) {
    if (cjk && rng() < 0.5) parts.push(pick(rng, CJK_WORDS))
    else parts.push(pick(rng, WORDS))
  }
  // Sometimes a link or inline code, never at the start of the sentence (a label could hide there).
  if (rng() < 0.2) parts.splice(1 + Math.floor(rng() * (parts.length - 1)), 0, `[${pick(rng, WORDS)} docs](https://kubernetes.io/docs/${pick(rng, WORDS)}/)`)
  if (rng() < 0.1) parts.splice(1, 0, '`kubectl get nodes`')
  const text = cjk ? parts.join('') : parts.join(' ')
  // Start with a lowercase word wrapped in "So, " so a continuation paragraph never looks like `Name:`.
  return cjk ? `${text}。` : `So, ${text}.`
}

function paragraph(rng: () => number, cjk: boolean): string {
  const n = 1 + Math.floor(rng() * 3)
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(sentence(rng, cjk))
  return out.join(cjk ? '' : ' ')
}

function list(rng: () => number, cjk: boolean): string {
  const n = 2 + Math.floor(rng() * 3)
  const ordered = rng() < 0.3
  const items: string[] = []
  for (let i = 0; i < n; i++) items.push(`${ordered ? `${i + 1}.` : '-'} ${sentence(rng, cjk)}`)
  return items.join('\n')
}

function question(rng: () => number, cjk: boolean): string {
  const base = paragraph(rng, cjk).replace(/[.。]$/u, '')
  return cjk ? `${base}？` : `${base}?`
}

function label(style: 'bold' | 'plain' | 'cjk', name: string): string {
  if (style === 'bold') return `**${name}**: `
  if (style === 'plain') return `${name}: `
  return `${name}：`
}

export function generateInterview(options: GenerateOptions): GeneratedInterview {
  const rng = createRng(options.seed ?? 1)
  const style = options.labelStyle ?? 'bold'
  const interviewer = options.interviewer ?? 'Arujjwal'
  const interviewee = options.interviewee ?? 'Michael'
  const turnCount = Math.max(0, options.turns)
  const sectionCount = turnCount === 0 ? 0 : Math.max(1, Math.min(options.sections ?? 20, turnCount))
  const maxParagraphs = options.maxParagraphs ?? 3
  const cjk = style === 'cjk'

  const out: string[] = []
  out.push(
    '---',
    `title: "Spotlight on a synthetic SIG (${turnCount} turns)"`,
    'description: Generated for the Parley benchmark',
    'date: 2024-03-02T16:30:31+08:00',
    'tags: ["Kubernetes", "bench"]',
    `author: ${interviewer} Negi`,
    '---',
    '',
    `**Author**: ${interviewer} Negi`,
    '',
    `In this Spotlight, ${interviewer} Negi talks with ${interviewee} McCune about the SIG and its work. ${paragraph(rng, cjk)}`,
    '',
  )

  const turns: GeneratedTurn[] = []
  // Section s starts at turn floor(s * turns / sections): exactly `sectionCount` non-empty sections.
  const sectionStarts = new Set<number>()
  for (let s = 0; s < sectionCount; s++) sectionStarts.add(Math.floor((s * turnCount) / sectionCount))
  let sectionIndex = 0
  for (let t = 0; t < turnCount; t++) {
    if (sectionStarts.has(t)) {
      out.push(`## ${pick(rng, TOPICS)} ${++sectionIndex}`, '')
    }
    const asking = t % 2 === 0
    const name = asking ? interviewer : interviewee
    turns.push({ speaker: name, role: asking ? 'interviewer' : 'interviewee' })
    if (asking) {
      out.push(`${label(style, name)}${question(rng, cjk)}`, '')
      continue
    }
    out.push(`${label(style, name)}${paragraph(rng, cjk)}`, '')
    const extra = Math.floor(rng() * (maxParagraphs + 1))
    for (let p = 0; p < extra; p++) {
      out.push(rng() < 0.25 ? list(rng, cjk) : paragraph(rng, cjk), '')
    }
  }
  return { source: out.join('\n'), turns, interviewer, interviewee, sections: sectionCount }
}

/** English-like words of a long turn, deterministic, with no 200-character passage repeated. */
export function prose(chars: number, seed: number): string {
  const rng = createRng(seed)
  const words = ['cluster', 'provider', 'node', 'controller', 'migration', 'release', 'review', 'upstream', 'testing', 'the', 'we', 'and']
  let out = ''
  while (out.length < chars) out += `${words[Math.floor(rng() * words.length)]}${rng() < 0.1 ? '. ' : ' '}`
  return out.slice(0, chars)
}

/** `text` with every 20th character of [at, at + length) changed: a passage edited since it was quoted. */
export function withTypos(text: string, at: number, length: number): string {
  const edited = [...text.slice(at, at + length)].map((c, i) => (i % 20 === 5 ? (c === 'x' ? 'y' : 'x') : c)).join('')
  return text.slice(0, at) + edited + text.slice(at + length)
}
