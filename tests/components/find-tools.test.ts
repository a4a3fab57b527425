import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import ReaderPage from '../../src/components/ReaderPage.vue'
import { makeInterview } from './fixture'
import { mountReader, type Harness } from './harness'
import type { Interview } from '../../src/core/types'

let h: Harness | undefined
afterEach(() => h?.wrapper.unmount())

/** Turn 4 with a link and code, so highlights must not break markup. */
function interview(): Interview {
  const iv = makeInterview()
  const turn = iv.sections[2]!.blocks[1]!
  if (turn.kind === 'turn') {
    turn.html = '<p>我们协调 <a href="https://example.org/k">Konnectivity <em>proxy</em></a> 和 <code>kube-proxy</code> 的工作。</p>'
    turn.text = '我们协调 Konnectivity proxy 和 kube-proxy 的工作。'
  }
  return iv
}

async function open(url: string): Promise<Harness> {
  h = await mountReader(ReaderPage, url, { interview: interview() })
  h.store.setInterview(interview())
  await flushPromises()
  await flushPromises()
  return h
}

describe('search in the page (mark fallback, no Highlight API here)', () => {
  it('marks hits across element boundaries without breaking links or code, and counts them', async () => {
    const { wrapper } = await open('/seed?q=KONNECTIVITY%20PROXY')
    const body = wrapper.get('article#turn-4 .turn__body')
    expect(body.findAll('mark.parley-hit').map((m) => m.element.textContent)).toEqual(['Konnectivity ', 'proxy'])
    // The link still holds its text and address; the emphasis is still there.
    expect(body.get('a').attributes('href')).toBe('https://example.org/k')
    expect(body.get('a').text()).toBe('Konnectivity proxy')
    expect(body.get('a em').text()).toBe('proxy')
    expect(wrapper.get('#search-status').text()).toBe('第 1 / 1 处')
  })

  it('Enter and Shift+Enter step through hits; the query goes to the URL with replace', async () => {
    const { wrapper, router } = await open('/seed')
    const input = wrapper.get('input[type="search"]')
    const replace = vi.spyOn(router, 'replace')
    await input.setValue('proxy')
    await flushPromises()
    await flushPromises()
    expect(router.currentRoute.value.query.q).toBe('proxy')
    expect(replace).toHaveBeenCalled()
    expect(wrapper.get('#search-status').text()).toBe('第 1 / 2 处')
    await input.trigger('keydown', { key: 'Enter' })
    expect(wrapper.get('#search-status').text()).toBe('第 2 / 2 处')
    expect(wrapper.get('mark.parley-hit.is-current').text()).toBe('proxy')
    await input.trigger('keydown', { key: 'Enter', shiftKey: true })
    expect(wrapper.get('#search-status').text()).toBe('第 1 / 2 处')
    // Clearing the field removes every mark and the query.
    await input.setValue('')
    await flushPromises()
    await flushPromises()
    expect(wrapper.findAll('mark')).toHaveLength(0)
    expect(router.currentRoute.value.query.q).toBeUndefined()
    expect(wrapper.get('article#turn-4 .turn__body').html()).toContain('<code>kube-proxy</code>')
  })

  it('counts hits in turns the filter hides, without marking them, and one action shows them', async () => {
    const { wrapper, router } = await open('/seed?q=%E9%97%AE&speaker=michael')
    // 问 is in the four questions, all Arujjwal's: hidden by the filter.
    expect(wrapper.get('#search-status').text()).toBe('另有 4 处在隐藏的发言中')
    expect(wrapper.findAll('mark.parley-hit')).toHaveLength(0)
    await wrapper.get('.search__show').trigger('click')
    await flushPromises()
    await flushPromises()
    expect(wrapper.get('#search-status').text()).toBe('第 1 / 4 处')
    expect(wrapper.findAll('mark.parley-hit')).toHaveLength(4)
    expect(wrapper.findAll('article[data-collapsed]')).toHaveLength(0)
    // The filter itself is kept.
    expect(router.currentRoute.value.query.speaker).toBe('michael')
    expect(wrapper.find('.search__show').exists()).toBe(false)
  })

  it('"Show them" moves to and focuses the first hit it revealed, not the hit already current', async () => {
    // 三 is in turn 5 (Arujjwal's question, shown) and turn 6 (Michael's answer, hidden by the filter).
    const { wrapper } = await open('/seed?q=%E4%B8%89&speaker=arujjwal')
    expect(wrapper.get('#search-status').text()).toBe('第 1 / 1 处 · 另有 1 处在隐藏的发言中')
    await wrapper.get('.search__show').trigger('click')
    await flushPromises()
    await flushPromises()
    expect(wrapper.get('#search-status').text()).toBe('第 2 / 2 处')
    expect(wrapper.get('article#turn-6 mark.parley-hit').classes()).toContain('is-current')
    // The button is gone with the hidden hits; focus is on the turn it opened, not lost to the page.
    expect(document.activeElement?.id).toBe('turn-6')
  })

  it('shows both counts when hits are in shown and hidden turns', async () => {
    const { wrapper } = await open('/seed?q=%E4%B8%80&speaker=michael')
    // 一 is in turn 1 (hidden question) and turn 2 (shown answer).
    expect(wrapper.get('#search-status').text()).toBe('第 1 / 1 处 · 另有 1 处在隐藏的发言中')
  })
})

