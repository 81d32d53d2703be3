// ncc emits ESM; dist/ needs its own package.json so Node treats dist/*.js as modules
// regardless of where the action is checked out.
import { writeFileSync } from 'node:fs'
writeFileSync(new URL('../dist/package.json', import.meta.url), JSON.stringify({ type: 'module' }, null, 2) + '\n')
