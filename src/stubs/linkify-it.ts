/**
 * Stands in for `linkify-it` (3.5 kB gzip) in the app's bundles: markdown-it constructs one, but
 * Parley turns `linkify` off (src/core/markdown.ts), so it is never asked to find a link. Turning
 * linkify on would reach this class and fail loudly instead of silently finding nothing.
 */
export class LinkifyIt {
  test(): never {
    throw new Error('linkify-it is not bundled: markdown-it runs with linkify off (see src/stubs/linkify-it.ts)')
  }
  matchAtStart(): never {
    return this.test()
  }
  match(): never {
    return this.test()
  }
}

export default LinkifyIt
