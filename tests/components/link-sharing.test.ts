import { describe, expect, it, vi } from 'vitest'
import { useLinkSharing } from '../../src/composables/use-link-sharing'

function fakeNavigator(over: Partial<Navigator>): Navigator {
  return { clipboard: { writeText: vi.fn(async () => undefined) }, ...over } as unknown as Navigator
}

describe('useLinkSharing', () => {
  it('copies to the clipboard', async () => {
    const nav = fakeNavigator({})
    expect(await useLinkSharing({ navigator: nav }).copy('https://x/a#turn-1')).toBe('copied')
    expect(nav.clipboard.writeText).toHaveBeenCalledWith('https://x/a#turn-1')
  })
  it('falls back to copying when Web Share is missing, and says so', async () => {
    const nav = fakeNavigator({})
    const sharing = useLinkSharing({ navigator: nav })
    expect(sharing.canShare).toBe(false)
    expect(await sharing.share('https://x/a', 'A')).toBe('copied-instead')
  })
  it('uses Web Share when present and treats a closed sheet as cancelled', async () => {
    const share = vi.fn(async () => undefined)
    expect(await useLinkSharing({ navigator: fakeNavigator({ share }) }).share('https://x/a', 'A')).toBe('shared')
    expect(share).toHaveBeenCalledWith({ url: 'https://x/a', title: 'A' })
    const abort = vi.fn(async () => {
      throw new DOMException('closed', 'AbortError')
    })
    expect(await useLinkSharing({ navigator: fakeNavigator({ share: abort }) }).share('https://x/a', 'A')).toBe('cancelled')
  })
  it('reports a failed copy', async () => {
    const nav = fakeNavigator({ clipboard: { writeText: async () => Promise.reject(new Error('denied')) } as unknown as Clipboard })
    expect(await useLinkSharing({ navigator: nav }).copy('u')).toBe('failed')
  })
})
