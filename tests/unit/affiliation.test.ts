import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { INTRO_CHARS, introduceSpeakers, introText } from '../../src/core/reader/affiliation'
import { parseOk } from './helpers'

const michael = { id: 'michael', name: 'Michael', aliases: ['Michael'] }
const arujjwal = { id: 'arujjwal', name: 'Arujjwal', aliases: ['Arujjwal', 'Arujjwal Negi'] }
const of = (intro: string, speakers = [michael]) => Object.fromEntries(introduceSpeakers(intro, speakers))

describe('speakers as the intro introduces them', () => {
  it('English: "Name, a role at Org", "Name (Org)", "Name from Org"', () => {
    expect(of('This week we talk to Michael McCune, a software engineer at Red Hat, about cloud providers.')).toEqual({
      michael: { fullName: 'Michael McCune', affiliation: 'software engineer at Red Hat' },
    })
    expect(of('Arujjwal Negi interviews Michael McCune (Red Hat), also known as elmiko, co-chair of SIG Cloud Provider.', [arujjwal, michael])).toEqual({
      arujjwal: { fullName: 'Arujjwal Negi', affiliation: null },
      michael: { fullName: 'Michael McCune', affiliation: 'Red Hat' },
    })
    expect(of('We met Michael McCune from Red Hat at KubeCon.')).toEqual({ michael: { fullName: 'Michael McCune', affiliation: 'Red Hat' } })
  })

  it('Chinese: "来自 Org 的 Name" and full-width brackets', () => {
    expect(of('本期我们采访了来自 Red Hat 的 Michael McCune。')).toEqual({ michael: { fullName: 'Michael McCune', affiliation: 'Red Hat' } })
    expect(of('本期我们采访了来自红帽公司的软件工程师 Michael McCune。')).toEqual({ michael: { fullName: 'Michael McCune', affiliation: '红帽公司' } })
    expect(of('Arujjwal Negi 采访了 Michael McCune（Red Hat），又名 elmiko。')).toEqual({ michael: { fullName: 'Michael McCune', affiliation: 'Red Hat' } })
  })

  it('Japanese: "OrgのName氏", "Org所属の", "Name氏（Org）"', () => {
    expect(of('今回はRed HatのMichael McCune氏にお話を伺いました。')).toEqual({ michael: { fullName: 'Michael McCune', affiliation: 'Red Hat' } })
    expect(of('今回はGoogle所属のMichael McCuneさんに話を聞きました。')).toEqual({ michael: { fullName: 'Michael McCune', affiliation: 'Google' } })
    expect(of('Michael McCune氏（Red Hat）にインタビューしました。')).toEqual({ michael: { fullName: 'Michael McCune', affiliation: 'Red Hat' } })
  })

  it('a CJK name is found as written, with its affiliation', () => {
    const li = { id: 'li', name: '李雷', aliases: ['李雷'] }
    expect(of('我们采访了来自清华大学的李雷。', [li])).toEqual({ li: { fullName: null, affiliation: '清华大学' } })
  })

  it('says nothing it was not told: no mention, a nickname in brackets, a word after the name, a longer word', () => {
    expect(of('An interview about cloud providers.')).toEqual({})
    expect(of('Frederico Muñoz (FSM) talks to us.', [{ id: 'fsm', name: 'FSM', aliases: ['FSM', 'Frederico Muñoz'] }])).toEqual({
      fsm: { fullName: 'Frederico Muñoz', affiliation: null },
    })
    expect(of('Michael And friends met.')).toEqual({})
    expect(of('Michaela Smith (Google) spoke.')).toEqual({})
    expect(of('Michael (https://github.com/elmiko) spoke.')).toEqual({})
  })

  it('reads only the opening of a long intro (an article without headings is all intro)', () => {
    const filler = 'Words Words Words '.repeat(INTRO_CHARS / 6)
    expect(of(`${filler} Michael McCune (Red Hat) joined later.`)).toEqual({})
    expect(of(`Michael McCune (Red Hat) joined. ${filler}`)).toEqual({ michael: { fullName: 'Michael McCune', affiliation: 'Red Hat' } })
  })

  it('reads the built-in seed in its three languages', () => {
    for (const [file, path] of [
      ['sig-cloud-provider-spotlight-2024.zh-cn.md', 'content/sig-cloud-provider-spotlight-2024.zh-cn.md'],
      ['sig-cloud-provider-spotlight-2024.md', 'content/en/sig-cloud-provider-spotlight-2024.md'],
      ['sig-cloud-provider-spotlight-2024.md', 'content/ja/sig-cloud-provider-spotlight-2024.md'],
    ] as const) {
      const interview = parseOk(readFileSync(path, 'utf8'), file)
      const found = introduceSpeakers(introText(interview), interview.speakers)
      expect(found.get('michael'), path).toEqual({ fullName: 'Michael McCune', affiliation: 'Red Hat' })
      expect(found.get('arujjwal')?.fullName, path).toBe('Arujjwal Negi')
    }
  })
})
