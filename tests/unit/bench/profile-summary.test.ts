// Top self time over the CPU profiles of one import (main thread and worker together).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { summarizeProfiles } from '../../../src/main/bench/profile-summary'
import { tempDir } from '../helpers/store'

const frame = (id: number, functionName: string, url = '', lineNumber = 0) => ({ id, callFrame: { functionName, url, lineNumber } })

it('adds self time per function across profiles, leaving idle time out', () => {
  const dir = tempDir()
  const nodes = [frame(1, '(root)'), frame(2, 'parseLine', 'file:///x/out/main/chunks/db.js', 9), frame(3, '(idle)'), frame(4, 'writeOne', '/x/db.js', 41)]
  writeFileSync(join(dir, 'main.cpuprofile'), JSON.stringify({ nodes, samples: [2, 2, 3, 4], timeDeltas: [1000, 3000, 50_000, 2000] }))
  writeFileSync(join(dir, 'worker.cpuprofile'), JSON.stringify({ nodes, samples: [4], timeDeltas: [4000] }))
  writeFileSync(join(dir, 'notes.txt'), 'not a profile')
  const top = summarizeProfiles(dir)
  expect(top.files).toHaveLength(2)
  expect(top.totalMs).toBe(10)
  expect(top.top).toEqual([
    { fn: 'writeOne', where: 'db.js:42', selfMs: 6, share: 60 },
    { fn: 'parseLine', where: 'db.js:10', selfMs: 4, share: 40 },
  ])
})
