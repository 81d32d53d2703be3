// Shapes of the VideoGen API contract (../shared/videogen-api.md). Tolerant where eras differ.

export type ExecutionStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled'
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled', 'canceled'])

export interface ApiErrorBody {
  message?: string
  code?: string | null
  requirement?: { type: string; details?: Record<string, string> } | null
  internalErrorCode?: string | null
}

export type SourceStatus = 'pending' | 'ready' | 'failed' | 'skipped'

export interface FileSource {
  status: SourceStatus
  url?: string | null
  expiresAt?: number | null
  width?: number | null
  height?: number | null
  fileBytes?: number | null
}

export interface FileInfo {
  fileId: string
  type?: string | null
  scope?: string
  displayName?: string
  durationSeconds?: number | null
  downloadUrl?: string | null
  downloadUrlExpiresAt?: number | null
  thumbnailUrl?: string | null
  thumbnailUrlExpiresAt?: number | null
  downloadSource?: FileSource | null
  previewSource?: FileSource | null
  thumbnailSource?: FileSource | null
  hlsSource?: FileSource | null
  isPublicPreviewEnabled?: boolean
  staticPublicPreviewSource?: FileSource | null
  publicPlaybackId?: string | null
  publicHlsUrl?: string | null
}

export interface ToolResult {
  fileId: string
  type?: string
  file?: FileInfo | null
  downloadUrl?: string | null
  downloadUrlExpiresAt?: number | null
  thumbnailUrl?: string | null
  thumbnailUrlExpiresAt?: number | null
}

export interface Execution {
  toolExecutionId: string
  status: ExecutionStatus | string
  toolType?: string
  progressPercentage?: number
  attemptIndex?: number
  results?: ToolResult[] | null
  error?: ApiErrorBody | null
}

export interface UploadTicket {
  fileId: string
  uploadUrl: string
}

export function isTerminal(status: string): boolean {
  return TERMINAL_STATUSES.has(status)
}
