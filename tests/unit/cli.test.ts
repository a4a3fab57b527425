import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url).pathname
const run = (script: string, args: string[]): ReturnType<typeof spawnSync> =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli', script), ...args], { cwd: root, encoding: 'utf8' })

// Each test starts Node with tsx compiling the CLI: seconds on a loaded two-core machine.
describe('parse CLI', { timeout: 60_000 }, () => {
  it('prints one JSON object per file, keeps going after a bad file, and exits non-zero', () => {
    const result = run('parse.ts', ['tests/fixtures/two-speakers.md', 'tests/fixtures/broken-front-matter.md', 'tests/fixtures/two-speakers.md'])
    const lines = String(result.stdout).trim().split('\n')
    expect(lines).toHaveLength(2)
    const first = JSON.parse(lines[0] ?? '{}')
    expect(first).toMatchObject({
      file: 'two-speakers.md',
      title: 'A short talk',
      lang: 'en',
      speakers: [
        { name: 'Ada', role: 'interviewer' },
        { name: 'Grace', role: 'interviewee' },
      ],
    })
    expect(first.sections.map((s: { id: string; title: string }) => [s.id, s.title])).toEqual([
      ['start', 'Start'],
      ['end', 'End'],
    ])
    expect(first.sections[0].turns[0]).toMatchObject({ id: 'turn-1', speaker: 'Ada', role: 'interviewer', text: 'Why interviews?' })
    expect(String(result.stderr)).toContain('tests/fixtures/broken-front-matter.md:3: malformed YAML front matter')
    expect(result.status).toBe(1)
  })

  it('reports a missing file by name', () => {
    const result = run('parse.ts', ['tests/fixtures/does-not-exist.md'])
    expect(String(result.stderr)).toContain('does-not-exist.md: cannot read file: ENOENT')
    expect(result.status).toBe(1)
  })
})

describe('eval CLI', { timeout: 60_000 }, () => {
  it('scores a folder of articles against hand-checked answers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-eval-'))
    const raw = join(dir, 'raw')
    const truth = join(dir, 'truth')
    spawnSync('mkdir', ['-p', raw, truth])
    writeFileSync(join(raw, 'a.md'), '## One\n\n**Ada**: Why?\n\n**Grace**: Because.\n\n**Ada**: Sure?\n\n**Grace**: Yes.\n')
    writeFileSync(
      join(truth, 'a.json'),
      JSON.stringify({
        file: 'a.md',
        speakers: [
          { name: 'Ada', role: 'interviewer' },
          { name: 'Grace', role: 'interviewee' },
        ],
        sections: [{ title: 'One', turns: [{ speaker: 'Ada', starts: 'Why?' }, { speaker: 'Grace', starts: 'Because.' }, { speaker: 'Grace', starts: 'Not there' }] }],
      }),
    )
    const result = run('eval.ts', [dir])
    expect(result.status).toBe(0)
    // 2 of the 3 truth turns are among the 4 found: F1 = 2·2 / (3 + 4).
    expect(String(result.stdout)).toContain('turn F1 0.571 (2/3 truth, 4 found)')
    expect(String(result.stdout)).toMatch(/OVERALL \(1 files\): turn F1 0\.571 {2}section F1 1\.000 {2}role accuracy 0\.667/)
  })
})
