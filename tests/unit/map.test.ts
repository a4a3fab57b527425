import { describe, expect, it } from 'vitest'
import { bandAt, bandsPath, layoutMap, MAP_H } from '../../src/core/reader/map'
import { makeInterview } from '../components/fixture'
import type { Interview, Turn } from '../../src/core/types'

function bigInterview(n: number): Interview {
  const iv = makeInterview()
  const turns: Turn[] = Array.from({ length: n }, (_, i) => ({
    kind: 'turn', id: `turn-${i + 1}`, speaker: i % 2 ? 'michael' : 'arujjwal', role: i % 2 ? 'interviewee' : 'interviewer',
    label: null, sectionId: `s${Math.floor(i / 100)}`, lines: { start: i, end: i }, html: '', text: 'x'.repeat(10 + (i % 50)),
  }))
  return { ...iv, sections: [{ id: 'all', title: 'All', headingLines: null, blocks: turns }] }
}

describe('conversation map layout', () => {
  it('gives each turn a band proportional to its text, filling the map in order', () => {
    const { bands, sectionTops } = layoutMap(makeInterview())
    expect(bands.map((b) => b.turn.id)).toEqual(['turn-1', 'turn-2', 'turn-3', 'turn-4', 'turn-5', 'turn-6', 'turn-7', 'turn-8'])
    expect(bands[bands.length - 1]!.y + bands[bands.length - 1]!.h).toBeCloseTo(MAP_H)
    expect(sectionTops).toHaveLength(3)
    const iv = bigInterview(4)
    const [a, b] = layoutMap(iv).bands
    expect(b!.h / a!.h).toBeCloseTo(11 / 10)
  })

  it('finds the band under a point, and a 5,000-turn interview is still one string per path', () => {
    const { bands } = layoutMap(bigInterview(5000))
    expect(bands).toHaveLength(5000)
    expect(bandAt(bands, 0)!.turn.id).toBe('turn-1')
    expect(bandAt(bands, MAP_H)!.turn.id).toBe('turn-5000')
    const mid = bands[2500]!
    expect(bandAt(bands, mid.y + mid.h / 2)).toBe(mid)
    expect(bandsPath(bands.slice(0, 2))).toMatch(/^M0 0H10V[\d.]+H0ZM0 [\d.]+H10V[\d.]+H0Z$/)
  })
})
