// Electronegativity (Doyensec's Electron linter) over src/, when it is installed: run offline
// (-e pins the Electron version, the online security-fix check is left out) and every finding
// must be one explained below. Without the tool this is skipped; electron-static-check.test.ts
// always runs. ELECTRONEGATIVITY_BIN points at a copy installed elsewhere.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/store'

const ROOT = join(__dirname, '../../..')
const BIN = process.env.ELECTRONEGATIVITY_BIN ?? join(ROOT, 'node_modules', '.bin', 'electronegativity')
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version

/** Findings reviewed and why they are not defects (the tool cannot follow a function call). */
const EXPLAINED: Record<string, { file: string; reason: string }> = {
  CONTEXT_ISOLATION_JS_CHECK: {
    file: 'main/app/desktop.ts',
    reason: 'webPreferences come from secureWebPreferences() (contextIsolation: true), tests/unit/app/web-preferences.test.ts',
  },
  SANDBOX_JS_CHECK: {
    file: 'main/app/desktop.ts',
    reason: 'secureWebPreferences() sets sandbox: true and app.enableSandbox() is called, web-preferences.test.ts',
  },
  AUXCLICK_JS_CHECK: {
    file: 'main/app/desktop.ts',
    reason: 'middle-click cannot open anything: setWindowOpenHandler denies every window, tests/unit/app/security.test.ts',
  },
  OPEN_EXTERNAL_JS_CHECK: {
    file: 'main/app/security.ts',
    reason: 'only http(s) (isExternalLinkAllowed) and only after a confirmation dialog, security.test.ts',
  },
  CSP_GLOBAL_CHECK: {
    file: 'renderer/index.html',
    reason: "flags style-src 'unsafe-inline' (AG Grid positions rows with inline styles); script-src is 'self' only",
  },
}

interface Sarif {
  runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>
}

describe.skipIf(!existsSync(BIN))('Electronegativity', () => {
  it('reports only explained findings', () => {
    const output = join(tempDir(), 'electronegativity.sarif')
    const run = spawnSync(
      BIN,
      ['-i', join(ROOT, 'src'), '-e', ELECTRON_VERSION, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', output],
      { encoding: 'utf8', timeout: 110_000 },
    )
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout + run.stderr).not.toMatch(/Error parsing/i)
    const results = (JSON.parse(readFileSync(output, 'utf8')) as Sarif).runs[0].results
    const found = results.map((r) => ({ rule: r.ruleId, file: r.locations[0]?.physicalLocation.artifactLocation.uri }))
    const unexplained = found.filter((f) => EXPLAINED[f.rule]?.file !== f.file)
    expect(unexplained).toEqual([])
  }, 120_000)
})
