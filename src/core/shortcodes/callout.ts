/**
 * `{{< note >}}…{{< /note >}}` (also `caution`, `warning`, and any other shortcode with content):
 * a framed box, its Markdown rendered inside. Known callouts get their title; others keep their name
 * as a quiet label, so nothing the author wrote is lost.
 */
import { pushBlocks, type ShortcodeRule } from './rule'

const TITLES: Record<string, string> = { note: 'Note', caution: 'Caution', warning: 'Warning' }

export function callout(known: boolean): ShortcodeRule {
  const rule: ShortcodeRule = {
    container(state, call, inner, innerLine, map) {
      const open = state.push('shortcode_box_open', 'div', 1)
      open.map = map
      open.info = known ? (TITLES[call.name] ?? call.name) : call.name
      open.attrs = [['class', known ? `callout callout-${call.name}` : 'shortcode-box'], ['role', 'note']]
      pushBlocks(state, inner, innerLine)
      state.push('shortcode_box_close', 'div', -1)
    },
  }
  // Inside a paragraph, a known callout's opening call becomes its bold title; its closing call goes.
  if (known) {
    rule.inline = (state, call) => {
      if (call.closing) return
      state.push('strong_open', 'strong', 1)
      state.push('text', '', 0).content = `${TITLES[call.name] ?? call.name}:`
      state.push('strong_close', 'strong', -1)
      state.push('text', '', 0).content = ' '
    }
  }
  return rule
}
