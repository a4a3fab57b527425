import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { conversation, parseOk, turnsOf } from './helpers'

const file = 'sig-cloud-provider-spotlight-2024.zh-cn.md'
const seed = readFileSync(new URL(`../../content/${file}`, import.meta.url), 'utf8')

describe('the seed article (zh-CN Spotlight on SIG Cloud Provider)', () => {
  const interview = parseOk(seed, file)

  it('reads the front matter', () => {
    expect(interview.slug).toBe('sig-cloud-provider-spotlight-2024')
    expect(interview.lang).toBe('zh-cn')
    expect(interview.meta.title).toBe('聚焦 SIG 云提供商')
    expect(interview.meta.date).toBe('2024-03-02T16:30:31+08:00')
    expect(interview.meta.tags).toEqual(['Kubernetes', 'Kubernetes blog'])
    expect(interview.meta.authors).toEqual(['Arujjwal Negi'])
    expect(interview.meta.translators).toEqual(['Rui Yang'])
  })

  it('has three sections with CJK ids and the byline and intro as narration', () => {
    const titled = interview.sections.filter((s) => s.title !== null)
    expect(titled.map((s) => [s.id, s.title])).toEqual([
      ['导言', '导言'],
      ['功能和工作', '功能和工作'],
      ['重要的子项目', '重要的子项目'],
    ])
    const intro = interview.sections[0]
    expect(intro?.title).toBeNull()
    expect(intro?.blocks.every((b) => b.kind === 'narration')).toBe(true)
    expect(intro?.blocks.map((b) => b.text).join('\n')).toContain('作者：Arujjwal Negi')
  })

  it('has eight alternating turns between Arujjwal (interviewer) and Michael (interviewee)', () => {
    expect(interview.speakers.map((s) => [s.name, s.role, s.turnCount])).toEqual([
      ['Arujjwal', 'interviewer', 4],
      ['Michael', 'interviewee', 4],
    ])
    expect(conversation(interview, 1).map(([name]) => name)).toEqual(['Arujjwal', 'Michael', 'Arujjwal', 'Michael', 'Arujjwal', 'Michael', 'Arujjwal', 'Michael'])
    const turns = turnsOf(interview)
    expect(turns.map((t) => t.id)).toEqual(['turn-1', 'turn-2', 'turn-3', 'turn-4', 'turn-5', 'turn-6', 'turn-7', 'turn-8'])
    expect(turns[0]?.text.startsWith('让我们从了解你开始')).toBe(true)
    expect(turns[7]?.text.startsWith('我认为当今两个最重要的子项目')).toBe(true)
    expect(turns.map((t) => t.sectionId)).toEqual(['导言', '导言', '功能和工作', '功能和工作', '功能和工作', '功能和工作', '重要的子项目', '重要的子项目'])
  })

  it('keeps source lines and renders links safely without the label', () => {
    const turns = turnsOf(interview)
    expect(turns[0]?.lines).toEqual({ start: 22, end: 22 })
    expect(turns[4]?.lines).toEqual({ start: 31, end: 32 })
    expect(turns[7]?.html).toContain('<a href="https://kaslin.rocks/out-of-tree/" rel="noopener noreferrer">文章</a>')
    expect(turns.some((t) => t.html.includes('Arujjwal：') || t.html.includes('Michael：'))).toBe(false)
  })
})
