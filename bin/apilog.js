#!/usr/bin/env node
// Entry point of the `apilog` command: runs the bundled CLI (built by `npm run build`, which
// `npm install` runs through the prepare script).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('apilog: the app is not built yet; run `npm run build` in ' + join(__dirname, '..') + '\n')
  process.exit(1)
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code
  })
