/** `{{< highlight go "linenos=table" >}}…{{< /highlight >}}`: a fenced code block in that language. */
import type { ShortcodeRule } from './rule'

const LANGUAGE = /^[\w+#.-]{1,30}$/

export const highlight: ShortcodeRule = {
  container(state, call, inner, _innerLine, map) {
    const fence = state.push('fence', 'code', 0)
    const language = call.positional[0] ?? call.named.lang ?? ''
    fence.info = LANGUAGE.test(language) ? language : ''
    fence.markup = '```'
    fence.map = map
    const code = inner.replace(/^[ \t]*\n/, '').replace(/\n[ \t]*$/, '')
    fence.content = code ? `${code}\n` : ''
  },
}
