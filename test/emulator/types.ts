// Public option, fault and record types of the emulator (re-exported by index.ts).

export type FileType = 'IMAGE' | 'VIDEO' | 'AUDIO' | 'PDF' | 'SLIDESHOW' | 'TEXT' | 'LOTTIE'
export const FILE_TYPES: readonly FileType[] = ['IMAGE', 'VIDEO', 'AUDIO', 'PDF', 'SLIDESHOW', 'TEXT', 'LOTTIE']

export interface JobScript {
  /** Time in `pending` before `running` (default 100). */
  queuedMs?: number
  /** Running time per attempt (default 1500). */
  durationMs?: number
  /** 'steps' = 0,25,50,75; number[] = custom step values spread evenly over an attempt; default 'linear' (capped 99). */
  progress?: 'linear' | 'steps' | number[]
  /** Default 'succeeded'. */
  outcome?: 'succeeded' | 'failed'
  /** The ApiError of a failed execution. */
  error?: {
    message: string
    code?: string | null
    requirement?: { type: string; details?: Record<string, string> } | null
  }
  /** Number of attempts (default 1); each new attempt resets progress to 0 and bumps attemptIndex. */
  attempts?: number
}

/** Hourly rate-limit groups: the documented ones, plus 'executions-list' and 'other' for routes no limit is documented for. */
export type RateGroup =
  'tools-post' | 'executions-get' | 'executions-list' | 'cancel' | 'files-get' | 'hydrate' | 'upload' | 'other'

export interface EmulatorOptions {
  /** API port; default 0 (random). Host is always 127.0.0.1; the storage server always gets a random port. */
  port?: number
  /** Accepted bearer tokens; default: any non-empty token. */
  apiKeys?: string[]
  /** Prefix of new execution ids; default 'vg_tool_'. */
  executionIdPrefix?: 'vg_tool_' | 'vg_exec_'
  /** Default script for new executions (snapshotted at creation). */
  job?: JobScript
  /** A script for one request, chosen from its body (e.g. its prompt); undefined falls back to `job`. */
  jobFor?: (body: Record<string, unknown>) => JobScript | undefined
  uploadUrlTtlSeconds?: number
  downloadUrlTtlSeconds?: number
  /** Time after the PUT completes before sources become ready (default 150). */
  fileReadyDelayMs?: number
  /** Processing outcome of uploads, snapshotted when a PUT completes (default 'ready'). */
  fileOutcome?: 'ready' | 'failed' | 'never'
  /** Delay before the first byte of a download response (default 0). */
  downloadTtfbMs?: number
  /** Production API add-on; without it watermarkMode NONE gives 403 (default false). */
  watermarkNoneAllowed?: boolean
  /** Executions the team can still create; decremented in place on every creation; default Infinity. */
  credits?: number
  /** Per hour, per key, per group; defaults are the documented limits. */
  rateLimits?: Partial<Record<RateGroup, number>>
  /** Bytes served for result videos (default: fixtures/clip.mp4). */
  resultBytes?: Buffer
  /** Largest accepted PUT (default 5 GiB). */
  maxUploadBytes?: number
  /**
   * Request bodies are always validated against the API document; by default strictly, so a property the
   * document does not declare is a 400 (the real service is assumed to drop it silently, which hides
   * defects). false: undeclared properties are ignored.
   */
  strictBodies?: boolean
  /** Serve both the API and storage over HTTPS with this certificate (PEM); read at start only. */
  tls?: { cert: string | Buffer; key: string | Buffer }
}

/** The response a `rewrite` hook may change in place: status and headers of the reply about to be sent. */
export interface RewriteTarget {
  status: number
  /** Response headers (the `Content-Length` is recomputed after the hook). */
  headers: Record<string, string>
  method: string
  path: string
  server: 'api' | 'storage'
}

/**
 * Changes a response after the emulator computed it. `body` is the parsed JSON of a JSON reply (else the
 * body as a string, or undefined when empty). Return a new body (an object is sent as JSON, a string as is),
 * or undefined to send `body` as mutated. Status and headers may be changed through `target`.
 */
export type Rewrite = (body: unknown, target: RewriteTarget) => unknown

/**
 * A rule matched against requests by server, method and path. Rules are consumed in order of injection:
 * `rewrite` rules apply when a response is about to be sent and combine with the other kinds; of the other
 * kinds the first matching rule applies.
 */
export type FaultRule = {
  /** e.g. 'POST'; default any. */
  method?: string
  /** URL pathname: exact string, prefix when it ends with '*', or a RegExp; default any. */
  path?: string | RegExp
  /** Restrict to one server; default both (for `rewrite`: default 'api'). */
  server?: 'api' | 'storage'
  /** How many matching requests it applies to (default 1; Infinity: until clearFaults or reset). */
  times?: number
  /** Skip this many matching requests first (default 0). */
  after?: number
} & (
  | { kind: 'status'; status: number; body?: string | object; headers?: Record<string, string> }
  | { kind: 'status-after-processing'; status: number; body?: string | object }
  | { kind: 'reset' }
  | { kind: 'reset-after-processing' }
  | { kind: 'reset-mid-body' }
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number }
  /** Replace or mutate the body (and status, headers) of a response; see Rewrite. Counts sent responses only. */
  | { kind: 'rewrite'; rewrite: Rewrite }
  /** Answered before processing: a never-ending chunked body (default status 200) until the client gives up. */
  | { kind: 'endless'; status?: number; contentType?: string }
  /** The real reply, its body sent at this rate in small slices (never idle for more than ~100 ms). */
  | { kind: 'drip'; bytesPerSecond: number }
  /** Answered before processing: an error of this status with a body of exactly `bytes` bytes, streamed. */
  | { kind: 'huge-body'; status: number; bytes: number }
)

export interface RecordedRequest {
  method: string
  path: string
  /** Raw query string without '?'. */
  query: string
  headers: Record<string, string | string[] | undefined>
  server: 'api' | 'storage'
  /** Undefined when no response was sent (reset, hang). */
  status?: number
  /** Request body bytes the emulator read. */
  bodyBytes: number
  at: number
}
