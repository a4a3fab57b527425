/**
 * The stand-ins the app's bundles use for dependencies' code (src/stubs/, aliased in vite.config.ts)
 * against the packages Node loads. The browser test pasting tests/fixtures/every-construct.md checks
 * an international link through the built parser.
 */
import realPunycode from 'punycode.js/punycode.es6.js'
import { describe, expect, it } from 'vitest'
import punycode from '../../src/stubs/punycode'

describe('punycode stand-in', () => {
  it('turns host names to ASCII as punycode.js does', () => {
    const hosts = ['kubernetes.io', 'EXAMPLE.com', 'a-b.c', 'bücher.example', '例え.テスト', 'пример.рф', 'straße.de', 'xn--bcher-kva.example']
    expect(hosts.map(punycode.toASCII)).toEqual(hosts.map((host) => realPunycode.toASCII(host)))
  })
})
