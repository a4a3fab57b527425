import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseInterview } from '../core/parse'
import { scoreInterview, type Score, type Truth } from './score'

/** `npm run eval -- DIR`: parse DIR/raw/*.md, compare with DIR/truth/*.json, print per-file and overall scores. */
async function main(dir: string | undefined): Promise<number> {
  if (!dir) {
    process.stderr.write('usage: npm run eval -- DIR   (DIR holds raw/*.md and truth/*.json)\n')
    return 2
  }
  const files = (await readdir(join(dir, 'raw'))).filter((f) => f.endsWith('.md')).sort()
  const total = { turnsTruth: 0, turnsPredicted: 0, turnsMatched: 0, sectionsTruth: 0, sectionsPredicted: 0, sectionsMatched: 0, roles: 0, rolesCorrect: 0, nonInterviews: 0, invented: 0 }
  const rows: string[] = []
  let failures = 0
  for (const file of files) {
    const truthPath = join(dir, 'truth', file.replace(/\.md$/, '.json'))
    let truth: Truth
    try {
      truth = JSON.parse(await readFile(truthPath, 'utf8')) as Truth
    } catch {
      rows.push(`${file}: no readable truth at ${truthPath}, skipped`)
      continue
    }
    const result = parseInterview(await readFile(join(dir, 'raw', file), 'utf8'), { file })
    if (!result.ok) {
      failures++
      rows.push(`${file}: PARSE ERROR ${result.error.line ?? ''} ${result.error.message}`)
      total.turnsTruth += truth.sections.reduce((n, s) => n + s.turns.length, 0)
      total.sectionsTruth += truth.sections.length
      continue
    }
    const score: Score = scoreInterview(result.interview, truth)
    total.turnsTruth += score.turns.truth
    total.turnsPredicted += score.turns.predicted
    total.turnsMatched += score.turns.matched
    total.sectionsTruth += score.sections.truth
    total.sectionsPredicted += score.sections.predicted
    total.sectionsMatched += score.sections.matched
    total.roles += score.roles.truth
    total.rolesCorrect += score.roles.correct
    if (score.turns.truth === 0) {
      // Not an interview: every turn found is invented.
      total.nonInterviews++
      total.invented += score.turns.predicted
      rows.push(`${file.padEnd(44)} not an interview: ${score.turns.predicted} turns invented  section F1 ${score.sections.f1.toFixed(3)}`)
      continue
    }
    rows.push(
      `${file.padEnd(44)} turn F1 ${score.turns.f1.toFixed(3)} (${score.turns.matched}/${score.turns.truth} truth, ${score.turns.predicted} found)` +
        `  section F1 ${score.sections.f1.toFixed(3)}  roles ${score.roles.accuracy.toFixed(3)}`,
    )
  }
  const f1 = (m: number, a: number, b: number): string => (a + b === 0 ? 1 : (2 * m) / (a + b)).toFixed(3)
  process.stdout.write(`${rows.join('\n')}\n`)
  process.stdout.write(
    `OVERALL (${files.length} files): turn F1 ${f1(total.turnsMatched, total.turnsTruth, total.turnsPredicted)}` +
      `  section F1 ${f1(total.sectionsMatched, total.sectionsTruth, total.sectionsPredicted)}` +
      `  role accuracy ${(total.roles ? total.rolesCorrect / total.roles : 1).toFixed(3)}` +
      `  invented turns ${total.invented} (${total.nonInterviews} non-interviews)\n`,
  )
  return failures > 0 ? 1 : 0
}

process.exitCode = await main(process.argv[2])
