/**
 * A speaker's look (name, initials, colour) and the page's one style rule per speaker: what the
 * reader's frame computes in the entry chunk, apart from the turn markup that only the sections'
 * code renders (turn-vnode.ts).
 */

/** How a speaker's turns look, worked out once per speaker (not once per turn). */
export interface SpeakerLook {
  name: string
  initials: string
  colour: number
}

/** Two Latin initials (`Michael McCune` → `MM`), or the first character of a CJK name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  const first = [...(words[0] ?? '')][0] ?? '?'
  if (/\p{Script=Han}/u.test(first)) return first
  const second = words.length > 1 ? [...(words[words.length - 1] ?? '')][0] ?? '' : ''
  return (first + second).toUpperCase()
}

/** A CSS string or attribute value, every character outside [A-Za-z0-9_-] as a hex escape. */
export function cssString(value: string): string {
  let out = ''
  for (const ch of value) out += /[\w-]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `
  return `"${out}"`
}

/**
 * Each speaker's initials for their turns' avatars (`.turn > header::before`), one rule per
 * speaker instead of an element per turn. Names and ids come from the article: every character
 * is escaped, so nothing in them can end the string or the style element.
 */
export function speakerRulesCss(looks: ReadonlyMap<string, SpeakerLook>): string {
  return [...looks].map(([id, look]) => `.turn[data-speaker=${cssString(id)}]>header::before{content:${cssString(look.initials)}/""}`).join('')
}
