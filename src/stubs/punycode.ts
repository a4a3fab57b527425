/**
 * Stands in for `punycode.js` (1 kB gzip) in the app's bundles. markdown-it converts a link's
 * international host name with it; the URL parser every runtime has (browser, worker) does the same
 * conversion. ASCII host names pass unchanged, as punycode.js leaves them. Display text of
 * autolinks keeps the `xn--` form (punycode.js would show it in Unicode). Node loads the package.
 */
const ASCII = /^[\x20-\x7e]*$/

function toASCII(domain: string): string {
  return ASCII.test(domain) ? domain : new URL(`http://${domain}`).hostname
}

function toUnicode(domain: string): string {
  return domain
}

export default { toASCII, toUnicode }
