import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import SpeakerFilter from '../../src/components/SpeakerFilter.vue'
import { parseInterview } from '../../src/core/parse'
import { useI18n } from '../../src/i18n'
import { mountReader, type Harness } from './harness'

let h: Harness | undefined
afterEach(() => {
  h?.wrapper.unmount()
  useI18n().chosen.value = null
})

describe('a side nobody names', () => {
  it('is called by the UI word for its role, in the reader language, and follows a language switch', async () => {
    h = await mountReader(SpeakerFilter, '/seed')
    const parsed = parseInterview('---\ntitle: "Talk"\nslug: talk\n---\n\n**Why docs?**\n\nBecause.\n\n**And tests?**\n\nThose too.\n')
    if (!parsed.ok) throw new Error(parsed.error.message)
    h.store.setInterview(parsed.interview)
    await flushPromises()
    const names = (): string[] => h!.wrapper.findAll('.speaker-toggle__name').map((n) => n.text())
    expect(names()).toEqual(['采访者', '受访者'])
    useI18n().chosen.value = 'en'
    await flushPromises()
    expect(names()).toEqual(['Interviewer', 'Interviewees'])
    expect(h.store.speakers.map((s) => s.id)).toEqual(['interviewer', 'interviewees'])
  })
})
