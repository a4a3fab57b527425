import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { h } from 'vue'
import ReaderPage from '../../src/components/ReaderPage.vue'
import OutlineNav from '../../src/components/OutlineNav.vue'
import SpeakerAvatar from '../../src/components/SpeakerAvatar.vue'
import ReaderView from '../../src/views/ReaderView.vue'
import ListView from '../../src/views/ListView.vue'
import ReaderHeader from '../../src/components/ReaderHeader.vue'
import { makeInterview } from './fixture'
import type { Turn } from '../../src/core/types'
import { mountReader, type Harness } from './harness'

let harness: Harness | undefined
afterEach(() => harness?.wrapper.unmount())

/** Focus (or hover) a turn: the page's one turn toolbar moves into its header. */
async function reach(turnId: string, how: 'focusin' | 'pointerover' = 'focusin'): Promise<void> {
  await harness!.wrapper.get(`article#${turnId} a.turn__permalink`).trigger(how)
  await flushPromises()
}

describe('turn actions', () => {
  it('keeps one toolbar for the page, moved after the permalink of the turn focused or hovered', async () => {
    harness = await mountReader(ReaderPage, '/seed', { interview: makeInterview() })
    await flushPromises()
    // Nothing per turn but the #N permalink until a turn is reached.
    expect(harness.wrapper.findAll('.turn-actions')).toHaveLength(0)
    await reach('turn-4')
    const header = harness.wrapper.get('article#turn-4 > header')
    expect(header.findAll(':scope > *').map((el) => el.classes()[0]).slice(-2)).toEqual(['turn__permalink', 'turn-actions'])
    expect(header.get('.turn-actions').findAll('button').map((b) => b.attributes('aria-label') ?? b.text())).toEqual([
      '展开', '复制链接：第 4 段发言', '分享：第 4 段发言',
    ])
    await reach('turn-6', 'pointerover')
    expect(harness.wrapper.findAll('.turn-actions')).toHaveLength(1)
    expect(harness.wrapper.get('article#turn-6 .turn-actions [data-turn-action="copy"]').attributes('aria-label')).toBe('复制链接：第 6 段发言')
    expect(harness.wrapper.find('article#turn-4 .turn-actions').exists()).toBe(false)
  })

  it('copies an absolute link that keeps the filter and says so in the page\'s one toast', async () => {
    harness = await mountReader(ReaderPage, '/seed?speaker=michael', { interview: makeInterview() })
    await flushPromises()
    // One delegated listener on the conversation handles every turn's buttons.
    const turn = harness.wrapper.get('article#turn-4')
    await reach('turn-4')
    await turn.get('button[aria-label="复制链接：第 4 段发言"]').trigger('click')
    await flushPromises()
    expect(await navigator.clipboard.readText()).toBe(`${location.origin}/seed?speaker=michael#turn-4`)
    // No live region per turn: one for the page.
    expect(turn.find('[role="status"]').exists()).toBe(false)
    expect(harness.wrapper.findAll('.reader__content [role="status"]').filter((el) => el.classes('toast'))).toHaveLength(1)
    expect(harness.wrapper.get('.toast').text()).toBe('已复制第 4 段发言的链接')
  })

  it('gives each turn a small #N permalink that jumps to it, keeping the filter', async () => {
    harness = await mountReader(ReaderPage, '/seed?speaker=michael', { interview: makeInterview() })
    await flushPromises()
    const link = harness.wrapper.get('article#turn-4 a.turn__permalink')
    expect(link.text()).toBe('#4')
    expect(link.attributes('href')).toBe('#turn-4')
    await link.trigger('click', { button: 0 })
    await flushPromises()
    expect(harness.router.currentRoute.value.fullPath).toBe('/seed?speaker=michael#turn-4')
  })

  it('offers Share only where the browser can share', async () => {
    harness = await mountReader(ReaderPage, '/seed', { interview: makeInterview() })
    await flushPromises()
    // happy-dom has no navigator.share: the share buttons stay hidden (CSS keys on .can-share).
    expect(harness.wrapper.get('.reader__content').classes()).not.toContain('can-share')
    harness.wrapper.unmount()
    Object.defineProperty(navigator, 'share', { value: async () => undefined, configurable: true })
    try {
      harness = await mountReader(ReaderPage, '/seed', { interview: makeInterview() })
      await flushPromises()
      expect(harness.wrapper.get('.reader__content').classes()).toContain('can-share')
    } finally {
      delete (navigator as { share?: unknown }).share
    }
  })

  it('copies the share page address when the build knows its site (PARLEY_SITE_URL)', async () => {
    vi.stubEnv('PARLEY_SITE_URL', 'https://interviews.test')
    try {
      harness = await mountReader(ReaderPage, '/seed?speaker=michael', { interview: makeInterview() })
      await flushPromises()
      await reach('turn-4')
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
    harness = await mountReader(OutlineNav, '/seed?speaker=arujjwal', { sections, activeId: '功能和工作', activeQuestion: 'turn-5', progress: '问题 3 / 4' })
    const links = harness.wrapper.findAll('.outline__section a')
    expect(links.map((a) => a.attributes('aria-current'))).toEqual([undefined, 'location', undefined])
    // Counts follow the filter: two of four turns in 功能和工作 are Arujjwal's.
    expect(links[1]!.get('.count').text()).toBe('2')
    await links[2]!.trigger('click')
    expect(harness.wrapper.emitted('jump')).toEqual([['重要的子项目']])
    // The question being read is highlighted, and the progress is in the title.
    expect(harness.wrapper.findAll('.outline__q[aria-current="true"]').map((a) => a.text())).toEqual(['Q3问三'])
    expect(harness.wrapper.get('h2').text()).toBe('目录 问题 3 / 4')
  })

  it('shows no "0" count for a section the filter empties', async () => {
    const sections = makeInterview().sections.slice(1)
    harness = await mountReader(OutlineNav, '/seed?speaker=', { sections, activeId: null })
    expect(harness.wrapper.findAll('.count')).toHaveLength(0)
    expect(harness.wrapper.get('.outline__section').text()).toBe('导言')
  })

  it('folds each section\'s questions on long interviews, except the current section\'s', async () => {
    const iv = makeInterview()
    // 16 questions in two sections.
    const blocks = (sectionId: string, from: number) =>
      Array.from({ length: 8 }, (_, i) => ({ ...(iv.sections[1]!.blocks[0] as Turn), id: `turn-${from + i}`, sectionId, text: `Q text ${from + i}` }))
    const sections = [
      { id: 'a', title: 'A', headingLines: null, blocks: blocks('a', 1) },
      { id: 'b', title: 'B', headingLines: null, blocks: blocks('b', 9) },
    ]
    harness = await mountReader(OutlineNav, '/seed', { sections, activeId: 'b' })
    harness.store.setInterview({ ...iv, sections })
    await flushPromises()
    const [a, b] = harness.wrapper.findAll(':scope > ol > li')
    expect(a!.findAll('.outline__q')).toHaveLength(0)
    expect(b!.findAll('.outline__q').map((q) => q.text().slice(0, 3))).toEqual(['Q9Q', 'Q10', 'Q11', 'Q12', 'Q13', 'Q14', 'Q15', 'Q16'])
    await harness.wrapper.setProps({ activeId: 'a' })
    expect(harness.wrapper.findAll(':scope > ol > li')[0]!.findAll('.outline__q')).toHaveLength(8)
    expect(harness.wrapper.findAll(':scope > ol > li')[1]!.findAll('.outline__q')).toHaveLength(0)
  })

  it('lists the questions alone for an article without sections', async () => {
    const iv = makeInterview()
    const turns = iv.sections.slice(1).flatMap((s) => s.blocks).map((b) => ({ ...b, sectionId: 'parley-intro' }))
    const sections = [{ id: 'parley-intro', title: null, headingLines: null, blocks: turns }]
    harness = await mountReader(OutlineNav, '/seed', { sections, activeId: null })
    harness.store.setInterview({ ...iv, sections })
    await flushPromises()
    expect(harness.wrapper.find('.outline__section').exists()).toBe(false)
    expect(harness.wrapper.findAll('.outline__q').map((q) => q.text())).toEqual(['Q1问一', 'Q2问二', 'Q3问三', 'Q4问四'])
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
    // The fixture's 17 CJK characters: under a minute, said as one.
    expect(card.text()).toContain('阅读约 1 分钟')
    expect(card.get('.card__langs').text()).toBe('语言：中文（中国）')
  })

  it('has one heading outline and one live region; "Open your own" is one folded disclosure', async () => {
    harness = await mountReader(ListView, '/')
    await flushPromises()
    const { wrapper } = harness
    const levels = wrapper.findAll('h1, h2, h3, h4').map((h) => Number(h.element.tagName[1]))
    expect(levels[0]).toBe(1)
    expect(levels.filter((level) => level === 1)).toHaveLength(1)
    // No level skipped: a heading is at most one deeper than the one before it.
    expect(levels.every((level, i) => i === 0 || level <= levels[i - 1]! + 1)).toBe(true)
    expect(wrapper.get('h2').text()).toBe('聚焦 SIG 云提供商')
    expect(wrapper.findAll('[role="status"], [role="alert"], [aria-live]')).toHaveLength(1)
    const details = wrapper.get('details.open-panel__disclosure')
    expect(details.attributes('open')).toBeUndefined()
    expect(details.element.firstElementChild?.tagName).toBe('SUMMARY')
    expect(wrapper.get('section.open-panel').attributes('aria-labelledby')).toBe(details.get('summary').attributes('id'))
  })
})

describe('ReaderHeader speaker cards', () => {
  it('show the full name and affiliation the intro gives, and the label alone when it gives none', async () => {
    const interview = makeInterview()
    interview.sections[0]!.blocks.push({ kind: 'narration', sectionId: 'parley-intro', lines: { start: 13, end: 13 }, html: '<p>本期 Arujjwal 采访了来自 Red Hat 的 Michael McCune。</p>', text: '本期 Arujjwal 采访了来自 Red Hat 的 Michael McCune。' })
    harness = await mountReader(ReaderHeader, '/seed', { interview })
    const chips = harness.wrapper.findAll('.speaker-chip')
    expect(chips.map((c) => c.get('strong').text())).toEqual(['Arujjwal Negi', 'Michael McCune'])
    expect(chips[1]!.get('.speaker-chip__affiliation').text()).toBe(', Red Hat')
    expect(chips[1]!.get('.speaker-chip__affiliation').attributes('lang')).toBe('zh-cn')
    expect(chips[0]!.find('.speaker-chip__affiliation').exists()).toBe(false)
    harness.wrapper.unmount()
    const plain = makeInterview()
    plain.sections[0]!.blocks = []
    harness = await mountReader(ReaderHeader, '/seed', { interview: plain })
    expect(harness.wrapper.findAll('.speaker-chip strong').map((s) => s.text())).toEqual(['Arujjwal', 'Michael'])
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
