/**
 * The export buttons: the exporter loads on first click (a dynamic import), downloads the filtered
 * view, and says so plainly when it cannot be loaded.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import ExportMenu from '../../src/components/ExportMenu.vue'
import type { ExportFile } from '../../src/core/reader/export'
import { makeInterview } from './fixture'
import { parseInterview } from '../../src/core/parse'
import { mountReader, type Harness } from './harness'

const saved: ExportFile[] = []
vi.mock('../../src/composables/use-download', () => ({ download: (file: ExportFile) => saved.push(file) }))

let harness: Harness | undefined
afterEach(() => {
  harness?.wrapper.unmount()
  saved.length = 0
  vi.doUnmock('../../src/core/reader/export')
  vi.resetModules()
})

const button = (name: string) => harness!.wrapper.findAll('button').find((b) => b.text() === name)!

describe('ExportMenu', () => {
  it('downloads the filtered view as Markdown with its speakers block, and as JSON', async () => {
    harness = await mountReader(ExportMenu, '/seed?speaker=michael', { interview: makeInterview() })
    await button('Markdown').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0]).toMatchObject({ name: 'seed.md', type: 'text/markdown;charset=utf-8' })
    expect(saved[0]!.text).toContain('parley:\n  speakers:\n    - name: "Michael"\n      role: interviewee\n---')
    expect(saved[0]!.text.match(/^\*\*Michael\*\*: /gm)).toHaveLength(4)
    expect(saved[0]!.text).not.toContain('**Arujjwal**')

    await button('JSON').trigger('click')
    await vi.waitFor(() => expect(saved).toHaveLength(2))
    expect(JSON.parse(saved[1]!.text).speakers.map((s: { id: string }) => s.id)).toEqual(['michael'])
    expect(harness.wrapper.get('[role="alert"]').text()).toBe('')
  })

  it('writes a side nobody names by the UI word for its role, which the file then declares as its speaker', async () => {
    const parsed = parseInterview('---\ntitle: "Talk"\nslug: talk\n---\n\n**Why docs?**\n\nBecause.\n\n**And tests?**\n\nThose too.\n')
    if (!parsed.ok) throw new Error(parsed.error.message)
    harness = await mountReader(ExportMenu, '/talk', { interview: parsed.interview })
    harness.store.setInterview(parsed.interview)
    await button('Markdown').trigger('click')
    await vi.waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0]!.text).toContain('    - name: "采访者"\n      role: interviewer\n      aliases: ["interviewer"]\n    - name: "受访者"\n      role: interviewee\n')
    expect(saved[0]!.text).toContain('**采访者**: **Why docs?**\n\n**受访者**: Because.')
  })

  it('says the export could not be loaded when its chunk fails, and downloads nothing', async () => {
    vi.doMock('../../src/core/reader/export', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    harness = await mountReader(ExportMenu, '/seed', { interview: makeInterview() })
    await button('Markdown').trigger('click')
    await vi.waitFor(() => expect(harness!.wrapper.get('[role="alert"]').text()).toBe('无法加载导出功能（是否离线？）。请联网后重试。'))
    expect(saved).toHaveLength(0)
  })
})
