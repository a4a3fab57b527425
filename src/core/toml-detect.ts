/** The text opens with `+++` TOML front matter (after a byte-order mark or blank lines): load the TOML reader. */
export function needsToml(source: string): boolean {
  return /^\uFEFF?(?:[ \t]*\r?\n){0,3}\+\+\+[ \t]*\r?\n/.test(source.slice(0, 64))
}
