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

/**
 * One pass over the line: every search starts where the last one stopped, so the work is linear in
 * the line's length however many comments and code spans it holds.
 */
function stripLine(line: string, startsInComment: boolean): { text: string; inComment: boolean } {
  let inComment = startsInComment
  let out = ''
  let pos = 0
  const spans = codeSpans(line)
  let start = -2
  let tick = -2
  while (pos < line.length) {
    if (inComment) {
      const end = line.indexOf('-->', pos)
      if (end === -1) return { text: out, inComment: true }
      inComment = false
      pos = end + 3
      continue
    }
    // A found position stays valid until `pos` passes it.
    if (start !== -1 && start < pos) start = line.indexOf('<!--', pos)
    if (tick !== -1 && tick < pos) tick = line.indexOf('`', pos)
    if (start === -1) {
      out += line.slice(pos)
      break
    }
    if (tick !== -1 && tick < start) {
      // Copy a code span whole: `<!--` inside backticks is text.
      const spanEnd = spans.endOf(tick)
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

/**
 * Code spans of one line, as CommonMark closes them: a backtick run is closed by the next run of the
 * same length. The runs are listed once, grouped by length, and each group is searched forward from
 * where its last search ended (openings only move forward), so a line of unclosed runs stays linear.
 */
function codeSpans(line: string): { endOf: (start: number) => number } {
  const runsByLength = new Map<number, number[]>()
  for (let i = line.indexOf('`'); i !== -1; ) {
    let end = i
    while (line[end] === '`') end++
    const runs = runsByLength.get(end - i) ?? []
    runs.push(i)
    runsByLength.set(end - i, runs)
    i = line.indexOf('`', end)
  }
  const cursor = new Map<number, number>()
  return {
    /** End of the code span opened by the backtick run at `start`, or just past the run when unclosed. */
    endOf(start: number): number {
      let runEnd = start
      while (line[runEnd] === '`') runEnd++
      const length = runEnd - start
      const runs = runsByLength.get(length) ?? []
      let i = cursor.get(length) ?? 0
      while (i < runs.length && (runs[i] as number) <= start) i++
      cursor.set(length, i)
      const close = runs[i]
      return close === undefined ? runEnd : close + length
    },
  }
}
