// The client for GitHub's REST API (release assets, the pull-request comment). GitHub's answers are outside
// input like the VideoGen API's: an error body is read up to a few KiB, never whole (octokit would read a
// body of any size, or one that never ends, before it fails the request).
export type Octokit = ReturnType<(typeof import('@actions/github'))['getOctokit']>

const ERROR_BODY_BYTES = 8 * 1024

/** `fetchImpl` with the body of an error answer cut to ERROR_BODY_BYTES, and the connection let go. */
export function errorBodiesCapped(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init)
    if (response.status < 400 || !response.body) return response
    const reader = response.body.getReader()
    const chunks: Uint8Array[] = []
    let size = 0
    while (size < ERROR_BODY_BYTES) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.length
    }
    await reader.cancel().catch(() => undefined)
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    headers.delete('content-encoding')
    return new Response(Buffer.concat(chunks).subarray(0, ERROR_BODY_BYTES), {
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