describe('reader tools', () => {
  it('every control has an accessible name; the map is one labelled slider', async () => {
    const { wrapper } = await open('/seed')
    const tools = wrapper.get('.reader-tools')
    for (const b of tools.findAll('button')) expect(b.attributes('aria-label') ?? b.text()).not.toBe('')
    expect(tools.get('input').attributes('aria-label')).toBe('在本访谈中搜索')
    const map = wrapper.get('svg.conv-map')
    expect(map.attributes('role')).toBe('slider')
    expect(map.attributes('aria-label')).toContain('8 段发言')
  })

  it('the map is reached by keyboard: arrows preview a turn, Enter jumps there', async () => {
    const { wrapper, router } = await open('/seed')
    const map = wrapper.get('svg.conv-map')
    expect(map.attributes('tabindex')).toBe('0')
    expect(map.attributes('aria-valuemax')).toBe('8')
    // At the top of the page the map stands on the first turn.
    expect(map.attributes('aria-valuenow')).toBe('1')
    await map.trigger('keydown', { key: 'ArrowDown' })
    await map.trigger('keydown', { key: 'ArrowDown' })
    expect(map.attributes('aria-valuenow')).toBe('3')
    expect(map.attributes('aria-valuetext')).toBe('#3 Arujjwal: 问二')
    // The tooltip tells the same turn to pointer users.
    expect(map.get('title').text()).toBe(map.attributes('aria-valuetext'))
    await map.trigger('keydown', { key: 'ArrowUp' })
    await map.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(router.currentRoute.value.hash).toBe('#turn-2')
  })

  it('a quote link highlights the passage, or says it is gone', async () => {
    // The matcher loads with the first quote link and searches in slices: wait for its answer.
    const found = await open(`/seed?quote=${encodeURIComponent('和 kube')}#turn-4`)
    await vi.waitFor(() => expect(found.wrapper.findAll('mark.parley-quote').map((m) => m.element.textContent).join('')).toBe('和 kube'))
    expect(found.wrapper.find('.quote-notice').exists()).toBe(false)
    found.wrapper.unmount()
    const gone = await open(`/seed?quote=${encodeURIComponent('完全没有这样的句子在文章里')}#turn-4`)
    await vi.waitFor(() => expect(gone.wrapper.get('.quote-notice').text()).toContain('找不到引用的段落'))
  })
})

describe('search on a long interview', () => {
  /** The test interview with enough narration to count as long (long-interview.ts). */
  function long(): Interview {
    const iv = interview()
    const filler = Array.from({ length: 200 }, (_, i) => ({ kind: 'narration' as const, sectionId: 'parley-intro', lines: { start: 900 + i, end: 900 + i }, html: `<p>段落 ${i}</p>`, text: `段落 ${i}` }))
    iv.sections[0]!.blocks.push(...filler)
    return iv
  }
  const painted = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10)))

  it('paints the typed text first: the status waits for the search, the address for the paint', async () => {
    h = await mountReader(ReaderPage, '/seed', { interview: long() })
    h.store.setInterview(long())
    await flushPromises()
    const { wrapper, router } = h
    await wrapper.get('input[type="search"]').setValue('proxy')
    await flushPromises()
    expect(wrapper.get('#search-status').text()).toBe('')
    expect(router.currentRoute.value.query.q).toBeUndefined()
    await painted()
    await flushPromises()
    expect(wrapper.get('#search-status').text()).toBe('第 1 / 2 处')
    expect(router.currentRoute.value.query.q).toBe('proxy')
  })
})
