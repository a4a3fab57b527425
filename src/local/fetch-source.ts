import { checkBytes, checkSize } from './input'
import type { OpenProblem } from './record'
import { fileNameFromUrl, isFetchableUrl, toRawUrl } from './url'

export type Fetched = { ok: true; text: string; url: string; file: string | null } | { ok: false; problem: OpenProblem; url: string }

/**
 * Fetch a Markdown file by URL from the browser. `fetch` rejects with a bare TypeError both when
 * the network fails and when CORS blocks the response, and scripts cannot tell which, so both get
 * one message that names the two causes and the way around them (download, then drop).
 */
export async function fetchSource(input: string, fetcher: typeof fetch = globalThis.fetch): Promise<Fetched> {
  const url = toRawUrl(input)
  if (!isFetchableUrl(url)) return { ok: false, problem: { code: 'url' }, url }
  let response: Response
  try {
    response = await fetcher(url)
  } catch {
    return { ok: false, problem: { code: 'network' }, url }
  }
  if (!response.ok) return { ok: false, problem: { code: 'http', status: response.status }, url }
  const declared = Number(response.headers.get('content-length') ?? 0)
  const early = checkSize(declared)
  if (early) return { ok: false, problem: early, url }
  const checked = checkBytes(new Uint8Array(await response.arrayBuffer()))
  return checked.ok ? { ok: true, text: checked.text, url, file: fileNameFromUrl(url) } : { ok: false, problem: checked.problem, url }
}
