/**
 * The strings of the features for opened files (src/i18n/messages-local.ts) are not in the entry:
 * they join the English UI strings when a module that imports `src/i18n/local-strings.ts` loads.
 * A module that uses one of them without that import would show nothing where the text should be.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { enLocal } from '../../src/i18n/messages-local'

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

  it('are no key of the reader’s own strings', async () => {
    const { en } = await import('../../src/i18n/messages')
    expect(keys.filter((key) => key in en)).toEqual([])
  })
})
