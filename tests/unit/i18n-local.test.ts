/**
 * Only the strings the page's frame shows are in the entry (src/i18n/messages.ts). Those of the
 * features for opened files (messages-local.ts) join them when a module that imports
 * `src/i18n/local-strings.ts` loads, and those of the page's parts (messages-parts.ts) when a module
 * that imports `src/i18n/part-strings.ts` loads. A module that uses one without that import would
 * show nothing where the text should be.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/messages'
import { enLocal } from '../../src/i18n/messages-local'
import { enParts } from '../../src/i18n/messages-parts'

const SRC = path.resolve('src')
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((file) => /\.(ts|vue)$/.test(file))
  .map((file) => ({ file: file.split(path.sep).join('/'), code: readFileSync(path.join(SRC, file), 'utf8') }))
const keys = Object.keys(enLocal)
const usesLocalString = (code: string): boolean => keys.some((key) => code.includes(`'${key}'`))
const importsLocalStrings = (code: string): boolean => /import ['"][./]+(?:i18n\/)?local-strings['"]/.test(code)

describe('strings of the features for opened files', () => {
  it('are added by every module that uses them (or that calls one naming them)', () => {
    // src/local/describe.ts only names keys for a translate function its callers pass.
    const namesOnly = 'local/describe.ts'
    const users = sources.filter(({ file, code }) =>
      !file.startsWith('i18n/') && file !== namesOnly && (usesLocalString(code) || code.includes(`/${namesOnly.replace('.ts', '')}'`)))
    expect(users.length).toBeGreaterThan(3)
    expect(users.filter(({ code }) => !importsLocalStrings(code)).map(({ file }) => file)).toEqual([])
  })

  it('are no key of the reader’s own strings', () => {
    expect(keys.filter((key) => key in en || key in enParts)).toEqual([])
  })
})

/** The first argument of every `t(…)` / `tn(…)` call in a module. */
const translated = (code: string): string[] => [...code.matchAll(/\btn?\(([^,)]+)/g)].map((m) => (m[1] ?? '').trim())
const anyKey = new Set([...Object.keys(en), ...Object.keys(enParts), ...keys])
/** A call naming a part's string, or naming none at all (a key from data: notices, roles, shortcuts). */
function usesPartString(code: string): boolean {
  return translated(code).some((arg) => {
    const named = [...arg.matchAll(/'([\w:-]+)'/g)].map((m) => m[1] ?? '').filter((key) => anyKey.has(key))
    return named.length === 0 || named.some((key) => key in enParts)
  })
}
const importsPartStrings = (code: string): boolean => /import ['"][./]+(?:i18n\/)?part-strings['"]/.test(code)

describe('strings of the page’s parts', () => {
  it('are added by every module that uses them', () => {
    const users = sources.filter(({ file, code }) => /^(components|views|composables|stores|App\.vue)/.test(file) && usesPartString(code))
    expect(users.length).toBeGreaterThan(15)
    expect(users.filter(({ code }) => !importsPartStrings(code)).map(({ file }) => file)).toEqual([])
  })

  it('are not in the entry: the frame’s strings are only those its own modules use', () => {
    expect(Object.keys(enParts).filter((key) => key in en)).toEqual([])
    expect(Object.keys(en).length).toBeLessThan(20)
  })
})
