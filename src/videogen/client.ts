// One object for the API: transport, tools and files, closed once at the end so no socket keeps Node alive.
import * as core from '@actions/core'
import { FilesApi } from './files.js'
import { VideoGenHttp } from './http.js'
import { ToolsApi } from './tools.js'
import type { Dispatcher } from 'undici'

export interface VideoGenClient {
  http: VideoGenHttp
  tools: ToolsApi
  files: FilesApi
  close(): Promise<void>
}

export const USER_AGENT = 'videogen-action/1 (+https://github.com/features/actions)'

export function createClient(baseUrl: string, apiKey: string, dispatcher?: Dispatcher): VideoGenClient {
  const http = new VideoGenHttp({
    baseUrl,
    apiKey,
    userAgent: USER_AGENT,
    log: { debug: core.debug, info: core.info },
    ...(dispatcher && { dispatcher }),
  })
  return {
    http,
    tools: new ToolsApi(http),
    files: new FilesApi(http),
    // destroy, not close: a request stuck on a dead proxy must not hold the step open.
    close: () => http.dispatcher.destroy().catch(() => undefined),
  }
}
