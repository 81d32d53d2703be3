// `npm run docs`: rewrite README's inputs/outputs tables from action.yml.
import { readFileSync, writeFileSync } from 'node:fs'
import { renderReadme } from './readme-tables.js'

const file = new URL('../README.md', import.meta.url)
const before = readFileSync(file, 'utf8')
const after = renderReadme(before)
writeFileSync(file, after)
console.log(before === after ? 'README.md tables already up to date' : 'README.md tables updated from action.yml')
