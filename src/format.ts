// Small formatting helpers shared by logs, errors and the summary.

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h) return `${h}h ${String(m).padStart(2, '0')}m ${String(s).padStart(2, '0')}s`
  if (m) return `${m}m ${String(s).padStart(2, '0')}s`
  return `${(ms / 1000).toFixed(1)}s`
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}

/** Unix seconds → ISO-like UTC text, e.g. "2026-11-24 23:10 UTC"; anything unusable → "expiry unknown". */
export function formatExpiry(unixSeconds: number | undefined): string {
  const date = new Date((unixSeconds ?? NaN) * 1000)
  if (!unixSeconds || Number.isNaN(date.getTime())) return 'expiry unknown'
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/:\d\d\.\d+Z$/, ' UTC')
}
