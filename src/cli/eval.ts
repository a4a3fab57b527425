import { evaluateCorpus } from './evaluate'

/** `npm run eval -- DIR`: parse DIR/raw/*.md, compare with DIR/truth/*.json, print per-file and overall scores. */
async function main(dir: string | undefined): Promise<number> {
  if (!dir) {
    process.stderr.write('usage: npm run eval -- DIR   (DIR holds raw/*.md and truth/*.json)\n')
    return 2
  }
  const result = await evaluateCorpus(dir)
  const rows = result.files.map(({ file, score, problem }) => {
    if (!score) return `${file}: ${problem}`
    if (score.turns.truth === 0) return `${file.padEnd(44)} not an interview: ${score.turns.predicted} turns invented  section F1 ${score.sections.f1.toFixed(3)}`
    return (
      `${file.padEnd(44)} turn F1 ${score.turns.f1.toFixed(3)} (${score.turns.matched}/${score.turns.truth} truth, ${score.turns.predicted} found)` +
      `  section F1 ${score.sections.f1.toFixed(3)}  roles ${score.roles.accuracy.toFixed(3)}`
    )
  })
  process.stdout.write(`${rows.join('\n')}\n`)
  process.stdout.write(
    `OVERALL (${result.files.length} files): turn F1 ${result.turnF1.toFixed(3)}  section F1 ${result.sectionF1.toFixed(3)}` +
      `  role accuracy ${result.roleAccuracy.toFixed(3)}  invented turns ${result.invented} (${result.nonInterviews} non-interviews)\n`,
  )
  return result.parseErrors > 0 ? 1 : 0
}

process.exitCode = await main(process.argv[2])
