/**
 * Fonts for the preview cards: Noto Sans SC from @fontsource, which covers CJK, kana, Latin and
 * Cyrillic. Fontsource splits it into ~100 files per weight, each with a `unicode-range` (as a
 * browser would load it); a card loads only the files that hold its characters, so a card reads
 * well under 1 MB of font instead of the whole 10 MB family. Build time only (never in the bundle).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

export type CardWeight = 400 | 700

export interface FontChunk {
  file: string
  weight: CardWeight
  /** Inclusive code point ranges, from the CSS `unicode-range`. */
  ranges: [number, number][]
}

export interface CardFont {
  name: string
  data: Buffer
  weight: CardWeight
  style: 'normal'
}

const PACKAGE = '@fontsource/noto-sans-sc'
export const CARD_FONT_FAMILY = 'Noto Sans SC'

/** `U+4e00-9fff,U+3001` → `[[0x4e00, 0x9fff], [0x3001, 0x3001]]`. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value.split(',').map((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-')
    return [parseInt(from, 16), parseInt(to, 16)]
  })
}

/** The font files of one weight and the characters each holds, read from fontsource's CSS. */
export function fontChunks(weight: CardWeight, packageDir = path.dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`))): FontChunk[] {
  const css = readFileSync(path.join(packageDir, `${weight}.css`), 'utf8')
  const chunks: FontChunk[] = []
  for (const face of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/(files\/[^)]+\.woff)\)/.exec(face)?.[1]
    const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1]
    // Satori reads WOFF, TTF and OTF, not WOFF2.
    if (!file || !range) throw new Error(`${PACKAGE}/${weight}.css: a @font-face without a .woff file or unicode-range`)
    chunks.push({ file: path.join(packageDir, file), weight, ranges: parseUnicodeRange(range) })
  }
  return chunks
}

export function covers(chunk: FontChunk, codePoint: number): boolean {
  return chunk.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)
}

/**
 * The chunks that hold `text`'s characters, each once, in the CSS's order. Characters no chunk
 * holds (emoji outside the font) are left to Satori, which draws nothing for them.
 */
export function chunksFor(text: string, chunks: readonly FontChunk[]): FontChunk[] {
  const chosen = new Set<FontChunk>()
  for (const ch of new Set(Array.from(text))) {
    const cp = ch.codePointAt(0)!
    if (cp <= 0x20) continue
    const chunk = chunks.find((c) => covers(c, cp))
    if (chunk) chosen.add(chunk)
  }
  return chunks.filter((c) => chosen.has(c))
}

/** A font file's own family name (`Noto Sans SC 17`): the number fontsource gives the file. */
export function chunkName(chunk: FontChunk): string {
  return `${CARD_FONT_FAMILY} ${/-(\d+)-\d+-normal\.woff$/.exec(chunk.file)?.[1] ?? path.basename(chunk.file)}`
}

/** The CSS font-family of a card: every file it loads, in order. */
export function cardFamily(fonts: readonly CardFont[]): string {
  return [...new Set(fonts.map((f) => JSON.stringify(f.name)))].join(', ')
}

/** Loads each font file once per build. */
export function createFontLoader(): (text: string, weight: CardWeight) => CardFont[] {
  const chunks = new Map<CardWeight, FontChunk[]>()
  const data = new Map<string, Buffer>()
  return (text, weight) => {
    if (!chunks.has(weight)) chunks.set(weight, fontChunks(weight))
    // Satori keeps one font per name and weight: each file gets a name of its own (all listed
    // in the card's font-family, see cardFamily) and Satori picks, per glyph, the one that has it.
    return chunksFor(text, chunks.get(weight)!).map((chunk) => {
      if (!data.has(chunk.file)) data.set(chunk.file, readFileSync(chunk.file))
      return { name: chunkName(chunk), data: data.get(chunk.file)!, weight, style: 'normal' as const }
    })
  }
}
