import { describe, expect, it } from 'vitest'
import { exportFile, toJson, toMarkdown, viewOf } from '../../src/core/export'
import { parseInterview } from '../../src/core/parse'
import { makeInterview } from '../components/fixture'
import type { Interview, Turn } from '../../src/core/types'

const everyone = (): boolean => true
const onlyMichael = (t: Turn): boolean => t.speaker === 'michael'

describe('export', () => {
  it('drops hidden turns, keeps narration and narrows the speakers', () => {
    const view = viewOf(makeInterview(), onlyMichael)
    const turns = view.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'turn')
    expect(turns.map((t) => t.id)).toEqual(['turn-2', 'turn-4', 'turn-6', 'turn-8'])
    expect(view.sections[0]!.blocks[0]!.kind).toBe('narration')
    expect(view.speakers.map((s) => s.id)).toEqual(['michael'])
  })

  it('writes Markdown with front matter, section headings and labelled turns', () => {
    const md = toMarkdown(makeInterview(), onlyMichael)
    expect(md).toBe([
      '---', 'title: "聚焦 SIG 云提供商"', 'date: "2024-03-02T16:30:31+08:00"', 'lang: "zh-cn"', '---', '',
      '# 聚焦 SIG 云提供商', '', '> Spotlight on SIG Cloud Provider', '', '作者：Arujjwal Negi', '',
      '## 导言', '', '**Michael**: 答一', '',
      '## 功能和工作', '', '**Michael**: 答二', '', '**Michael**: 答三', '',
      '## 重要的子项目', '', '**Michael**: 答四', '',
    ].join('\n'))
  })

  it('Markdown export parses back into the same conversation', () => {
    const original = makeInterview()
    const result = parseInterview(toMarkdown(original, everyone), { file: 'roundtrip.md' })
    expect(result.ok).toBe(true)
    const iv = (result as { ok: true; interview: Interview }).interview
    const turns = iv.sections.flatMap((s) => s.blocks).filter((b): b is Turn => b.kind === 'turn')
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ['arujjwal', '问一'], ['michael', '答一'], ['arujjwal', '问二'], ['michael', '答二'],
      ['arujjwal', '问三'], ['michael', '答三'], ['arujjwal', '问四'], ['michael', '答四'],
    ])
    expect(iv.sections.map((s) => s.title)).toEqual([null, '导言', '功能和工作', '重要的子项目'])
  })

  it('JSON is the parser model of the view, and file names follow the slug', () => {
    const json = JSON.parse(toJson(makeInterview(), onlyMichael)) as Interview
    expect(json).toEqual(viewOf(makeInterview(), onlyMichael))
    expect(exportFile(makeInterview(), everyone, 'markdown')).toMatchObject({ name: 'seed.md', type: 'text/markdown;charset=utf-8' })
    expect(exportFile(makeInterview(), everyone, 'json')).toMatchObject({ name: 'seed.json', type: 'application/json' })
  })
})
