/**
 * The real-article corpus kept in the project (tests/corpus, other publishers than the Kubernetes
 * blog, several languages): the parser must meet the targets of issue 12 on it (turn F1 0.97,
 * section F1 0.98, role accuracy 0.95) and never invent a conversation in an article that is not an
 * interview. `npm run eval -- tests/corpus` prints the same figures per file.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evaluateCorpus } from '../../src/cli/evaluate'

describe('tests/corpus (real articles)', () => {
  // Parses the whole corpus: seconds on a loaded two-core machine.
  it('invents no turn in a non-interview and keeps its scores', { timeout: 60_000 }, async () => {
    const result = await evaluateCorpus(join(import.meta.dirname, '../corpus'))
    expect(result.files.length).toBeGreaterThanOrEqual(12)
    expect(result.parseErrors).toBe(0)
    expect(result.nonInterviews).toBeGreaterThanOrEqual(4)
    expect(result.invented).toBe(0)
    expect(result.turnF1).toBeGreaterThanOrEqual(0.97)
    expect(result.sectionF1).toBeGreaterThanOrEqual(0.98)
    expect(result.roleAccuracy).toBeGreaterThanOrEqual(0.95)
  })
})
