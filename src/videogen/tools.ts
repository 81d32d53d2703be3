// Tool executions: create (once), read, list, cancel.
import {
  type DecodeContext,
  UnexpectedResponseError,
  decodeCreated,
  decodeExecution,
  decodeExecutionPage,
} from './decode.js'
import { AmbiguousCreateError, NetworkError, VideoGenApiError, answeredBeforeProcessing } from './errors.js'
import type { VideoGenHttp } from './http.js'
import { type RateBudget, rateBudgetOf } from './retry.js'
import type { Execution, ExecutionPage } from './types.js'

const enc = encodeURIComponent

export interface RequestControl {
  deadline?: number
  signal?: AbortSignal
}

export interface CreateControl extends RequestControl {
  /** The tools budget the API reported with its answer. */
  onBudget?: (budget: RateBudget) => void
}

export class ToolsApi {
  constructor(
    private readonly http: VideoGenHttp,
    private readonly decode: DecodeContext,
  ) {}

  /**
   * Not idempotent: the transport retries it only when the server cannot have processed it. A failure
   * that leaves it open whether an execution was created (and billed) becomes an AmbiguousCreateError.
   */
  async generateVideoClip(body: Record<string, unknown>, options: CreateControl = {}): Promise<string> {
    const { onBudget, ...control } = options
    let raw: unknown
    try {
      raw = await this.http.call('POST', '/v1/tools/generate-video-clip', {
        body,
        mode: 'create',
        operation: 'Create execution (POST /v1/tools/generate-video-clip)',
        ...control,
        ...(onBudget && {
          onHeaders: (headers) => {
            const budget = rateBudgetOf(headers)
            if (budget) onBudget(budget)
          },
        }),
      })
    } catch (error) {
      throw mayHaveCreated(error) ? new AmbiguousCreateError(error) : error
    }
    try {
      return decodeCreated(raw)
    } catch (error) {
      // Answered 2xx, so most likely created, but an id that is missing or malformed can be neither
      // followed nor cancelled (nor used to name a file).
      throw new AmbiguousCreateError(new Error(`Create execution: ${(error as Error).message}`))
    }
  }

  async getExecution(id: string, options: RequestControl = {}): Promise<Execution> {
    const raw = await this.http.call('GET', `/v1/tools/executions/${enc(id)}`, {
      mode: 'safe',
      operation: `Get execution ${id}`,
      ...options,
    })
    return decodeExecution(raw, this.decode, id)
  }

  /** One page of the key owner's executions, newest first. The list does not re-sign result URLs. */
  async listExecutions(options: RequestControl & { limit?: number; cursor?: string } = {}): Promise<ExecutionPage> {
    const { limit = 50, cursor, ...control } = options
    const raw = await this.http.call('GET', '/v1/tools/executions', {
      mode: 'safe',
      operation: 'List executions',
      query: { selfOnly: 'true', limit: String(limit), ...(cursor !== undefined && { cursor }) },
      ...control,
    })
    return decodeExecutionPage(raw, this.decode)
  }

  async cancelExecution(id: string, options: RequestControl = {}): Promise<void> {
    await this.http.call('POST', `/v1/tools/executions/${enc(id)}/cancel`, {
      mode: 'safe',
      operation: `Cancel execution ${id}`,
      ...options,
    })
  }
}

/**
 * Whether a failed create may still have created an execution: the request was sent and then the
 * connection failed, timed out or the answer was lost, or a server or gateway failed (5xx, 408) without
 * the API itself saying it refused the request. 4xx answers and requests never sent are refusals.
 */
function mayHaveCreated(error: unknown): error is Error {
  if (error instanceof NetworkError) return !error.notSent
  if (error instanceof VideoGenApiError)
    return (error.status >= 500 || error.status === 408) && !answeredBeforeProcessing(error)
  return error instanceof UnexpectedResponseError
}
