import { describe, expect, it } from 'vitest'
import { nameUnnamedSpeakers } from '../../src/core/unnamed'
import { parseOk } from './helpers'

const doc = '---\ntitle: "Talk"\n---\n\n**Why docs?**\n\nBecause.\n\n**And tests?**\n\nThose too.\n'

describe('a side nobody names', () => {
  it('keeps only its role key in the model, not an English word', () => {
    const interview = parseOk(doc)
    expect(interview.speakers.map((s) => [s.id, s.name, s.unnamed])).toEqual([
      ['interviewer', 'interviewer', true],
      ['interviewees', 'interviewees', true],
    ])
  })

  it('is called by the UI word of the reader language, and keeps its key and id as aliases', () => {
    const interview = parseOk(doc)
    const zh = nameUnnamedSpeakers(interview, { interviewer: '采访者', interviewees: '受访者' })
    expect(zh.speakers.map((s) => s.name)).toEqual(['采访者', '受访者'])
    expect(zh.speakers[0]?.aliases).toEqual(['采访者', 'interviewer'])
    expect(zh.speakers.map((s) => s.id)).toEqual(['interviewer', 'interviewees'])
    const en = nameUnnamedSpeakers(zh, { interviewer: 'Interviewer', interviewees: 'Interviewees' })
    expect(en.speakers.map((s) => s.name)).toEqual(['Interviewer', 'Interviewees'])
    expect(en.sections).toBe(interview.sections)
  })

  it('leaves named speakers and their interview untouched', () => {
    const named = parseOk('---\ntitle: "Talk"\n---\n\n**Ann:** Why?\n\n**Bo:** Yes.\n\n**Ann:** And?\n\n**Bo:** No.\n')
    expect(nameUnnamedSpeakers(named, { interviewer: 'x', interviewees: 'y' })).toBe(named)
  })
})
