// Tool executions: create (once), read, cancel.
import { AmbiguousCreateError, NetworkError, VideoGenApiError } from './errors.js'
import type { VideoGenHttp } from './http.js'
import type { Execution } from './types.js'

const enc = encodeURIComponent

export class ToolsApi {
  constructor(private readonly http: VideoGenHttp) {}

  /**
   * Not idempotent: the transport retries it only when the server cannot have processed it. A failure
   * that leaves it open whether an execution was created (and billed) becomes an AmbiguousCreateError.
   */
  async generateVideoClip(
    body: Record<string, unknown>,
    options: { deadline?: number; signal?: AbortSignal } = {},
  ): Promise<string> {
    let response: { toolExecutionId?: string; executionId?: string }
    try {
      response = await this.http.call('POST', '/v1/tools/generate-video-clip', {
        body,
        mode: 'create',
        operation: 'Create execution (POST /v1/tools/generate-video-clip)',
        ...options,
      })
    } catch (error) {
      throw mayHaveCreated(error) ? new AmbiguousCreateError(error) : error
    }
    const id = response.toolExecutionId ?? response.executionId
    // Answered 2xx, so it was most likely created, but without an id it can be neither followed nor cancelled.
    if (!id) throw new AmbiguousCreateError(new Error('Create execution: the 202 response carried no toolExecutionId'))
    return id
  }

  async getExecution(id: string, options: { signal?: AbortSignal; deadline?: number } = {}): Promise<Execution> {
    const execution = await this.http.call<Execution & { executionId?: string }>(
      'GET',
      `/v1/tools/executions/${enc(id)}`,
      {
        mode: 'safe',
        operation: `Get execution ${id}`,
        ...options,
      },
    )
    // The earliest SDK era named the id `executionId`; keep one name inside the action.
    return { ...execution, toolExecutionId: execution.toolExecutionId ?? execution.executionId ?? id }
  }

  async cancelExecution(id: string, options: { deadline?: number; signal?: AbortSignal } = {}): Promise<void> {
    await this.http.call('POST', `/v1/tools/executions/${enc(id)}/cancel`, {
      mode: 'safe',
      operation: `Cancel execution ${id}`,
      ...options,
    })
  }
}

/**
 * Whether a failed create may still have created an execution: the request was sent and then the
 * connection failed or timed out, or the server failed with a 5xx other than 503 (which, like 429, is
 * answered before processing). 4xx answers, 3xx and connections never made are unambiguous refusals.
 */
function mayHaveCreated(error: unknown): error is Error {
  if (error instanceof NetworkError) return !error.notSent
  if (error instanceof VideoGenApiError) return error.status >= 500 && error.status !== 503
  return false
}
