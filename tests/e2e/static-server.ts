/**
 * A deliberately plain static server for dist/: no SPA rewrites. Unknown paths get 404.html with a
 * 404 status, as GitHub Pages and most static hosts do, so the test proves the shipped fallback
 * (not a dev-server feature) keeps deep links alive on reload.
 */
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'

const root = path.resolve(process.argv[2] ?? 'dist')
const port = Number(process.argv[3] ?? 4174)
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

async function fileFor(urlPath: string): Promise<string | null> {
  const decoded = decodeURIComponent(urlPath)
  const file = path.join(root, path.normalize(decoded))
  if (!file.startsWith(root)) return null
  try {
    const info = await stat(file)
    if (info.isFile()) return file
    if (info.isDirectory()) {
      const index = path.join(file, 'index.html')
      if ((await stat(index)).isFile()) return index
    }
  } catch {
    // Missing: fall through to 404.html.
  }
  return null
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const file = await fileFor(url.pathname)
  const chosen = file ?? path.join(root, '404.html')
  try {
    const body = await readFile(chosen)
    res.writeHead(file ? 200 : 404, { 'content-type': types[path.extname(chosen)] ?? 'application/octet-stream' })
    res.end(body)
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found (and no 404.html)')
  }
}).listen(port, () => console.log(`static ${root} on http://localhost:${port}`))
