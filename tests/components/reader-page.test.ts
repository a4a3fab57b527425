import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import ReaderPage from '../../src/components/ReaderPage.vue'
import { makeInterview } from './fixture'
import { mountReader, type Harness } from './harness'

let h: Harness | undefined
afterEach(() => h?.wrapper.unmount())

async function open(url: string): Promise<Harness> {
  h = await mountReader(ReaderPage, url, { interview: makeInterview() })
  await flushPromises()
  return h
}

describe('ReaderPage', () => {
  it('renders each turn as a labelled article inside its section', async () => {
    const { wrapper } = await open('/seed')
    const turn = wrapper.get('section#功能和工作 article#turn-3')
    expect(turn.attributes('data-speaker')).toBe('arujjwal')
    expect(turn.attributes('data-role')).toBe('interviewer')
    expect(wrapper.get(`#${turn.attributes('aria-labelledby')}`).text()).toBe('Arujjwal')
    expect(wrapper.findAll('article.turn')).toHaveLength(8)
    // Question and answer differ by a text label too, not only by colour.
    expect(turn.get('.turn__role').text()).toBe('提问')
    expect(wrapper.get('article#turn-4 .turn__role').text()).toBe('回答')
    expect(wrapper.get('.narration').text()).toContain('作者')
  })

  it('gives every section heading a permalink and lists sections with counts in a nav', async () => {
    const { wrapper } = await open('/seed')
    expect(decodeURI(wrapper.get('section#导言 h2 a.permalink').attributes('href')!)).toBe('/seed#导言')
    const outline = wrapper.get('nav.outline')
    expect(outline.findAll('li').map((li) => li.text().replace(/\s+/g, ' '))).toEqual([
      '导言2, 2 段发言', '功能和工作4, 4 段发言', '重要的子项目2, 2 段发言',
    ])
  })

  it('applies the speaker filter from the URL with hidden-turn markers and a count', async () => {
    const { wrapper } = await open('/seed?speaker=michael')
    expect(wrapper.findAll('article.turn').map((a) => a.attributes('data-speaker'))).toEqual(Array(4).fill('michael'))
    expect(wrapper.findAll('.hidden-marker').map((m) => m.text())).toEqual(Array(4).fill('已隐藏 1 段发言'))
    expect(wrapper.get('.filter-status').text()).toContain('显示 4 / 8 段发言')
  })

  it('says so when everything is filtered out, and resets', async () => {
    const { wrapper, router } = await open('/seed?speaker=')
    expect(wrapper.findAll('article.turn')).toHaveLength(0)
    expect(wrapper.get('.filter-status').text()).toContain('所有发言都被发言人筛选隐藏了')
    await wrapper.get('.filter-status button').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/seed')
    expect(wrapper.findAll('article.turn')).toHaveLength(8)
  })

  it('still shows a linked turn the filter hides, with a notice', async () => {
    const { wrapper } = await open('/seed?speaker=michael#turn-3')
    expect(wrapper.find('article#turn-3').exists()).toBe(true)
    expect(wrapper.get('article#turn-3 .turn__forced').text()).toContain('被筛选隐藏')
    expect(wrapper.find('article#turn-5').exists()).toBe(false)
    expect(wrapper.get('.notices').text()).toContain('被筛选隐藏')
  })

  it('reports unknown sections, turns and speakers but keeps working', async () => {
    let { wrapper } = await open('/seed#nope')
    expect(wrapper.get('.notices').text()).toContain('没有“nope”一节')
    wrapper.unmount()
    ;({ wrapper } = await open('/seed?speaker=bob#turn-99'))
    const text = wrapper.get('.notices').text()
    expect(text).toContain('turn-99')
    expect(text).toContain('bob')
    expect(wrapper.findAll('article.turn')).toHaveLength(8)
  })
})
