import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseInterview } from '../core/parse'
import { readToml } from '../core/toml'
import { scoreInterview, type Score, type Truth } from './score'

export interface FileResult {
  file: string
  /** Null when the truth is missing or the parse failed (`problem` says which). */
  score: Score | null
  problem: string | null
}

export interface CorpusScore {
  files: FileResult[]
  turnF1: number
  sectionF1: number
  roleAccuracy: number
  /** Turns found in articles whose truth has none (non-interviews). */
  invented: number
  nonInterviews: number
  parseErrors: number
}

const f1 = (matched: number, truth: number, predicted: number): number => (truth + predicted === 0 ? 1 : (2 * matched) / (truth + predicted))

/** Parse `dir/raw/*.md` and score each against `dir/truth/*.json`, file by file and overall. */
export async function evaluateCorpus(dir: string): Promise<CorpusScore> {
  const names = (await readdir(join(dir, 'raw'))).filter((f) => f.endsWith('.md')).sort()
  const t = { turnsTruth: 0, turnsPredicted: 0, turnsMatched: 0, sectionsTruth: 0, sectionsPredicted: 0, sectionsMatched: 0, roles: 0, rolesCorrect: 0 }
  const out: CorpusScore = { files: [], turnF1: 0, sectionF1: 0, roleAccuracy: 0, invented: 0, nonInterviews: 0, parseErrors: 0 }
  for (const file of names) {
    const truthPath = join(dir, 'truth', file.replace(/\.md$/, '.json'))
    let truth: Truth
    try {
      truth = JSON.parse(await readFile(truthPath, 'utf8')) as Truth
    } catch {
      out.files.push({ file, score: null, problem: `no readable truth at ${truthPath}, skipped` })
      continue
    }
    const result = parseInterview(await readFile(join(dir, 'raw', file), 'utf8'), { file, readToml })
    if (!result.ok) {
      out.parseErrors++
      out.files.push({ file, score: null, problem: `PARSE ERROR ${result.error.line ?? ''} ${result.error.message}` })
      t.turnsTruth += truth.sections.reduce((n, s) => n + s.turns.length, 0)
      t.sectionsTruth += truth.sections.length
      continue
    }
    const score = scoreInterview(result.interview, truth)
    out.files.push({ file, score, problem: null })
    t.turnsTruth += score.turns.truth
    t.turnsPredicted += score.turns.predicted
    t.turnsMatched += score.turns.matched
    t.sectionsTruth += score.sections.truth
    t.sectionsPredicted += score.sections.predicted
    t.sectionsMatched += score.sections.matched
    t.roles += score.roles.truth
    t.rolesCorrect += score.roles.correct
    if (score.turns.truth === 0) {
      out.nonInterviews++
      out.invented += score.turns.predicted
    }
  }
  out.turnF1 = f1(t.turnsMatched, t.turnsTruth, t.turnsPredicted)
  out.sectionF1 = f1(t.sectionsMatched, t.sectionsTruth, t.sectionsPredicted)
  out.roleAccuracy = t.roles ? t.rolesCorrect / t.roles : 1
  return out
}
