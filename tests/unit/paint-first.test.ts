import { describe, expect, it, vi } from 'vitest'
import { FIRST_ROUND_TRIP_BYTES, PAGE_END_ID, holdPaintUntilParsed, loaderScript, pageAssets, paintFirst } from '../../src/node/paint-first'

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <title>Parley</title>
    <script>
      document.documentElement.classList.add('dark')
    </script>
    <script type="module" crossorigin src="/base/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/base/assets/vendor-B.js">
    <link rel="stylesheet" crossorigin href="/base/assets/index-C.css">
  </head>
  <body><div id="app" data-prerendered="/"><p>hi</p></div></body>
</html>`

describe('paintFirst', () => {
  it('reads the entry, modulepreloads and stylesheets of a page', () => {
    expect(pageAssets(TEMPLATE)).toEqual({
      entry: '/base/assets/index-A.js',
      preloads: ['/base/assets/vendor-B.js'],
      styles: ['/base/assets/index-C.css'],
    })
  })

  it('inlines the stylesheet and replaces the entry and preloads by one loader; the rest is kept', () => {
    const css = vi.fn(() => '.a{color:red}\n')
    const page = paintFirst(TEMPLATE, css)
    expect(css).toHaveBeenCalledWith('/base/assets/index-C.css')
    expect(page).toContain('<style>.a{color:red}</style>')
    expect(pageAssets(page)).toEqual({ entry: null, preloads: [], styles: [] })
    expect(page).toContain(loaderScript('/base/assets/index-A.js', ['/base/assets/vendor-B.js']))
    expect(page).toContain("document.documentElement.classList.add('dark')")
    expect(page).toContain('<div id="app" data-prerendered="/"><p>hi</p></div>')
  })

  it('refuses a stylesheet that would close the <style> element early, and a second entry', () => {
    expect(() => paintFirst(TEMPLATE, () => 'a{}</style><script>')).toThrow(/<\/style/)
    const two = TEMPLATE.replace('</head>', '<script type="module" src="/x.js"></script></head>')
    expect(() => pageAssets(two)).toThrow(/one module entry/)
  })

  it('a page without a module entry only gets its CSS inlined', () => {
    const page = paintFirst('<head><link rel="stylesheet" href="/a.css"></head>', () => 'b{}')
    expect(page).toBe('<head><style>b{}</style></head>')
  })
})

describe('holdPaintUntilParsed', () => {
  const EXPECT = `<link rel="expect" href="#${PAGE_END_ID}" blocking="render" />`
  const page = (body: string): string => TEMPLATE.replace('<p>hi</p>', `${body}<footer id="${PAGE_END_ID}">end</footer>`)

  it('holds the first paint of a page that fits in the first round trip until its footer is parsed', () => {
    const held = holdPaintUntilParsed(page('<p>short</p>'))
    expect(held).toContain(`<head>\n    ${EXPECT}`)
    expect(held.indexOf(EXPECT)).toBeLessThan(held.indexOf('<title>'))
    expect(paintFirst(page('<p>short</p>'), () => 'b{}')).toContain(EXPECT)
  })

  it('lets a longer page paint progressively, and a page without the footer as it is', () => {
    // Random text does not compress: well over the first round trip once gzipped.
    let random = ''
    for (let i = 0; random.length < FIRST_ROUND_TRIP_BYTES * 2; i++) random += ((i * 2654435761) % 4294967296).toString(36)
    expect(holdPaintUntilParsed(page(`<p>${random}</p>`))).toBe(page(`<p>${random}</p>`))
    expect(holdPaintUntilParsed(TEMPLATE)).toBe(TEMPLATE)
  })
})

/** Runs the loader's inline script against a minimal document, window and PerformanceObserver. */
function runLoader(options: { hidden?: boolean; paintTiming?: boolean; parsing?: boolean }) {
  const added: { tag: string; rel?: string; type?: string; src?: string; href?: string }[] = []
  const observers: ((list: { getEntriesByName: (name: string) => unknown[] }) => void)[] = []
  const frames: (() => void)[] = []
  const timers: (() => void)[] = []
  const fallbacks: (() => void)[] = []
  const listeners: Record<string, (() => void)[]> = {}
  const document = {
    readyState: options.parsing ? 'loading' : 'interactive',
    addEventListener: (type: string, listener: () => void) => (listeners[type] ??= []).push(listener),
    visibilityState: options.hidden ? 'hidden' : 'visible',
    createElement: (tag: string) => ({ tag }),
    head: { appendChild: (el: (typeof added)[number]) => added.push(el) },
  }
  class PerformanceObserver {
    static supportedEntryTypes = options.paintTiming === false ? ['navigation'] : ['navigation', 'paint']
    constructor(private readonly callback: (typeof observers)[number]) {}
    observe(init: { type: string; buffered: boolean }): void {
      expect(init).toEqual({ type: 'paint', buffered: true })
      observers.push(this.callback)
    }
  }
  const window = { PerformanceObserver }
  const source = /<script>([\s\S]*)<\/script>/.exec(loaderScript('/assets/index-A.js', ['/assets/v-B.js']))![1]!
  const run = new Function('document', 'window', 'PerformanceObserver', 'requestAnimationFrame', 'setTimeout', source)
  run(document, window, PerformanceObserver, (f: () => void) => frames.push(f), (f: () => void, ms = 0) => (ms > 0 ? fallbacks : timers).push(f))
  const paint = (name: string): void => observers.forEach((cb) => cb({ getEntriesByName: (n) => (n === name ? [{}] : []) }))
  const parsed = (): void => {
    document.readyState = 'interactive'
    listeners.DOMContentLoaded?.forEach((listener) => listener())
  }
  return { added, paint, frames, timers, fallbacks, parsed }
}

describe('the loader of a prerendered page', () => {
  it('requests nothing before the first contentful paint, then the preloads and the entry, once', () => {
    const page = runLoader({})
    expect(page.added).toEqual([])
    page.paint('first-paint')
    expect(page.timers).toHaveLength(0)
    page.paint('first-contentful-paint')
    expect(page.added).toEqual([])
    page.timers.forEach((t) => t())
    expect(page.added).toEqual([
      { tag: 'link', rel: 'modulepreload', crossOrigin: '', href: '/assets/v-B.js' },
      { tag: 'script', type: 'module', crossOrigin: '', src: '/assets/index-A.js' },
    ])
    page.paint('first-contentful-paint')
    page.timers.forEach((t) => t())
    expect(page.added).toHaveLength(2)
  })

  it('loads after the fallback delay when no first contentful paint is reported, and only once', () => {
    const page = runLoader({})
    expect(page.fallbacks).toHaveLength(1)
    page.fallbacks.forEach((f) => f())
    expect(page.added.map((el) => el.tag)).toEqual(['link', 'script'])
    page.paint('first-contentful-paint')
    page.timers.forEach((t) => t())
    expect(page.added).toHaveLength(2)
  })

  it('waits for the whole HTML to be parsed before loading, so it never hydrates half a page', () => {
    const page = runLoader({ parsing: true })
    page.paint('first-contentful-paint')
    page.timers.forEach((t) => t())
    page.fallbacks.forEach((f) => f())
    expect(page.added).toEqual([])
    page.parsed()
    expect(page.added.map((el) => el.tag)).toEqual(['link', 'script'])
    expect(runLoader({ hidden: true, parsing: true }).added).toEqual([])
  })

  it('loads at once in a hidden tab (it does not paint until shown)', () => {
    expect(runLoader({ hidden: true }).added.map((el) => el.tag)).toEqual(['link', 'script'])
  })

  it('without paint timing, loads after the first frame', () => {
    const page = runLoader({ paintTiming: false })
    expect(page.added).toEqual([])
    page.frames.forEach((f) => f())
    page.timers.forEach((t) => t())
    expect(page.added.map((el) => el.tag)).toEqual(['link', 'script'])
  })
})
