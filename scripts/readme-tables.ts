// README's inputs and outputs tables, generated from action.yml so the two never drift.
import { readActionYml } from '../test/runner/action-yml.js'

const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

export function inputsTable(): string {
  const { inputs } = readActionYml()
  const rows = Object.entries(inputs).map(([name, spec]) => {
    const def = spec.default === undefined || spec.default === '' ? '' : `\`${spec.default}\``
    return `| \`${name}\` | ${def} | ${cell(spec.description)} |`
  })
  return ['| Input | Default | Description |', '| --- | --- | --- |', ...rows].join('\n')
}

export function outputsTable(): string {
  const { outputs } = readActionYml()
  const rows = Object.entries(outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

export function replaceBetween(text: string, marker: string, content: string): string {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1) throw new Error(`README has no ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}

export function renderReadme(readme: string): string {
  return replaceBetween(replaceBetween(readme, 'inputs', inputsTable()), 'outputs', outputsTable())
}
