// Top self-time functions of V8 CPU profiles (node --cpu-prof), for a quick look at what an import
// spends its time on. Open the .cpuprofile files in Chrome DevTools for the full picture.
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileTop {
  files: string[]
  totalMs: number
  top: Array<{ fn: string; where: string; selfMs: number; share: number }>
}

function frameKey(node: ProfileNode): [string, string] {
  const { functionName, url, lineNumber } = node.callFrame
  const where = url ? `${basename(url)}:${lineNumber + 1}` : ''
  return [functionName || '(anonymous)', where]
}

/** Self time per function over every profile in `dir` (the main thread and any worker). */
export function summarizeProfiles(dir: string, limit = 15): ProfileTop {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))
  const self = new Map<string, { fn: string; where: string; us: number }>()
  let total = 0
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    profile.samples.forEach((id, i) => {
      const node = byId.get(id)
      const delta = profile.timeDeltas[i] ?? 0
      if (!node || node.callFrame.functionName === '(idle)') return
      const [fn, where] = frameKey(node)
      const key = `${fn} ${where}`
      const entry = self.get(key) ?? { fn, where, us: 0 }
      entry.us += delta
      self.set(key, entry)
      total += delta
    })
  }
  const top = [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((e) => ({ fn: e.fn, where: e.where, selfMs: Math.round(e.us / 1000), share: Math.round((e.us / Math.max(total, 1)) * 1000) / 10 }))
  return { files: files.map((f) => join(dir, f)), totalMs: Math.round(total / 1000), top }
}
