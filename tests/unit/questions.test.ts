import { describe, expect, it } from 'vitest'
import { firstLine, indexQuestions, speakerColour } from '../../src/core/reader/questions'
import { makeInterview } from '../components/fixture'

describe('questions as landmarks', () => {
  it('numbers the interviewer\'s turns through the article and links every turn to the question it follows', () => {
    const index = indexQuestions(makeInterview().sections)
    expect(index.list.map((q) => q.id)).toEqual(['turn-1', 'turn-3', 'turn-5', 'turn-7'])
    expect(index.numberOf.get('turn-5')).toBe(3)
    expect(index.numberOf.has('turn-6')).toBe(false)
    expect(index.questionOf.get('turn-6')).toBe('turn-5')
    expect(index.questionOf.get('turn-5')).toBe('turn-5')
    expect([...index.bySection].map(([id, qs]) => [id, qs.length])).toEqual([['导言', 1], ['功能和工作', 2], ['重要的子项目', 1]])
  })

  it('has no question for turns before the first one', () => {
    const iv = makeInterview()
    const [first, second] = iv.sections[1]!.blocks
    const index = indexQuestions([{ ...iv.sections[1]!, blocks: [second!, first!] }])
    expect(index.questionOf.has('turn-2')).toBe(false)
    expect(index.questionOf.get('turn-1')).toBe('turn-1')
  })

  it('previews a question by its first line, shortened', () => {
    expect(firstLine('  What now?\nMore.')).toBe('What now?')
    expect(firstLine('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`)
  })

  it('gives a speaker the same colour whatever else is in the list', () => {
    expect(speakerColour('michael')).toBe(speakerColour('michael'))
    const colours = ['arujjwal', 'michael', 'ana', 'bob', 'chen'].map((id) => speakerColour(id))
    expect(colours.every((c) => Number.isInteger(c) && c >= 0 && c < 6)).toBe(true)
    expect(new Set(colours).size).toBeGreaterThan(2)
  })
})
