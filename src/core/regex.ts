/**
 * Every match of a global pattern, like `text.matchAll(re)` without its per-call copy of the
 * pattern: `matchAll` clones the RegExp, which for the large Unicode patterns of the hint and
 * speaker rules costs more than the matching itself on a short intro.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global pattern: ${re}`)
  const out: RegExpExecArray[] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m)
    // An empty match would repeat forever; step past it (by code point for Unicode patterns).
    if (m[0] === '') re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1
  }
  re.lastIndex = 0
  return out
}
