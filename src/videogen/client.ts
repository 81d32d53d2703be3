// One object for the API: tools and files over one transport, closed once at the end so no socket keeps
// Node alive. The transport stays inside this folder: callers see operations, not a dispatcher.
import type { Dispatcher } from 'undici'
import { decodeContextFor } from './decode.js'
import { FilesApi } from './files.js'
import { type HttpLog, VideoGenHttp } from './http.js'
import { ToolsApi } from './tools.js'

export interface VideoGenClient {
  tools: ToolsApi
  files: FilesApi
  close(): Promise<void>
}

export const USER_AGENT = 'videogen-action/1 (+https://github.com/features/actions)'

export interface ClientSetup {
  log?: HttpLog
  dispatcher?: Dispatcher
}

export function createClient(baseUrl: string, apiKey: string, setup: ClientSetup = {}): VideoGenClient {
  const http = new VideoGenHttp({
    baseUrl,
    apiKey,
    userAgent: USER_AGENT,
    ...(setup.log && { log: setup.log }),
    ...(setup.dispatcher && { dispatcher: setup.dispatcher }),
  })
  const decode = { ...decodeContextFor(baseUrl), redact: http.redact }
  return {
    tools: new ToolsApi(http, decode),
    files: new FilesApi(http, decode),
    // destroy, not close: a request stuck on a dead proxy must not hold the step open.
    close: () => http.dispatcher.destroy().catch(() => undefined),
  }
}
