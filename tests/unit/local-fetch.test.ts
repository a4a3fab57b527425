import { describe, expect, it } from 'vitest'
import { fetchSource } from '../../src/local/fetch-source'

function answering(response: Response | Error): { fetcher: typeof fetch; urls: string[] } {
  const urls: string[] = []
  const fetcher = (async (input: RequestInfo | URL) => {
    urls.push(String(input))
    if (response instanceof Error) throw response
    return response
  }) as typeof fetch
  return { fetcher, urls }
}

describe('fetchSource', () => {
  it('fetches the raw form of a GitHub blob URL and names the file', async () => {
    const { fetcher, urls } = answering(new Response('Ada: hi'))
    const result = await fetchSource('https://github.com/o/r/blob/main/talk.md', fetcher)
    expect(urls).toEqual(['https://raw.githubusercontent.com/o/r/main/talk.md'])
    expect(result).toEqual({ ok: true, text: 'Ada: hi', url: urls[0], file: 'talk.md' })
  })

  it('reports a network or CORS failure as such', async () => {
    const { fetcher } = answering(new TypeError('Failed to fetch'))
    expect(await fetchSource('https://x.org/a.md', fetcher)).toMatchObject({ ok: false, problem: { code: 'network' } })
  })

  it('reports the HTTP status of a failed answer', async () => {
    const { fetcher } = answering(new Response('nope', { status: 404 }))
    expect(await fetchSource('https://x.org/a.md', fetcher)).toMatchObject({ ok: false, problem: { code: 'http', status: 404 } })
  })

  it('refuses non-http URLs without fetching, and checks the body like a file', async () => {
    const { fetcher, urls } = answering(new Response('<!doctype html><html></html>'))
    expect(await fetchSource('ftp://x.org/a.md', fetcher)).toMatchObject({ ok: false, problem: { code: 'url' } })
    expect(urls).toEqual([])
    expect(await fetchSource('https://x.org/a.md', fetcher)).toMatchObject({ ok: false, problem: { code: 'html' } })
  })

  it('refuses a declared length over the limit before reading the body', async () => {
    const { fetcher } = answering(new Response('small', { headers: { 'content-length': String(6 * 1024 * 1024) } }))
    expect(await fetchSource('https://x.org/a.md', fetcher)).toMatchObject({ ok: false, problem: { code: 'too-large', limitMb: 5 } })
  })
})
