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
    expect(turn.classes()).toContain('turn--question')
    expect(turn.get('header .turn__speaker').text()).toBe('Arujjwal')
    // The avatar's initials: one CSS rule per speaker, not an element per turn.
    expect(wrapper.get('.reader__content > style').element.innerHTML).toContain('.turn[data-speaker="arujjwal"]>header::before{content:"A"/""}')
    expect(wrapper.findAll('article.turn')).toHaveLength(8)
    // Question and answer differ by a text label too, not only by colour.
    expect(turn.get('.turn__role').text()).toBe('提问')
    expect(wrapper.get('article#turn-4 .turn__role').text()).toBe('回答')
    expect(wrapper.get('.narration').text()).toContain('作者')
  })

  it('gives every section heading a permalink and lists sections with counts and their questions in a nav', async () => {
    const { wrapper } = await open('/seed')
    // Plain `#id` links: the browser resolves them against the address, which keeps the view.
    expect(wrapper.get('section#导言 h2 a.permalink').attributes('href')).toBe('#导言')
    const outline = wrapper.get('nav.outline')
    expect(outline.findAll(':scope > ol > li > .outline__section').map((li) => li.text().replace(/\s+/g, ' '))).toEqual([
      '导言2, 2 段发言', '功能和工作4, 4 段发言', '重要的子项目2, 2 段发言',
    ])
    // Questions are numbered through the article and listed under their section.
    const questions = outline.findAll(':scope > ol > li').map((li) => li.findAll('.outline__q').map((q) => q.text()))
    expect(questions).toEqual([['Q1问一'], ['Q2问二', 'Q3问三'], ['Q4问四']])
    expect(outline.get('.outline__q').attributes('href')).toBe('#turn-1')
    expect(wrapper.get('article#turn-5 .turn__q').text()).toBe('Q3')
    expect(wrapper.find('article#turn-6 .turn__q').exists()).toBe(false)
  })

  it('keeps hidden turns in place as collapsed one-line previews, each its own article', async () => {
    const { wrapper } = await open('/seed?speaker=michael')
    expect(wrapper.findAll('article.turn')).toHaveLength(8)
    const collapsed = wrapper.findAll('article.turn[data-collapsed]')
    expect(collapsed.map((a) => a.attributes('id'))).toEqual(['turn-1', 'turn-3', 'turn-5', 'turn-7'])
    expect(collapsed.every((a) => a.attributes('data-speaker') === 'arujjwal')).toBe(true)
    expect(wrapper.find('article#turn-2[data-collapsed]').exists()).toBe(false)
    expect(wrapper.get('.filter-status').text()).toContain('显示 4 / 8 段发言')
    // Expanded in place: the filter (and the URL) stay as they are.
    await wrapper.get('article#turn-3 a.turn__permalink').trigger('focusin')
    await flushPromises()
    await wrapper.get('article#turn-3 button[data-turn-action="expand"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('article#turn-3[data-collapsed]').exists()).toBe(false)
    expect(wrapper.findAll('article[data-collapsed]')).toHaveLength(3)
    // A click (a tap) on a one-line preview opens it too.
    await wrapper.get('article#turn-5 .turn__body').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('article[data-collapsed]').map((a) => a.attributes('id'))).toEqual(['turn-1', 'turn-7'])
  })

  it('says so when everything is filtered out, and resets', async () => {
    const { wrapper, router } = await open('/seed?speaker=')
    expect(wrapper.findAll('article.turn[data-collapsed]')).toHaveLength(8)
    expect(wrapper.get('.filter-status').text()).toContain('所有发言都被发言人筛选隐藏了')
    await wrapper.get('.filter-status button').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/seed')
    expect(wrapper.findAll('article.turn[data-collapsed]')).toHaveLength(0)
  })

  it('still shows a linked turn the filter hides, with a notice', async () => {
    const { wrapper } = await open('/seed?speaker=michael#turn-3')
    expect(wrapper.find('article#turn-3').exists()).toBe(true)
    expect(wrapper.get('article#turn-3 .turn__forced').text()).toContain('被筛选隐藏')
    expect(wrapper.find('article#turn-3[data-collapsed]').exists()).toBe(false)
    expect(wrapper.find('article#turn-5[data-collapsed]').exists()).toBe(true)
    expect(wrapper.get('.notices').text()).toContain('被筛选隐藏')
    // Counted where it is shown: Michael's four answers and the linked question.
    expect(wrapper.get('.filter-status').text()).toContain('显示 5 / 8 段发言')
    const counts = wrapper.findAll('nav.outline .outline__section').map((li) => li.text().replace(/\s+/g, ' '))
    expect(counts).toEqual(['导言1, 1 段发言', '功能和工作3, 3 段发言', '重要的子项目1, 1 段发言'])
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
