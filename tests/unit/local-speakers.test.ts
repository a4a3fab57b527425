import { describe, expect, it } from 'vitest'
import { parseInterview } from '../../src/core/parse'
import type { Interview } from '../../src/core/types'
import { candidatesFor, declarationsFrom } from '../../src/local/speaker-choice'
import { withSpeakersBlock } from '../../src/local/speakers-block'

const speakers = [
  { name: 'Ada', role: 'interviewer' as const, aliases: ['Ada Lovelace'] },
  { name: 'Grace', role: 'interviewee' as const, aliases: [] },
]

function rewrite(source: string): string {
  const result = withSpeakersBlock(source, speakers)
  if (!result.ok) throw new Error(result.message)
  return result.source
}

describe('withSpeakersBlock', () => {
  it('adds front matter when there is none, and the parser then obeys it', () => {
    const out = rewrite('Ada: Why?\n\nGrace: Because.\n')
    expect(out).toBe(
      '---\nparley:\n  speakers:\n    - name: Ada\n      role: interviewer\n      aliases:\n        - Ada Lovelace\n    - name: Grace\n      role: interviewee\n---\nAda: Why?\n\nGrace: Because.\n',
    )
    const parsed = parseInterview(out)
    expect(parsed.ok && parsed.interview.speakers.map((s) => [s.name, s.role])).toEqual([['Ada', 'interviewer'], ['Grace', 'interviewee']])
  })

  it('replaces an earlier block and keeps every other key, comment and the body', () => {
    const source = '---\n# kept comment\ntitle: "T"\nparley:\n  speakers: [Old]\n  other: 1\ntags: [a]\n---\n\nbody --- text\n\n---\n'
    const out = rewrite(source)
    expect(out).toContain('# kept comment\ntitle: "T"\n')
    expect(out).toContain('  other: 1\n')
    expect(out).toContain('tags: [ a ]')
    expect(out).not.toContain('Old')
    expect(out.endsWith('---\n\nbody --- text\n\n---\n')).toBe(true)
    const parsed = parseInterview(out)
    expect(parsed.ok && parsed.interview.meta.title).toBe('T')
  })

  it('handles CRLF, a BOM and a parley key that was not a mapping', () => {
    const out = rewrite('\uFEFF---\r\ntitle: x\r\nparley: yes\r\n---\r\nAda: hi\r\n')
    expect(out.startsWith('---\ntitle: x\nparley:\n  speakers:')).toBe(true)
    expect(out.endsWith('---\nAda: hi\n')).toBe(true)
  })

  it('reports malformed or unclosed front matter with a file line instead of guessing', () => {
    expect(withSpeakersBlock('---\ntitle: a\ntags: [x\n---\nbody', speakers)).toMatchObject({ ok: false, line: expect.any(Number) })
    expect(withSpeakersBlock('---\ntitle: a\n', speakers)).toMatchObject({ ok: false, line: 1 })
    expect(withSpeakersBlock('---\n- a list\n---\n', speakers)).toMatchObject({ ok: false, line: 2 })
  })
})

describe('Fix speakers candidates', () => {
  const interview = {
    speakers: [{ id: 'ada', name: 'Ada', aliases: ['Ada', 'Ada Lovelace'], role: 'interviewer', turnCount: 2, inferred: false }],
    rejectedLabels: ['Note', 'ada lovelace', 'Grace'],
  } as unknown as Interview

  it('lists accepted speakers first, then rejected labels once, not re-listing aliases', () => {
    expect(candidatesFor(interview)).toEqual([
      { name: 'Ada', aliases: ['Ada Lovelace'], isSpeaker: true, role: 'interviewer' },
      { name: 'Note', aliases: [], isSpeaker: false, role: 'interviewee' },
      { name: 'Grace', aliases: [], isSpeaker: false, role: 'interviewee' },
    ])
  })

  it('declares only the rows marked as speakers', () => {
    const rows = candidatesFor(interview)
    rows[2]!.isSpeaker = true
    expect(declarationsFrom(rows)).toEqual([
      { name: 'Ada', role: 'interviewer', aliases: ['Ada Lovelace'] },
      { name: 'Grace', role: 'interviewee', aliases: [] },
    ])
  })
})
