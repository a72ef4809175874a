// Seeds for the property-based fuzz tests: a fixed seed on every run (so CI is reproducible) plus one
// random seed that is printed, so a failure found by chance can be replayed with FUZZ_SEED=<seed>.
// FUZZ_RUNS scales the number of cases (default 1; e.g. FUZZ_RUNS=20 for a long local session).

export const FIXED_SEED = 20240501

let randomSeed: number | null = null

/** The seeds this run uses: FUZZ_SEED alone when given, else the fixed one and a random one. */
export function fuzzSeeds(): number[] {
  const forced = process.env.FUZZ_SEED
  if (forced !== undefined && forced !== '') {
    const seed = Number(forced)
    if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not "${forced}"`)
    return [seed]
  }
  if (randomSeed === null) {
    randomSeed = (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0
    process.stdout.write(`fuzz: fixed seed ${FIXED_SEED}, random seed ${randomSeed} (replay with FUZZ_SEED=${randomSeed})\n`)
  }
  return [FIXED_SEED, randomSeed]
}

/** Cases per seed, scaled by FUZZ_RUNS. */
export function fuzzRuns(base: number): number {
  const scale = Number(process.env.FUZZ_RUNS ?? '1')
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)))
}
