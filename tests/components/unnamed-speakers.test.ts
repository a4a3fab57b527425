/**
 * A side nobody names keeps only its role key in the store (state, not words); every component that
 * shows or writes out a speaker's name words it in the reader's language.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import SpeakerFilter from '../../src/components/SpeakerFilter.vue'
import ReaderPage from '../../src/components/ReaderPage.vue'
import InterviewCard from '../../src/components/InterviewCard.vue'
import { parseInterview } from '../../src/core/parse'
import { summarise } from '../../src/core/reader/summary'
import type { Interview } from '../../src/core/types'
import { useI18n } from '../../src/i18n'
import { mountReader, type Harness } from './harness'

let h: Harness | undefined
afterEach(() => {
  h?.wrapper.unmount()
  useI18n().chosen.value = null
})

function talk(): Interview {
  const parsed = parseInterview('---\ntitle: "Talk"\nslug: talk\n---\n\n**Why docs?**\n\nBecause.\n\n**And tests?**\n\nThose too.\n')
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.interview
}

async function open(component: Parameters<typeof mountReader>[0], url: string, props: Record<string, unknown> = {}): Promise<Harness> {
  h = await mountReader(component, url, props)
  h.store.setInterview(talk())
  await flushPromises()
  return h
}

describe('a side nobody names', () => {
  it('is called by the UI word for its role, in the reader language, and follows a language switch', async () => {
    await open(SpeakerFilter, '/seed')
    const names = (): string[] => h!.wrapper.findAll('.speaker-toggle__name').map((n) => n.text())
    expect(names()).toEqual(['采访者', '受访者'])
    useI18n().chosen.value = 'en'
    await flushPromises()
    expect(names()).toEqual(['Interviewer', 'Interviewees'])
    expect(h!.store.speakers.map((s) => s.id)).toEqual(['interviewer', 'interviewees'])
  })

  it('stays a role key in the store, which holds no UI words', async () => {
    await open(SpeakerFilter, '/seed')
    expect(h!.store.speakers.map((s) => [s.name, s.unnamed])).toEqual([['interviewer', true], ['interviewees', true]])
    expect(JSON.stringify(h!.store.interview)).not.toMatch(/采访者|受访者|Interviewer|Interviewees/)
  })

  it('is worded on the reader page: turn labels, avatars, the speaker cards', async () => {
    await open(ReaderPage, '/talk', { interview: talk() })
    const { wrapper } = h!
    expect(wrapper.get('article#turn-1 .turn__speaker').text()).toBe('采访者')
    expect(wrapper.get('article#turn-2 .turn__speaker').text()).toBe('受访者')
    expect(wrapper.get('.reader__content > style').element.innerHTML).toContain('.turn[data-speaker="interviewer"]>header::before{content:"\\91c7 "/""}') // 采, escaped
    expect(wrapper.findAll('.speaker-chip strong').map((s) => s.text())).toEqual(['采访者', '受访者'])
    useI18n().chosen.value = 'en'
    await flushPromises()
    expect(wrapper.get('article#turn-1 .turn__speaker').text()).toBe('Interviewer')
    expect(wrapper.findAll('.speaker-chip strong').map((s) => s.text())).toEqual(['Interviewer', 'Interviewees'])
  })

  it('answers a link that names it by the UI word (`?speaker=采访者`), and the address then holds its id', async () => {
    await open(SpeakerFilter, `/talk?speaker=${encodeURIComponent('采访者')}`)
    expect([...h!.store.filter.visible]).toEqual(['interviewer'])
    await flushPromises()
    expect(h!.router.currentRoute.value.query.speaker).toEqual(['interviewer'])
  })

  it('is worded on the list page card, whose summary keeps only the marker', async () => {
    const item = summarise(talk())
    expect(item.speakers.map((s) => [s.name, s.unnamed])).toEqual([['interviewer', true], ['interviewees', true]])
    h = await mountReader(InterviewCard, '/', { item })
    expect(h.wrapper.findAll('.card__speakers li').map((li) => li.text())).toEqual(['采访者 (采访者)', '受访者 (受访者)'])
  })
})
