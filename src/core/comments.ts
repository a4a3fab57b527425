import MarkdownIt from 'markdown-it'

/**
 * A block-level pass with HTML on finds where code is (fences, indented code, also inside quotes and
 * lists) exactly as CommonMark does; inline parsing is skipped because only line ranges matter.
 */
const blockScanner = new MarkdownIt({ html: true })
blockScanner.core.ruler.disable(['inline', 'text_join'])

function codeLines(markdown: string): Set<number> {
  const lines = new Set<number>()
  for (const token of blockScanner.parse(markdown, {})) {
    if ((token.type === 'fence' || token.type === 'code_block') && token.map) {
      for (let line = token.map[0]; line < token.map[1]; line++) lines.add(line)
    }
  }
  return lines
}

/**
 * Remove HTML comments (`<!-- … -->`, also opened as `<!---`) from Markdown, keeping every newline so
 * line numbers stay those of the file. Kubernetes translations keep the English original inside such
 * comments; reading it would duplicate every turn. `<!--` inside code (blocks or inline spans) is code.
 * An unclosed comment runs to the end of the file, as it does in HTML.
 */
export function stripHtmlComments(markdown: string): string {
  if (!markdown.includes('<!--')) return markdown
  const code = codeLines(markdown)
  const lines = markdown.split('\n')
  let inComment = false
  for (let i = 0; i < lines.length; i++) {
    if (!inComment && code.has(i)) continue
    const result = stripLine(lines[i] ?? '', inComment)
    lines[i] = result.text
    inComment = result.inComment
  }
  return lines.join('\n')
}

function stripLine(line: string, startsInComment: boolean): { text: string; inComment: boolean } {
  let inComment = startsInComment
  let out = ''
  let pos = 0
  while (pos < line.length) {
    if (inComment) {
      const end = line.indexOf('-->', pos)
      if (end === -1) return { text: out, inComment: true }
      inComment = false
      pos = end + 3
      continue
    }
    const start = line.indexOf('<!--', pos)
    const tick = line.indexOf('`', pos)
    if (start === -1) {
      out += line.slice(pos)
      break
    }
    if (tick !== -1 && tick < start) {
      // Copy a code span whole: `<!--` inside backticks is text.
      const spanEnd = codeSpanEnd(line, tick)
      out += line.slice(pos, spanEnd)
      pos = spanEnd
      continue
    }
    out += line.slice(pos, start)
    inComment = true
    pos = start + 4
  }
  return { text: out, inComment }
}

/** End of the code span opened by the backtick run at `start`, or just past the run when unclosed. */
function codeSpanEnd(line: string, start: number): number {
  let runEnd = start
  while (line[runEnd] === '`') runEnd++
  const fence = line.slice(start, runEnd)
  let search = runEnd
  while (search < line.length) {
    const next = line.indexOf(fence, search)
    if (next === -1) break
    let after = next + fence.length
    if (line[after] !== '`' && line[next - 1] !== '`') return after
    while (line[after] === '`') after++
    search = after
  }
  return runEnd
}
