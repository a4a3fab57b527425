/**
 * The "fast as a static page" baseline for `bench/lighthouse.ts`: an interview rendered once, at
 * bench time, into one plain semantic HTML page (header, sections, one <article> per turn with the
 * speaker's name) with a little inline CSS and no JavaScript. Same text as the reader shows, from
 * the same parser (`parseInterview`), so the app can be compared against the best case.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseInterview } from '../src/core/parse'
import type { Interview } from '../src/core/types'
import { ROOT, SEED_FILE, run } from './util'

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** `zh-cn` → `zh-CN` (BCP 47 casing). */
const langTag = (lang: string): string => lang.replace(/-([a-z]{2})$/i, (_, region: string) => `-${region.toUpperCase()}`)

const CSS = `
:root{color-scheme:light dark;--fg:#1b1b1f;--bg:#fff;--muted:#55555d;--line:#d9d9e0;--accent:#1d4ed8}
@media (prefers-color-scheme:dark){:root{--fg:#ececf1;--bg:#16161a;--muted:#b4b4bf;--line:#34343c;--accent:#93b4ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.7 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 4rem}
h1{font-size:1.75rem;line-height:1.3;margin:0 0 .5rem}
h2{font-size:1.3rem;margin:2.5rem 0 1rem;padding-top:.5rem;border-top:1px solid var(--line)}
.byline{color:var(--muted);margin:0 0 1.5rem}
article{margin:0 0 1.25rem;padding-left:.9rem;border-left:3px solid var(--line)}
article.interviewer{border-left-color:var(--accent)}
.speaker{display:block;font-weight:700;margin:0 0 .25rem}
a{color:var(--accent)}
pre,code{font-family:ui-monospace,monospace;font-size:.9em}
pre{overflow-x:auto;padding:.75rem;border:1px solid var(--line)}
img{max-width:100%;height:auto}
`.trim()

export function renderStaticPage(interview: Interview): string {
  const names = new Map(interview.speakers.map((s) => [s.id, s.name]))
  const { meta } = interview
  const byline = [
    meta.authors.length > 0 ? meta.authors.join(', ') : null,
    meta.date ? `<time datetime="${escape(meta.date)}">${escape(meta.date.slice(0, 10))}</time>` : null,
  ].filter((part) => part !== null)
  const description = meta.description ?? `${meta.title}: ${interview.speakers.map((s) => s.name).join(', ')}`
  const sections = interview.sections.map((section) => {
    const blocks = section.blocks.map((block) => {
      if (block.kind === 'narration') return `<div class="narration">${block.html}</div>`
      const name = names.get(block.speaker) ?? block.label ?? block.speaker
      return `<article id="${escape(block.id)}" class="${block.role}" aria-labelledby="${escape(block.id)}-speaker">` +
        `<span class="speaker" id="${escape(block.id)}-speaker">${escape(name)}</span>${block.html}</article>`
    })
    const heading = section.title === null ? '' : `<h2 id="${escape(section.id)}">${escape(section.title)}</h2>`
    return `<section>${heading}\n${blocks.join('\n')}</section>`
  })
  return `<!doctype html>
<html lang="${escape(langTag(interview.lang))}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escape(description)}">
<title>${escape(meta.title)}</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
</head>
<body>
<main>
<header><h1>${escape(meta.title)}</h1>${byline.length > 0 ? `<p class="byline">${byline.join(' · ')}</p>` : ''}</header>
${sections.join('\n')}
</main>
</body>
</html>
`
}

/** Build the app into `outDir` and write the static render of the seed beside it (`/static-seed.html`). */
export async function buildWithStaticSeed(outDir: string): Promise<void> {
  console.log(`Building the app into ${outDir} …`)
  await run('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { quiet: true })
  const parsed = parseInterview(readFileSync(SEED_FILE, 'utf8'), { file: path.basename(SEED_FILE) })
  if (!parsed.ok) throw new Error(`seed article does not parse: ${parsed.error.message}`)
  writeFileSync(path.join(ROOT, outDir, 'static-seed.html'), renderStaticPage(parsed.interview))
}
