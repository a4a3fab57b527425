/**
 * Stands in for `cssfilter` (js-xss's CSS allowlist, 3 kB gzip) in the app's bundles: Parley's
 * allowlist keeps no `style` attribute and turns js-xss's CSS filter off (src/core/sanitise.ts),
 * so js-xss only builds its default filter at load time and never calls it. If it ever did, this
 * one drops the whole declaration, never lets CSS through.
 */
export class FilterCSS {
  process(): string {
    return ''
  }
}

export function getDefaultWhiteList(): Record<string, boolean> {
  return {}
}
