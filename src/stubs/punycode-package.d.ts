// punycode.js's ES module, which tests/unit/stubs.test.ts compares src/stubs/punycode.ts with.
declare module 'punycode.js/punycode.es6.js' {
  const punycode: { toASCII(domain: string): string; toUnicode(domain: string): string }
  export default punycode
}
