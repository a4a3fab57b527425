import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseInterview } from '../core/parse'
import { readToml } from '../core/toml'
import { summarise } from './summary'

/** `npm run --silent parse -- a.md [b.md …]`: one JSON object per file per line on stdout. */
async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent parse -- FILE.md [FILE.md ...]\n')
    return 2
  }
  let failures = 0
  for (const path of files) {
    let source: string
    try {
      source = await readFile(path, 'utf8')
    } catch (error) {
      failures++
      process.stderr.write(`${path}: cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`)
      continue
    }
    const result = parseInterview(source, { file: basename(path), readToml })
    if (result.ok) {
      process.stdout.write(`${JSON.stringify(summarise(result.interview))}\n`)
    } else {
      failures++
      const where = result.error.line ? `${path}:${result.error.line}` : path
      process.stderr.write(`${where}: ${result.error.message}\n`)
    }
  }
  return failures > 0 ? 1 : 0
}

process.exitCode = await main(process.argv.slice(2))
