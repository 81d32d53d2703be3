// Parse the runner's file commands (GITHUB_OUTPUT, GITHUB_STATE): `name=value` lines and the
// heredoc form `name<<DELIMITER` … `DELIMITER`, as the runner itself does.
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    const eq = line.indexOf('=')
    if (heredoc && (eq === -1 || eq > line.indexOf('<<'))) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      i++
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++] as string)
      if (i >= lines.length) throw new Error(`file command ${name}: missing delimiter ${delimiter}`)
      result[name] = value.join('\n')
    } else if (eq > 0) {
      result[line.slice(0, eq)] = line.slice(eq + 1)
    } else {
      throw new Error(`invalid file command line: ${JSON.stringify(line)}`)
    }
  }
  return result
}
