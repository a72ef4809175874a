// Where a run keeps its files under .bench/, and reusing them between runs (--keep).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchArgs } from './args'
import { FORMAT_INFO, type BenchFormat } from './generate/log-format'
import { findReusableLog, GENERATOR_VERSION, writeLog, type GeneratedLog } from './generate/write-log'
import { fmtInt, log } from './progress'
import { removeStore } from './store-files'

export interface BenchDirs {
  logs: string
  stores: string
  work: string
  profiles: string
}

export function prepareDirs(root: string): BenchDirs {
  const dirs = { logs: join(root, 'logs'), stores: join(root, 'stores'), work: join(root, 'work'), profiles: join(root, 'profiles') }
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true })
  return dirs
}

export function logPath(dirs: BenchDirs, args: BenchArgs, format: BenchFormat): string {
  return join(dirs.logs, `${format}-${args.entries}-seed${args.seed}.${FORMAT_INFO[format].ext}`)
}

export function storePath(dirs: BenchDirs, args: BenchArgs, format: BenchFormat): string {
  return join(dirs.stores, `${format}-${args.entries}-seed${args.seed}.db`)
}

/** The generated log, reusing a kept one made the same way when --keep is given. */
export async function ensureLog(dirs: BenchDirs, args: BenchArgs, format: BenchFormat): Promise<GeneratedLog> {
  const path = logPath(dirs, args, format)
  const options = { format, entries: args.entries, seed: args.seed }
  const kept = args.keep ? findReusableLog(path, options) : null
  if (kept) {
    log(`${format}: reusing ${path}`)
    return kept
  }
  log(`${format}: generating ${fmtInt(args.entries)} entries`)
  let reported = 0
  const generated = await writeLog(path, options, (written) => {
    const tenths = Math.floor((written / args.entries) * 10)
    if (tenths <= reported) return
    reported = tenths
    log(`${format}: generated ${tenths * 10}%`)
  })
  log(`${format}: ${(generated.bytes / 1e6).toFixed(0)} MB in ${(generated.generateMs / 1000).toFixed(1)} s`)
  return generated
}

export function removeLog(path: string): void {
  rmSync(path, { force: true })
  rmSync(`${path}.manifest.json`, { force: true })
}

interface StoreManifest {
  format: BenchFormat
  entries: number
  seed: number
  generatorVersion: number
  rawBytes: number
}

/** Marks a store as a complete import of this log, for reuse with --keep. */
export function markStoreComplete(path: string, generated: GeneratedLog): void {
  const manifest: StoreManifest = {
    format: generated.format,
    entries: generated.entries,
    seed: generated.seed,
    generatorVersion: GENERATOR_VERSION,
    rawBytes: generated.bytes,
  }
  writeFileSync(`${path}.manifest.json`, JSON.stringify(manifest, null, 2))
}

/** A kept store made from the same log, or null. */
export function findReusableStore(path: string, args: BenchArgs, format: BenchFormat): StoreManifest | null {
  if (!args.keep || !existsSync(path)) return null
  try {
    const m = JSON.parse(readFileSync(`${path}.manifest.json`, 'utf8')) as StoreManifest
    const same = m.format === format && m.entries === args.entries && m.seed === args.seed && m.generatorVersion === GENERATOR_VERSION
    return same ? m : null
  } catch {
    return null
  }
}

export function dropStore(path: string): void {
  removeStore(path)
  rmSync(`${path}.manifest.json`, { force: true })
}
