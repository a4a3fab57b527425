import { describe, expect, it } from 'vitest'
import { isLongInterview, LONG_INTERVIEW_BLOCKS } from '../../src/composables/long-interview'
import type { Block, Section } from '../../src/core/types'

const section = (blocks: number): Section => ({ blocks: Array.from({ length: blocks }, () => ({}) as Block) }) as Section

describe('isLongInterview (content-visibility only for long interviews)', () => {
  it('counts the blocks of every section', () => {
    expect(isLongInterview({ sections: [] })).toBe(false)
    expect(isLongInterview({ sections: [section(LONG_INTERVIEW_BLOCKS - 1)] })).toBe(false)
    expect(isLongInterview({ sections: [section(LONG_INTERVIEW_BLOCKS)] })).toBe(true)
    expect(isLongInterview({ sections: [section(LONG_INTERVIEW_BLOCKS / 2), section(LONG_INTERVIEW_BLOCKS / 2)] })).toBe(true)
  })
})
