// Public interface of the VideoGen API emulator (contract: openapi/ at the repository root).
export { startEmulator, type Emulator } from './emulator.js'
export type {
  EmulatorOptions,
  FaultRule,
  FileType,
  JobScript,
  RateGroup,
  RecordedRequest,
  Rewrite,
  RewriteTarget,
} from './types.js'
export type { ExecutionRecord, ExecutionState } from './executions.js'
export type { ResolvedScript } from './timeline.js'
export type { FileRecord } from './files.js'
export type { ApiError, ExecutedTool, FileInfo, FileSource, MeResponse, ToolSuccessResult } from './wire.js'
export { DEFAULT_RATE_LIMITS } from './rate-limit.js'
export { FIXTURES_DIR } from './media.js'
