// Seeded randomness for the synthetic logs: the same seed gives the same numbers on every machine.

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number

/** sfc32 (Small Fast Counting): a 128-bit-state generator, seeded through splitmix32. */
export function createRng(seed: number): Rng {
  let s = seed >>> 0
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split()
  let b = split()
  let c = split()
  let d = split()
  return () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

/** A seed for an independent stream derived from a base seed and a label. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0
  return h
}

export function randomInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1))
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]
}

/** Exponentially distributed value with the given mean. */
export function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng()) * mean
}

/** Log-normal value around `median` (sigma is the spread of its logarithm). */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  const u = 1 - rng()
  const v = rng()
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  return median * Math.exp(normal * sigma)
}

/** Picks indices 0..n-1 with probability proportional to `weights` (binary search over the sums). */
export function weightedPicker(weights: readonly number[]): (rng: Rng) => number {
  const sums: number[] = []
  let total = 0
  for (const w of weights) sums.push((total += w))
  return (rng) => {
    const x = rng() * total
    let lo = 0
    let hi = sums.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (sums[mid] > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

/** Zipf-like weights 1/(i+1)^s: a few popular values and a long tail. */
export function zipfWeights(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s))
}

/** `length` lower-case hex digits. */
export function randomHex(rng: Rng, length: number): string {
  let out = ''
  while (out.length < length) out += ((rng() * 4294967296) >>> 0).toString(16).padStart(8, '0')
  return out.length === length ? out : out.slice(0, length)
}
