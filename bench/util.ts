/**
 * Shared helpers for the browser benches (`bench/lighthouse.ts`, `bench/browser-perf.ts`): building
 * into `.bench/`, a `vite preview` server that the bench starts and always stops, medians and a
 * plain-text table. Not a bench itself.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const SEED_SLUG = 'sig-cloud-provider-spotlight-2024'
export const SEED_FILE = path.join(ROOT, 'content', `${SEED_SLUG}.zh-cn.md`)

/** The flags the e2e suite uses for Debian's Chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export function table(headers: string[], rows: string[][], rightFrom = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i >= rightFrom ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ')
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export const fmtMs = (ms: number): string =>
  Number.isNaN(ms) ? '–' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)
export const fmtSize = (n: number): string =>
  Number.isNaN(n) ? '–' : n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`
export const fmtRatio = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '–')

/** Run a command in the project root; reject with its output when it fails. */
export function run(command: string, args: string[], options: { quiet?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
    let output = ''
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`))
    })
  })
}

export interface Preview {
  url: string
  stop: () => void
}

const previews = new Set<ChildProcess>()

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return
  try {
    // The server runs in its own process group (npx → node vite): end exactly that group.
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    // already gone
  }
}

// Stop the servers this bench started, however the bench ends.
process.on('exit', () => previews.forEach(killGroup))
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    previews.forEach(killGroup)
    process.exit(130)
  })
}

/** `vite preview` of a built folder on a fixed port; resolves once it answers. */
export async function startPreview(outDir: string, port: number, extraArgs: string[] = []): Promise<Preview> {
  const child = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', ...extraArgs], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  previews.add(child)
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://localhost:${port}`
  const stop = (): void => {
    killGroup(child)
    previews.delete(child)
  }
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const response = await fetch(url)
      if (response.ok) return { url, stop }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  stop()
  throw new Error(`vite preview on port ${port} did not start:\n${output}`)
}
