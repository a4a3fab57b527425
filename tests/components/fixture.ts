import type { Block, Interview, Role, Turn } from '../../src/core/types'

let line = 20
function turn(n: number, speaker: 'arujjwal' | 'michael', sectionId: string, text: string): Turn {
  const role: Role = speaker === 'arujjwal' ? 'interviewer' : 'interviewee'
  line += 2
  return {
    kind: 'turn', id: `turn-${n}`, speaker, role, label: speaker === 'arujjwal' ? 'Arujjwal' : 'Michael',
    sectionId, lines: { start: line, end: line }, html: `<p>${text}</p>`, text,
  }
}

/** A hand-made stand-in for the parsed seed: an intro, three CJK sections, 8 turns. */
export function makeInterview(): Interview {
  line = 20
  const intro: Block[] = [
    { kind: 'narration', sectionId: 'parley-intro', lines: { start: 11, end: 11 }, html: '<p>作者：Arujjwal Negi</p>', text: '作者：Arujjwal Negi' },
  ]
  return {
    slug: 'seed',
    file: 'seed.zh-cn.md',
    lang: 'zh-cn',
    meta: {
      title: '聚焦 SIG 云提供商',
      description: 'Spotlight on SIG Cloud Provider',
      date: '2024-03-02T16:30:31+08:00',
      tags: ['Kubernetes', 'Kubernetes blog'],
      authors: ['Arujjwal Negi'],
      translators: ['Rui Yang'],
      canonicalUrl: null,
      frontMatter: {},
    },
    speakers: [
      { id: 'arujjwal', name: 'Arujjwal', aliases: ['Arujjwal', 'Arujjwal Negi'], role: 'interviewer', turnCount: 4, inferred: false },
      { id: 'michael', name: 'Michael', aliases: ['Michael'], role: 'interviewee', turnCount: 4, inferred: false },
    ],
    sections: [
      { id: 'parley-intro', title: null, headingLines: null, blocks: intro },
      { id: '导言', title: '导言', headingLines: { start: 19, end: 19 }, blocks: [turn(1, 'arujjwal', '导言', '问一'), turn(2, 'michael', '导言', '答一')] },
      {
        id: '功能和工作', title: '功能和工作', headingLines: { start: 24, end: 24 },
        blocks: [turn(3, 'arujjwal', '功能和工作', '问二'), turn(4, 'michael', '功能和工作', '答二'), turn(5, 'arujjwal', '功能和工作', '问三'), turn(6, 'michael', '功能和工作', '答三')],
      },
      { id: '重要的子项目', title: '重要的子项目', headingLines: { start: 34, end: 34 }, blocks: [turn(7, 'arujjwal', '重要的子项目', '问四'), turn(8, 'michael', '重要的子项目', '答四')] },
    ],
    rejectedLabels: [],
  }
}
