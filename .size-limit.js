// Size budgets, checked by `npm run size` (part of `npm test`, after `vite build`) on dist/.
// Sizes are gzip (kB = 1000 bytes). Limits are the size when set plus 7-10% headroom: initial JS
// 70.3 → 76 (was 71.7 → 78 before the theme toggle dropped useDark), seed data 3.45 → 3.8, parser
// 69.0 → 74, worker 69.2 → 74, yaml 30.0 → 32.5, CSS 4.53 → 4.9 (the file serves 404.html;
// prerendered pages carry the same CSS inline). Raise one only on purpose, in the commit that needs it.
// Parser and worker 74 → 86: issue 13 puts the inline-HTML allowlist (js-xss), footnotes, definition
// lists and Hugo shortcodes in this lazy chunk (+3.2 kB after stubbing 8.8 kB of code it never runs),
// and issue 12's format rules add ~6 kB of parser; TOML (smol-toml, 5.2 kB) loads only for `+++`
// files. Measured 80.4 / 80.6 kB when raised.
// Initial JS 76 → 59 kB (issue 16): the reader's parts load their code as hydration reaches them
// (src/components/lazy-parts.ts), measured 56.4 kB. The goal is '45 KiB' (46.08 kB): what remains
// is Vue + vue-router + Pinia (~40 kB with the directives the lazy parts use, which tree-shaking
// leaves in the shared runtime chunk), the Chinese UI strings (2.9 kB, measured without them) and
// the reader store, page frame and hydration code.
// Initial JS 59 → 61 kB and CSS 4.9 → 5.0 kB when issue 14 merged on top of it (question index and
// outline, collapsed turns, toast, speaker lookup by name in the store; the pinned question is lazy):
// measured 59.86 kB and 4.91 kB. Next cuts, measured by the issue-16 work: Chinese UI strings loaded
// only for a Chinese reader (−2.9 kB), a smaller store than Pinia (−2.65 kB).
// Initial JS 61 → 55 kB and CSS 5.0 → 4.9 kB (issue 16, measured 53.17 kB and 4.89 kB): Chinese UI
// strings load only for a Chinese reader (−3.07), the strings of the features for opened files with
// those features (−1.15), no v-model on select/checkbox (Vue's directives left the entry), @vueuse and
// the shortcut code out of the entry, dynamic imports without Vite's preload helper (−0.4); CSS lost
// declarations that restated what applies anyway. What remains: Vue + vue-router + Pinia ~40 kB,
// the reader store, page frame and hydration code ~13 kB; 45 KiB needs those parts lazy as well.
// Initial JS 55 → 52 kB (issue 16, measured 50.34 kB): Vue's own hydrateOnIdle instead of the slice
// scheduler (−0.2), quote actions in place instead of Vue's Teleport (−0.9), the parts' UI strings
// with the parts (−1.3), the interview summaries in their own module (−0.75: only the list page,
// translations and the local store read them), a speaker's look apart from format.ts and the turn
// markup (−0.55). What remains, measured by minifying and gzipping each package's code from the
// entry and runtime chunks on its own (scaled to the real total): Vue 27.5 kB (runtime-core,
// reactivity, runtime-dom and shared, with what the lazy parts use of them: a module is not split
// between chunks), vue-router 9.5 kB, Pinia 2.7 kB, together ~39.7 kB; the app ~11 kB: the reader
// store 1.0, main.ts 0.7, lazy hydration 0.8, ReaderPage 0.65, URL state 0.55, Vite's preload helper
// 0.5 (wraps every dynamic import even with no dependencies to preload), i18n 0.5, turn links 0.45,
// the other composables and the router's setup ~5. 45 KiB (46.08 kB) leaves 6.4 kB beside the
// three libraries: the page frame's own behaviours (turn links, active section, reading position,
// collapsed turns) would have to load after hydration too.
// Parser and worker 86 → 84 kB: section slugs use Unicode property classes instead of github-slugger's
// generated 3 kB class (same slugs; tests/unit/ids.test.ts), measured 80.7 / 82.0 kB.
import { existsSync, readFileSync } from 'node:fs'

const DIST = process.env.PARLEY_SIZE_DIST ?? 'dist'
if (!existsSync(`${DIST}/404.html`)) throw new Error(`${DIST}/404.html is missing: run \`npm run build\` first`)
// The shell's tags: prerendered pages load the same entry and modulepreloads, after their first
// paint (src/node/paint-first.ts), from an inline loader instead of tags.
const html = readFileSync(`${DIST}/404.html`, 'utf8')
// What the app loads before it can run: its module scripts and their modulepreloads
// (tests/unit/bundle.test.ts checks this set is closed under static imports).
const initial = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)]
  .map((m) => `${DIST}/${m[1].slice(m[1].indexOf('assets/'))}`)

export default [
  { name: 'reader: initial JavaScript (entry + eager imports)', path: initial, gzip: true, limit: '52 kB' },
  { name: 'built-in interview data (seed chunk)', path: `${DIST}/assets/sig-cloud-provider-spotlight-2024-*.js`, gzip: true, limit: '3.8 kB' },
  { name: 'lazy parser for opened files (markdown-it)', path: `${DIST}/assets/parse-*.js`, gzip: true, limit: '84 kB' },
  { name: 'parser worker (big files)', path: `${DIST}/assets/parse.worker-*.js`, gzip: true, limit: '84 kB' },
  { name: 'Fix speakers front-matter rewrite (yaml)', path: `${DIST}/assets/speakers-block-*.js`, gzip: true, limit: '32.5 kB' },
  { name: 'CSS', path: `${DIST}/assets/*.css`, gzip: true, limit: '4.9 kB' },
]
