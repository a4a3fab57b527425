import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { h } from 'vue'
import ReaderPage from '../../src/components/ReaderPage.vue'
import OutlineNav from '../../src/components/OutlineNav.vue'
import SpeakerAvatar from '../../src/components/SpeakerAvatar.vue'
import ReaderView from '../../src/views/ReaderView.vue'
import ListView from '../../src/views/ListView.vue'
import { makeInterview } from './fixture'
import { mountReader, type Harness } from './harness'

let harness: Harness | undefined
afterEach(() => harness?.wrapper.unmount())

describe('turn actions', () => {
  it('copies an absolute link that keeps the filter and confirms visibly in that turn', async () => {
    harness = await mountReader(ReaderPage, '/seed?speaker=michael', { interview: makeInterview() })
    await flushPromises()
    // One delegated listener on the conversation handles every turn's buttons.
    const turn = harness.wrapper.get('article#turn-4')
    await turn.get('button[aria-label="复制链接：第 4 段发言"]').trigger('click')
    await flushPromises()
    expect(await navigator.clipboard.readText()).toBe(`${location.origin}/seed?speaker=michael#turn-4`)
    expect(turn.get('[role="status"]').text()).toBe('链接已复制')
    expect(harness.wrapper.get('article#turn-6 [role="status"]').text()).toBe('')
  })

  it('copies the share page address when the build knows its site (PARLEY_SITE_URL)', async () => {
    vi.stubEnv('PARLEY_SITE_URL', 'https://interviews.test')
    try {
      harness = await mountReader(ReaderPage, '/seed?speaker=michael', { interview: makeInterview() })
      await flushPromises()
      await harness.wrapper.get('article#turn-4 button[data-turn-action="copy"]').trigger('click')
      await flushPromises()
      expect(await navigator.clipboard.readText()).toBe('https://interviews.test/seed/turn-4?speaker=michael')
    } finally {
      vi.unstubAllEnvs()
    }
  })
})

describe('OutlineNav', () => {
  it('marks the active section and emits jumps', async () => {
    const sections = makeInterview().sections.slice(1)
    harness = await mountReader(OutlineNav, '/seed?speaker=arujjwal', { sections, activeId: '功能和工作' })
    const links = harness.wrapper.findAll('a')
    expect(links.map((a) => a.attributes('aria-current'))).toEqual([undefined, 'location', undefined])
    // Counts follow the filter: two of four turns in 功能和工作 are Arujjwal's.
    expect(links[1]!.get('.count').text()).toBe('2')
    await links[2]!.trigger('click')
    expect(harness.wrapper.emitted('jump')).toEqual([['重要的子项目']])
  })
})

describe('ReaderView', () => {
  it('loads an interview by slug, or shows not-found with a way back', async () => {
    harness = await mountReader({ render: () => h(ReaderView, { address: 'seed' }) }, '/seed')
    await flushPromises()
    expect(harness.wrapper.get('h1').text()).toBe('聚焦 SIG 云提供商')
    harness.wrapper.unmount()
    harness = await mountReader({ render: () => h(ReaderView, { address: 'nope' }) }, '/nope')
    harness.store.load('nope')
    await flushPromises()
    expect(harness.wrapper.get('h1').text()).toBe('找不到这篇访谈')
    expect(harness.wrapper.get('a[href="/"]').text()).toBe('返回访谈列表')
  })
})

describe('ListView', () => {
  it('lists title, description, date, speakers and turn count', async () => {
    harness = await mountReader(ListView, '/')
    const card = harness.wrapper.get('.card')
    expect(card.get('h2').text()).toBe('聚焦 SIG 云提供商')
    expect(card.get('h2 a').attributes('href')).toBe('/seed')
    expect(card.text()).toContain('Spotlight on SIG Cloud Provider')
    expect(card.get('time').attributes('datetime')).toBe('2024-03-02T16:30:31+08:00')
    expect(card.text()).toMatch(/Arujjwal.*Michael/)
    expect(card.text()).toMatch(/8 (turns|段发言)/)
  })
})

describe('SpeakerAvatar', () => {
  it.each([
    ['Michael McCune', 'MM'],
    ['Arujjwal', 'A'],
    ['elmiko', 'E'],
    ['张三', '张'],
  ])('%s → %s', (name, initials) => {
    expect(mount(SpeakerAvatar, { props: { name, colour: 7 } }).text()).toBe(initials)
  })
})
