#!/usr/bin/env node
// The one test command (`npm test`): typecheck, lint, build, unit tests (vitest), end-to-end tests
// (Playwright, browser mode), then one line of totals across all of them:
//   N passed, N failed, N skipped
// Exit code 1 when anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const reports = join(root, 'test-results', 'reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const onlyUnit = process.argv.includes('--unit')

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

/** A step without its own test counts (typecheck, lint, build) counts as one test. */
function step(label, command, args) {
  if (run(label, command, args)) totals.passed++
  else {
    totals.failed++
    process.stdout.write(`FAILED: ${label}\n`)
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json'])
step('typecheck (renderer)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json'])
step('lint', 'npx', ['eslint', '.'])
step('build', 'npx', ['electron-vite', 'build'])

const vitestReport = join(reports, 'vitest.json')
const vitestOk = run('unit tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`])
const vitest = readJson(vitestReport)
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
  if (!vitestOk && vitest.numFailedTests === 0) totals.failed++ // a suite failed to load
} else {
  totals.failed++
}

if (!onlyUnit) {
  const playwrightReport = join(reports, 'playwright.json')
  const e2eOk = run('end-to-end tests (playwright)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  })
  const playwright = existsSync(playwrightReport) ? readJson(playwrightReport) : null
  if (playwright?.stats) {
    totals.passed += playwright.stats.expected + playwright.stats.flaky
    totals.failed += playwright.stats.unexpected
    totals.skipped += playwright.stats.skipped
    if (!e2eOk && playwright.stats.unexpected === 0) totals.failed++
  } else {
    totals.failed++
  }
}

process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`)
process.exit(totals.failed > 0 ? 1 : 0)
