import { cleanSlug } from '../core/slug-rule'

/** `slug` cleaned (src/core/slug-rule.ts), then `slug-2`, `slug-3`… : every candidate in order, without end. */
export function* slugCandidates(slug: string): Generator<string, never> {
  const base = cleanSlug(slug)
  yield base
  for (let n = 2; ; n++) yield `${base}-${n}`
}

/** The first candidate for `slug` that is not taken. Nothing is overwritten silently. */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  const candidates = slugCandidates(slug)
  for (;;) {
    const { value } = candidates.next()
    if (!taken.has(value)) return value
  }
}
