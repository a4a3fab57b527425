/**
 * Paint first, then hydrate: how a prerendered page (src/node/prerender-plugin.ts) loads its CSS and
 * its JavaScript. Pure string functions over the built HTML, tested in tests/unit/paint-first.test.ts.
 *
 * - The stylesheet is inlined (`<style>`): the page can paint from its HTML alone, without waiting
 *   one more round trip for a render-blocking `<link rel="stylesheet">` (~5 kB gzip, once per page).
 * - The app (module entry and its modulepreloads) is requested only after the first contentful
 *   paint. The page is complete and readable without JavaScript; hydration adds behaviour, not
 *   content. A module script that arrives before the first frame (fast network, slow phone) runs
 *   first and holds the paint back for the whole hydration; requested after the paint, it cannot.
 *   Lighthouse's simulated throttling counts every request that ended before the LCP as part of
 *   the LCP, which is why the bench's LCP was 2.2× the static page's with a 72 kB entry.
 * - A page small enough to arrive in the first round trip holds its first paint until its footer
 *   is parsed (`<link rel="expect" blocking="render">`, see `holdPaintUntilParsed`).
 * 404.html (the shell for other paths, mounted from scratch) keeps the plain tags: without the app
 * it shows nothing, so there is nothing to paint first.
 */
import { gzipSync } from 'node:zlib'
import { HELD_SUBMITS } from '../ssr/hydration'

/** What a page loads: module entry, modulepreloads and stylesheets, as written in the HTML. */
export interface PageAssets {
  entry: string | null
  preloads: string[]
  styles: string[]
}

const ENTRY = /\s*<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g
const PRELOAD = /\s*<link rel="modulepreload"[^>]*\shref="([^"]+)"[^>]*>/g
const STYLE = /\s*<link rel="stylesheet"[^>]*\shref="([^"]+)"[^>]*>/g

export function pageAssets(html: string): PageAssets {
  const entries = [...html.matchAll(ENTRY)].map((m) => m[1] as string)
  if (entries.length > 1) throw new Error(`expected one module entry, found ${entries.length}: ${entries.join(', ')}`)
  return {
    entry: entries[0] ?? null,
    preloads: [...html.matchAll(PRELOAD)].map((m) => m[1] as string),
    styles: [...html.matchAll(STYLE)].map((m) => m[1] as string),
  }
}

/** If no first contentful paint is ever reported (a browser that never sends it), load anyway. */
const FALLBACK_MS = 3000

/**
 * Loads `entry` (after its `preloads`) once the first contentful paint is reported, or at once in
 * a tab that is hidden (it does not paint until shown), or after FALLBACK_MS at the latest; in
 * every case not before the whole HTML is parsed. A long page paints its first screen while the
 * rest is still arriving, and a module script added by a script runs as soon as it loads: hydrating
 * a half-parsed page would see a mismatch and rebuild it. `paint` entries are reported after the
 * frame is presented; the extra task keeps the request out of that frame's work.
 *
 * Until the app takes over, a form submitted on the page ("Open pasted text") is held, not sent:
 * sent natively it would reload the page and lose what was typed. A submit the app handled is
 * already cancelled and is left alone. The app takes the held forms (`window[HELD_SUBMITS]()`,
 * which also stops the holding) and submits them again once it is hydrated (src/ssr/hydration.ts).
 */
export function loaderScript(entry: string, preloads: readonly string[]): string {
  const args = [JSON.stringify(entry), JSON.stringify(preloads)].map((s) => s.replace(/</g, '\\u003c')).join(',')
  const holdSubmits =
    `var q=[];function h(v){if(v.defaultPrevented)return;v.preventDefault();if(q.indexOf(v.target)<0)q.push(v.target)}` +
    `d.addEventListener('submit',h);window.${HELD_SUBMITS}=function(){d.removeEventListener('submit',h);return q};`
  return `<script>(function(d,e,p){${holdSubmits}var n=0;function go(){if(d.readyState=='loading'){d.addEventListener('DOMContentLoaded',go);return}if(n++)return;p.forEach(function(h){var l=d.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=h;d.head.appendChild(l)});var s=d.createElement('script');s.type='module';s.crossOrigin='';s.src=e;d.head.appendChild(s)}function later(){setTimeout(go)}` +
    `setTimeout(go,${FALLBACK_MS});if(d.visibilityState=='hidden')go();else if((window.PerformanceObserver&&PerformanceObserver.supportedEntryTypes||[]).indexOf('paint')<0)requestAnimationFrame(later);` +
    `else new PerformanceObserver(function(l){if(l.getEntriesByName('first-contentful-paint').length)later()}).observe({type:'paint',buffered:true})` +
    `})(document,${args})</script>`
}

/** The element that ends every page (App.vue's footer). */
export const PAGE_END_ID = 'parley-footer'
/**
 * What a server can send before its first acknowledgement: TCP's initial window of 10 segments
 * (RFC 6928), about 14 kB.
 */
export const FIRST_ROUND_TRIP_BYTES = 14_000

/**
 * Chromium paints a page as soon as its parser yields, and it yields after a long `<head>` (the
 * inlined CSS and the theme script): the first frame then lays out an empty body, and the whole
 * conversation is laid out in one long task after the first paint, where it blocks input. Holding
 * the paint until the footer is parsed makes the first frame the whole page, as on a small static
 * page. Only when the compressed page fits in the first round trip: then its bytes all arrive
 * together and the hold costs no network time. A longer page keeps painting its top while the
 * rest downloads.
 */
export function holdPaintUntilParsed(html: string): string {
  if (!html.includes(`id="${PAGE_END_ID}"`) || gzipSync(html).length > FIRST_ROUND_TRIP_BYTES) return html
  return html.replace(/<head>/, () => `<head>\n    <link rel="expect" href="#${PAGE_END_ID}" blocking="render" />`)
}

/**
 * The page with its stylesheets inlined (`css(href)` returns a stylesheet's text) and its module
 * entry and modulepreloads replaced by `loaderScript`, in the entry's place.
 */
export function paintFirst(html: string, css: (href: string) => string): string {
  const { entry, preloads } = pageAssets(html)
  let out = html.replace(STYLE, (tag, href: string) => {
    const text = css(href)
    if (/<\/style/i.test(text)) throw new Error(`${href} contains "</style"`)
    return `${/^\s*/.exec(tag)?.[0] ?? ''}<style>${text.trim()}</style>`
  })
  if (!entry) return out
  out = out.replace(PRELOAD, '')
  return holdPaintUntilParsed(out.replace(ENTRY, (tag) => `${/^\s*/.exec(tag)?.[0] ?? ''}${loaderScript(entry, preloads)}`))
}
