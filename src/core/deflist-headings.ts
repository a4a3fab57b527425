/**
 * markdown-it-deflist takes any line followed by `: …` as a term while a list runs, even an ATX heading
 * (`#### Ruby and me` above `: ![photo](…)`): the topic heading would become a speaker's name. This
 * rule, run on the block tokens before inline parsing, ends the list at such a term, makes it the
 * heading it is written as, and lets what it "defines" stand as ordinary blocks; the list resumes
 * after it.
 */
import type { StateCore, Token } from 'markdown-it'

const ATX = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/

export function headingTerms(state: StateCore): void {
  const tokens = state.tokens
  if (!tokens.some((t) => t.type === 'dt_open' && t.level === 1)) return
  const out: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i] as Token
    const inline = tokens[i + 1]
    const heading = open.type === 'dt_open' && open.level === 1 && inline?.type === 'inline' ? ATX.exec(inline.content) : null
    if (!heading) {
      out.push(open)
      continue
    }
    // Close the list before the heading (or drop it, when the heading was its first term).
    if (out[out.length - 1]?.type === 'dl_open') out.pop()
    else out.push(new state.Token('dl_close', 'dl', -1))
    const level = (heading[1] as string).length
    const headingOpen = new state.Token('heading_open', `h${level}`, 1)
    headingOpen.markup = heading[1] as string
    headingOpen.map = open.map
    headingOpen.block = true
    const text = new state.Token('inline', '', 0)
    text.content = heading[2] as string
    text.map = open.map
    text.children = []
    text.level = 1
    const headingClose = new state.Token('heading_close', `h${level}`, -1)
    headingClose.markup = heading[1] as string
    headingClose.block = true
    out.push(headingOpen, text, headingClose)
    i += 2 // past the term's inline and dt_close
    // The definitions under it become top-level blocks.
    while (tokens[i + 1]?.type === 'dd_open') {
      i += 2
      for (; tokens[i] && !(tokens[i]?.type === 'dd_close' && tokens[i]?.level === 1); i++) {
        const inner = tokens[i] as Token
        inner.level -= 2
        // A tight list hides its paragraphs' tags; outside the list they are paragraphs again.
        if (inner.type === 'paragraph_open' || inner.type === 'paragraph_close') inner.hidden = false
        out.push(inner)
      }
    }
    // The list goes on with the next term, or it ended here.
    if (tokens[i + 1]?.type === 'dl_close') i++
    else out.push(Object.assign(new state.Token('dl_open', 'dl', 1), { block: true }))
  }
  state.tokens = out
}
