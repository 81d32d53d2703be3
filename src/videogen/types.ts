// The API's values as the action uses them: what `decode.ts` makes of a response. Every field here was
// checked: ids have their documented shape, URLs are absolute http(s) without control characters, numbers
// are finite and in range, text is one clean line. Anything that failed a check is absent.

export const EXECUTION_STATUSES = ['pending', 'running', 'succeeded', 'failed', 'cancelled'] as const
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number]
/** A status the documents do not name is kept as `unknown` (with its cleaned text), never acted upon. */
export type SeenStatus = ExecutionStatus | 'unknown'

export interface ApiErrorBody {
  message?: string
  code?: string
  requirement?: { type: string; details?: Record<string, string> }
  internalErrorCode?: string
}

export type SourceStatus = 'pending' | 'ready' | 'failed' | 'skipped'

export interface FileSource {
  status: SourceStatus
  url?: string
  expiresAt?: number
  fileBytes?: number
}

export interface FileInfo {
  fileId: string
  type?: string
  durationSeconds?: number
  downloadUrl?: string
  downloadUrlExpiresAt?: number
  thumbnailUrl?: string
  thumbnailUrlExpiresAt?: number
  downloadSource?: FileSource
  previewSource?: FileSource
  thumbnailSource?: FileSource
  hlsSource?: FileSource
  staticPublicPreviewSource?: FileSource
  publicHlsUrl?: string
}

export interface ToolResult {
  fileId: string
  type?: string
  file?: FileInfo
  downloadUrl?: string
  downloadUrlExpiresAt?: number
  thumbnailUrl?: string
  thumbnailUrlExpiresAt?: number
}

export interface Execution {
  toolExecutionId: string
  status: SeenStatus
  /** The status as the API spelled it, when it is not one of EXECUTION_STATUSES (cleaned). */
  statusText?: string
  toolType?: string
  progressPercentage?: number
  attemptIndex?: number
  results: ToolResult[]
  error?: ApiErrorBody
}

export interface UploadTicket {
  fileId: string
  uploadUrl: string
}

export interface ExecutionPage {
  executions: Execution[]
  nextCursor?: string
}

export function isTerminal(status: string): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled'
}
