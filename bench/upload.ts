// Scenario 2: uploading a large file. The bundled action itself (`videos:` input → ticket, streamed PUT,
// readiness), in its own process so its peak RSS is its own, against `curl -T` to a presigned URL of the
// same emulator. Both PUTs are timed by the emulator, from the request's arrival to the last byte stored.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type Emulator, FIXTURES_DIR, startEmulator } from '../test/emulator/index.js'
import { importUrl, runnerEnv } from './action-env.js'
import { runBundle, runProcess } from './process.js'
import { type BenchContext, type ScenarioResult, benchClient, median, mib, mibps } from './lib.js'

const MB = 1e6
/** Writes the process's peak RSS (KiB) to $VG_BENCH_RSS when it exits. */
const RSS_AT_EXIT = importUrl(
  `import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.VG_BENCH_RSS, String(process.resourceUsage().maxRSS)))`,
)

/** A sparse file that starts like an MP4 (the action checks magic bytes): no disk used, same bytes for both uploaders. */
function sparseVideo(file: string, size: number): void {
  const head = readFileSync(path.join(FIXTURES_DIR, 'clip.mp4')).subarray(0, 4096)
  const fd = openSync(file, 'w')
  try {
    writeSync(fd, head, 0, head.length, 0)
    writeSync(fd, Buffer.from([0]), 0, 1, size - 1)
  } finally {
    closeSync(fd)
  }
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000

/** Server-side duration of the (last) PUT of a file: arrival of its request → its bytes committed. */
function putMs(emulator: Emulator, fileId: string, size: number): number {
  const file = emulator.files.get(fileId)
  const put = emulator.requests.filter((r) => r.method === 'PUT' && r.path.includes(`/${fileId}/`)).pop()
  if (!file || !put || file.uploadedBytes !== size)
    throw new Error(`upload of ${fileId}: ${file?.uploadedBytes} bytes stored, expected ${size}`)
  return file.updatedAt - put.at
}

/** Runs the bundled action; returns its peak RSS in KiB and the ids of the files it uploaded. */
async function runAction(
  ctx: BenchContext,
  emulator: Emulator,
  root: string,
  inputs: Record<string, string>,
): Promise<{ maxRssKb: number; uploaded: string[] }> {
  const before = new Set(emulator.files.keys())
  const env: Record<string, string> = { ...runnerEnv(emulator, root, inputs), VG_BENCH_RSS: path.join(root, 'rss') }
  await runBundle(ctx, env, ['--import', RSS_AT_EXIT])
  const uploaded = [...emulator.files.values()]
    .filter((f) => f.origin === 'upload' && !before.has(f.id))
    .map((f) => f.id)
  return { maxRssKb: Number(readFileSync(path.join(root, 'rss'), 'utf8')), uploaded }
}

export async function uploadScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const size = ctx.smoke ? 8 * 1024 * 1024 : 512 * 1024 * 1024
  const reps = ctx.smoke ? 1 : 3
  const root = mkdtempSync(path.join(tmpdir(), 'vg-bench-upload-'))
  const emulator = await startEmulator({ job: { queuedMs: 0, durationMs: 100 } })
  const client = benchClient(emulator.url)
  const action: Array<{ putMs: number; maxRssKb: number; emulatorCpuMs: number }> = []
  const curl: Array<{ putMs: number; clientMs: number; emulatorCpuMs: number }> = []
  let plainRssKb: number
  try {
    const { maxRssKb } = await runAction(ctx, emulator, root, {})
    plainRssKb = maxRssKb
    const file = path.join(root, 'workspace', 'large.mp4')
    sparseVideo(file, size)
    const curlPut = async () => {
      const ticket = await client.files.createUpload('large.mp4', 'VIDEO', true)
      const cpu = process.cpuUsage()
      // `Expect:` off: no waiting for a 100 Continue before the body.
      const { stdout: out } = await runProcess('curl', [
        '-sS',
        '-T',
        file,
        '-X',
        'PUT',
        '-H',
        'Expect:',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code} %{time_total}',
        ticket.uploadUrl,
      ])
      const [status, seconds] = out.trim().split(' ')
      if (status !== '200') throw new Error(`curl upload: HTTP ${status}`)
      return {
        putMs: putMs(emulator, ticket.fileId, size),
        clientMs: Number(seconds) * 1000,
        emulatorCpuMs: cpuMs(process.cpuUsage(cpu)),
      }
    }
    // Unmeasured: the first read of the file fills the page cache, and the emulator's first large PUT is slow.
    await curlPut()
    // Alternate the two, so a slow moment of the machine hits both alike.
    for (let rep = 0; rep < reps; rep++) {
      const cpu = process.cpuUsage()
      const result = await runAction(ctx, emulator, root, { videos: 'large.mp4' })
      if (result.uploaded.length !== 1)
        throw new Error(`the action uploaded ${result.uploaded.length} files, expected 1`)
      action.push({
        putMs: putMs(emulator, result.uploaded[0] as string, size),
        maxRssKb: result.maxRssKb,
        emulatorCpuMs: cpuMs(process.cpuUsage(cpu)),
      })

      curl.push(await curlPut())
    }
  } finally {
    await client.close()
    await emulator.close()
    rmSync(root, { recursive: true, force: true })
  }
  const a = median(action.map((r) => r.putMs))
  const c = median(curl.map((r) => r.putMs))
  const ratio = c / a
  const peakMb = (Math.max(...action.map((r) => r.maxRssKb)) * 1024) / MB
  const name = `Upload ${mib(size)} (sparse file)`
  return {
    rows: [
      {
        id: 'upload.throughput',
        scenario: name,
        measure: `PUT throughput, median of ${reps}`,
        action: `${mibps(size, a)} (${ratio.toFixed(2)}×)`,
        baseline: `${mibps(size, c)} curl -T`,
        target: '≥ 0.9× curl',
        met: ratio >= 0.9,
      },
      {
        id: 'upload.rss',
        scenario: name,
        measure: 'peak RSS of the action process',
        action: `${peakMb.toFixed(0)} MB`,
        baseline: `${((plainRssKb * 1024) / MB).toFixed(0)} MB same run without upload`,
        target: '≤ 150 MB',
        met: peakMb <= 150,
      },
    ],
    raw: { size, sparse: true, action, curl, plainRssKb },
    // This process hosts the emulator: its CPU time during a curl PUT is the storage server's cost of receiving
    // (reading the socket, SHA-256). When it is close to the PUT's duration, the emulator sets the pace.
    notes: [
      `Upload: the emulator spent ${(median(curl.map((r) => r.emulatorCpuMs)) / 1000).toFixed(2)} s of CPU receiving each curl PUT of ${(c / 1000).toFixed(2)} s` +
        ` (${((100 * median(curl.map((r) => r.emulatorCpuMs))) / c).toFixed(0)}% of one core) and ${(median(action.map((r) => r.emulatorCpuMs)) / 1000).toFixed(2)} s during each action run` +
        ` (PUT ${(a / 1000).toFixed(2)} s); near 100% means the emulator's storage PUT is the bottleneck.`,
    ],
  }
}
