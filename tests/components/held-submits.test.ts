import { afterEach, describe, expect, it, vi } from 'vitest'
import { loaderScript } from '../../src/node/paint-first'
import { HELD_SUBMITS, replayHeldSubmits } from '../../src/ssr/hydration'

/** Runs the paint-first loader as the prerendered page does (its script body, in this window). */
function runLoader(): void {
  const html = loaderScript('data:text/javascript,', [])
  new Function(html.replace(/^<script>|<\/script>$/g, ''))()
}

function pasteForm(): { form: HTMLFormElement; textarea: HTMLTextAreaElement } {
  document.body.innerHTML = '<form><textarea>**A**: Why?</textarea><button type="submit">Open</button></form>'
  return { form: document.querySelector('form')!, textarea: document.querySelector('textarea')! }
}

afterEach(() => {
  replayHeldSubmits(window)
  delete (window as unknown as Record<string, unknown>)[HELD_SUBMITS]
  vi.useRealTimers()
})

describe('forms submitted before the app is there', () => {
  it('are held (no navigation) and submitted again to the app once it is ready', () => {
    vi.useFakeTimers()
    runLoader()
    const { form } = pasteForm()
    const early = new Event('submit', { bubbles: true, cancelable: true })
    form.dispatchEvent(early)
    expect(early.defaultPrevented).toBe(true)
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))

    // The app is there: its handler cancels the submit itself and takes the text.
    const received: string[] = []
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      received.push(form.querySelector('textarea')!.value)
    })
    replayHeldSubmits(window)
    expect(received).toEqual(['**A**: Why?'])
  })

  it('stops holding once the app took over: later submits are the app’s alone', () => {
    vi.useFakeTimers()
    runLoader()
    const { form } = pasteForm()
    replayHeldSubmits(window)
    const later = new Event('submit', { bubbles: true, cancelable: true })
    form.dispatchEvent(later)
    expect(later.defaultPrevented).toBe(false)
  })

  it('leaves a submit the app already handled alone (no second submit later)', () => {
    vi.useFakeTimers()
    runLoader()
    const { form } = pasteForm()
    let handled = 0
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      handled++
    })
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
    replayHeldSubmits(window)
    expect(handled).toBe(1)
  })
})
