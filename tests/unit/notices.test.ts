import { describe, expect, it } from 'vitest'
import { viewNotices, type NoticeInput } from '../../src/core/reader/notices'

const none: NoticeInput = { sectionIds: ['导言', '功能和工作'], target: null, turnFound: false, turnCount: 8, unknownSpeakers: [], forcedTurnId: null }

describe('view notices (state, worded by the component)', () => {
  it('names a section or turn the interview does not have, as a message key and its parameters', () => {
    expect(viewNotices({ ...none, target: { kind: 'section', id: 'nope' } })).toEqual([{ key: 'section:nope', message: 'unknownSection', params: { id: 'nope' } }])
    expect(viewNotices({ ...none, target: { kind: 'section', id: '导言' } })).toEqual([])
    expect(viewNotices({ ...none, target: { kind: 'turn', id: 'turn-99', index: 99 } })).toEqual([{ key: 'turn:turn-99', message: 'unknownTurn', params: { id: 'turn-99', n: 8 } }])
    expect(viewNotices({ ...none, target: { kind: 'turn', id: 'turn-3', index: 3 }, turnFound: true })).toEqual([])
  })

  it('says nothing about the target before an interview is open', () => {
    expect(viewNotices({ ...none, sectionIds: null, target: { kind: 'section', id: 'nope' } })).toEqual([])
  })

  it('reports unknown speakers and a linked turn the filter hides', () => {
    expect(viewNotices({ ...none, unknownSpeakers: ['bob', 'eve'], forcedTurnId: 'turn-3' })).toEqual([
      { key: 'speaker:bob,eve', message: 'unknownSpeaker', params: { ids: 'bob, eve' } },
      { key: 'forced:turn-3', message: 'targetHidden', params: {} },
    ])
  })
})
