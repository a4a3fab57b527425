const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/

/**
 * Remove HTML comments (`<!-- … -->`, also opened as `<!---`) from Markdown, keeping every newline so
 * line numbers stay those of the file. Kubernetes translations keep the English original inside such
 * comments; reading it would duplicate every turn. Comments inside fenced code are code, not comments.
 * An unclosed comment runs to the end of the file, as it does in HTML.
 */
export function stripHtmlComments(markdown: string): string {
  if (!markdown.includes('<!--')) return markdown
  const lines = markdown.split('\n')
  let fence: string | null = null
  let inComment = false
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? ''
    if (!inComment) {
      if (fence !== null) {
        if (line.trimStart().startsWith(fence)) fence = null
        continue
      }
      const open = FENCE_OPEN.exec(line)
      if (open?.[1]) {
        fence = open[1]
        continue
      }
    }
    let out = ''
    let pos = 0
    while (pos < line.length) {
      if (inComment) {
        const end = line.indexOf('-->', pos)
        if (end === -1) {
          pos = line.length
        } else {
          inComment = false
          pos = end + 3
        }
      } else {
        const start = line.indexOf('<!--', pos)
        if (start === -1) {
          out += line.slice(pos)
          pos = line.length
        } else {
          out += line.slice(pos, start)
          inComment = true
          pos = start + 4
        }
      }
    }
    line = out
    lines[i] = line
  }
  return lines.join('\n')
}
