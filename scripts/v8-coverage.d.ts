// The few functions of @bcoe/v8-coverage the coverage scripts use (the package ships no types).
declare module '@bcoe/v8-coverage' {
  export interface RangeCov {
    startOffset: number
    endOffset: number
    count: number
  }
  export interface FunctionCov {
    functionName: string
    ranges: RangeCov[]
    isBlockCoverage: boolean
  }
  export interface ScriptCov {
    scriptId?: string
    url: string
    functions: FunctionCov[]
  }
  /** Merges the coverage of one script from several processes; undefined for none. */
  export function mergeScriptCovs(scriptCovs: readonly ScriptCov[]): ScriptCov | undefined
}
