import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderReadme } from '../../scripts/readme-tables.js'
import { readActionYml } from '../runner/action-yml.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('README and action.yml', () => {
  it('has the inputs and outputs tables generated from action.yml (run `npm run docs`)', () => {
    expect(renderReadme(readme)).toBe(readme)
  })

  it('documents every input with its default and every boolean has one', () => {
    const { inputs } = readActionYml()
    for (const [name, spec] of Object.entries(inputs)) {
      expect(spec.description.length, name).toBeGreaterThan(20)
      if (/^'?`?(true|false)/.test(spec.default ?? '')) expect(spec.description, name).toMatch(/Default `(true|false)`/)
    }
  })

  it('shows the two commands that set everything up', () => {
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm test')
  })
})
