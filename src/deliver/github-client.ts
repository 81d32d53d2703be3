// The client for GitHub's REST API (release assets, the pull-request comment). GitHub's answers are outside
// input like the VideoGen API's: an error body is read up to a few KiB, never whole (octokit would read a
// body of any size, or one that never ends, before it fails the request), and a listing is paged here, never
// by following the Link header (octokit's paginate sends the token to whatever origin `next` names, drops
// the abort signal, and follows `next` for ever).
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { ERROR_BODY_BYTES, readCapped } from '../videogen/body.js'

export type Octokit = ReturnType<(typeof import('@actions/github'))['getOctokit']>

/**
 * Every item of a GitHub listing (`route` a GET with `per_page`/`page`), page by page on GitHub's own
 * origin, until a page comes back short or `maxPages` were read (what is past that is not read).
 */
export async function listAll(
  octokit: Octokit,
  route: string,
  params: Record<string, unknown>,
  { signal, perPage = 100, maxPages }: { signal: AbortSignal; perPage?: number; maxPages: number },
): Promise<unknown[]> {
  const items: unknown[] = []
  for (let page = 1; page <= maxPages; page++) {
    // The first page is asked for without page=1, as GitHub's own links do.
    const { data } = await octokit.request(route, {
      ...params,
      per_page: perPage,
      ...(page > 1 && { page }),
      request: { signal },
    })
    const pageItems: unknown[] = Array.isArray(data) ? data : []
    items.push(...pageItems)
    if (pageItems.length < perPage) break
  }
  return items
}

/** `fetchImpl` with the body of an error answer cut to ERROR_BODY_BYTES, and the connection let go. */
export function errorBodiesCapped(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init)
    if (response.status < 400 || !response.body) return response
    const text = await readCapped(Readable.fromWeb(response.body as WebReadableStream), ERROR_BODY_BYTES)
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    headers.delete('content-encoding')
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers,
    })
  }
}

export async function githubClient(token: string): Promise<Octokit> {
  const [{ getOctokit }, { defaults }] = await Promise.all([
    import('@actions/github'),
    import('@actions/github/lib/utils'),
  ])
  // The library's own fetch goes through the runner's proxy settings: wrapped, not replaced.
  const proxyFetch = (defaults.request as { fetch: typeof fetch }).fetch
  return getOctokit(token, {
    baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    request: { fetch: errorBodiesCapped(proxyFetch) },
  })
}
