// JSON shapes the emulator sends: those of the Oct 2026 API document, a superset of the older shapes.
import type { FileType } from './types.js'

export interface ApiError {
  message: string
  code: string | null
  requirement?: { type: string; details?: Record<string, string> } | null
  internalErrorCode?: string | null
}

export type SourceStatus = 'pending' | 'ready' | 'failed' | 'skipped'

export interface FileSource {
  status: SourceStatus
  url: string | null
  expiresAt: number | null
  width: number | null
  height: number | null
  fileBytes: number | null
}

export interface FileInfo {
  fileId: string
  type: FileType | null
  scope: 'GLOBAL' | 'TEMPORARY'
  displayName: string
  description: string | null
  durationSeconds: number | null
  transcript: null
  transcriptText: string | null
  downloadUrl: string | null
  downloadUrlExpiresAt: number | null
  thumbnailUrl: string | null
  thumbnailUrlExpiresAt: number | null
  downloadSource: FileSource | null
  previewSource: FileSource | null
  thumbnailSource: FileSource | null
  hlsSource: FileSource | null
  isPublicPreviewEnabled: boolean
  staticPublicPreviewSource: FileSource | null
  publicHlsUrl: string | null
  publicPlaybackId: string | null
  sourceToolType?: string
  sourceToolExecutionId?: string
  fileAnalysisMetadata?: {
    analysisLoadingState: 'UNATTEMPTED' | 'LOADING' | 'FULFILLED' | 'REJECTED'
    analysisProgressPercentage: number
  }
}

export interface ToolSuccessResult {
  fileId: string
  type: FileType
  file: FileInfo
  downloadUrl: string | null
  downloadUrlExpiresAt: number | null
  thumbnailUrl: string | null
  thumbnailUrlExpiresAt: number | null
}

export type ExecutionStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled'

export interface ExecutedTool {
  toolExecutionId: string
  status: ExecutionStatus
  toolType: 'GENERATE_VIDEO_CLIP'
  progressPercentage: number
  attemptIndex: number
  results: ToolSuccessResult[]
  error: ApiError | null
}

export interface MeResponse {
  apiKeyId: string
  apiKeyNickname: string
  email: string
  displayName: string | null
  teamId: string
}
