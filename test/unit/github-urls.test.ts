// Which upload hosts a release's upload URL may name, for each kind of GitHub, and what a download link
// that is not GitHub's becomes.
import { describe, expect, it } from 'vitest'
import { assetLink, checkedUploadUrl, githubOrigins } from '../../src/deliver/github-urls.js'

const origins = (api: string, server: string) => githubOrigins({ GITHUB_API_URL: api, GITHUB_SERVER_URL: server })
const TEMPLATE = '/repos/o/r/releases/1/assets{?name,label}'

describe('release upload URLs', () => {
  it.each([
    ['github.com', 'https://api.github.com', 'https://github.com', `https://uploads.github.com${TEMPLATE}`],
    ['GHE.com', 'https://api.octo.ghe.com', 'https://octo.ghe.com', `https://uploads.octo.ghe.com${TEMPLATE}`],
    [
      'GHES',
      'https://ghes.example.com/api/v3',
      'https://ghes.example.com',
      `https://ghes.example.com/api/uploads${TEMPLATE}`,
    ],
    [
      'GHES named api.*',
      'https://api.corp.example/api/v3',
      'https://api.corp.example',
      `https://api.corp.example/api/uploads${TEMPLATE}`,
    ],
  ])('%s: its own upload host is accepted, the template dropped', (_n, api, server, upload) => {
    expect(checkedUploadUrl(upload, origins(api, server)).toString()).toBe(upload.replace('{?name,label}', ''))
  })

  it.each([
    ['another host', 'https://evil.example/upload{?name,label}'],
    ['plain http to the upload host', `http://uploads.github.com${TEMPLATE}`],
    ['credentials in it', `https://user:pw@uploads.github.com${TEMPLATE}`],
    ['the API host instead of the upload host', `https://api.github.com${TEMPLATE}`],
    ['no URL at all', 42],
    ['a loopback host', `http://127.0.0.1:8080${TEMPLATE}`],
  ])('github.com: %s is refused', (_n, upload) => {
    expect(() => checkedUploadUrl(upload, origins('https://api.github.com', 'https://github.com'))).toThrow(
      /is not on GitHub's upload host \(uploads\.github\.com\), so the token was not sent to it/,
    )
  })

  it('a download link on another host becomes the release download URL it stands for', () => {
    const o = origins('https://api.github.com', 'https://github.com')
    const asset = { owner: 'o', repo: 'r', tag: 'v 1', name: 'clip-1.mp4' }
    expect(assetLink('https://github.com/o/r/releases/download/v1/clip-1.mp4', o, asset)).toEqual({
      url: 'https://github.com/o/r/releases/download/v1/clip-1.mp4',
      replaced: false,
    })
    expect(assetLink('https://evil.example/clip.mp4', o, asset)).toEqual({
      url: 'https://github.com/o/r/releases/download/v%201/clip-1.mp4',
      replaced: true,
    })
    expect(assetLink('javascript:alert(1)', o, asset).replaced).toBe(true)
  })
})
