// Tool executions: create (once), read, cancel.
import type { VideoGenHttp } from './http.js'
import type { Execution } from './types.js'

const enc = encodeURIComponent

export class ToolsApi {
  constructor(private readonly http: VideoGenHttp) {}

  /** Not idempotent: the transport retries it only when the server cannot have processed it. */
  async generateVideoClip(body: Record<string, unknown>): Promise<string> {
    const response = await this.http.call<{ toolExecutionId?: string; executionId?: string }>('POST', '/v1/tools/generate-video-clip', {
      body,
      mode: 'create',
      operation: 'Create execution (POST /v1/tools/generate-video-clip)',
    })
    const id = response.toolExecutionId ?? response.executionId
    if (!id) throw new Error('Create execution: the 202 response carried no toolExecutionId')
    return id
  }

  async getExecution(id: string, options: { signal?: AbortSignal; deadline?: number } = {}): Promise<Execution> {
    const execution = await this.http.call<Execution & { executionId?: string }>('GET', `/v1/tools/executions/${enc(id)}`, {
      mode: 'safe',
      operation: `Get execution ${id}`,
      ...options,
    })
    // The earliest SDK era named the id `executionId`; keep one name inside the action.
    return { ...execution, toolExecutionId: execution.toolExecutionId ?? execution.executionId ?? id }
  }

  async cancelExecution(id: string, options: { deadline?: number; signal?: AbortSignal } = {}): Promise<void> {
    await this.http.call('POST', `/v1/tools/executions/${enc(id)}/cancel`, { mode: 'safe', operation: `Cancel execution ${id}`, ...options })
  }
}
