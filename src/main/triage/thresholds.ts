// Every number the triage verdict and the automatic findings decide with, in one place.

const HOUR = 3_600_000

export const TRIAGE = {
  /** the baseline looks back this many window lengths before the window (or to the log start) */
  baselineWindows: 7,
  /** …but at least this long, so short windows still get a usable baseline */
  minBaselineMs: 2 * HOUR,
  /** …and at most this long */
  maxBaselineMs: 7 * 24 * HOUR,
  /** a reported last-good time this close before the window is used as a reference window */
  lastGoodMaxAgeMs: 6 * HOUR,
  /** a baseline shorter than this (log starts just before the window) is not used */
  minBaselineSpanMs: 10 * 60_000,
  /**
   * An empty window is evidence only when the caller's own rate predicts at least this many
   * requests in it (a Poisson chance of seeing none by luck below 5%).
   */
  minExpectedRequests: 3,
  /** highest confidence any verdict gets: logs can be incomplete */
  maxConfidence: 0.95,
  /** caller_side gets less confidence when the window holds under this share of the expected traffic */
  lowTrafficShare: 0.25,
  /** top error groups reported */
  topErrors: 5,
  /** example ids per error group */
  examplesPerError: 5,
  /** field changes listed in a diff */
  maxChanges: 40,
  /** similar caller or function names suggested when a name is not in the log */
  suggestions: 5,
} as const

export const FINDINGS = {
  /** findings are bucketed by hour */
  bucketMs: HOUR,
  /** most findings returned, earliest first */
  maxFindings: 200,
  /** example ids per finding */
  examples: 5,

  /** error_rate_spike: an hour of a service / function / API user whose error rate jumps */
  spike: {
    /** requests in the hour */
    minRequests: 10,
    /** errors in the hour */
    minErrors: 5,
    /** error rate in the hour at least this … */
    minRate: 0.25,
    /** … and at least this many times the subject's own rate before the hour … */
    factor: 3,
    /** … and at least this many percentage points above it */
    minIncrease: 0.2,
    /** requests the subject needs before the hour for a baseline */
    minBaselineRequests: 20,
  },

  /** latency_degradation: an hour whose p95 duration of a function rises well above its usual p95 */
  latency: {
    /** entries with a duration in the hour */
    minSamples: 20,
    /** earlier hours with samples needed for the baseline (median of their p95) */
    minBaselineHours: 2,
    /** p95 at least this many times the baseline p95 … */
    factor: 2,
    /** … and at least this many ms slower */
    minIncreaseMs: 200,
  },

  /** repeated_failures: one function + caller + tenant failing with the same text within an hour */
  repeated: {
    minCount: 10,
  },

  /** auth_error_cluster: several API users whose auth failures start within the same hour */
  authCluster: {
    minUsers: 3,
    /** the users' starts fall within this span */
    windowMs: HOUR,
    /**
     * a user "starts" failing in an hour with at least this many auth errors making up at least this
     * share of its requests, after an hour with traffic that had successes and a lower share
     */
    minAuthErrors: 3,
    minAuthShare: 0.5,
  },

  /** rate_limit_burst: rate-limit rejections (429 and vendor equivalents) of one tenant in an hour */
  rateLimit: {
    minCount: 10,
    /** … and at least this many times the subject's mean per hour over the hours before … */
    factor: 3,
    /** … looking back this many hours (within the log; the log's first hour has no baseline) */
    baselineHours: 24,
  },

  /** caller_silent: an API user steadily active that stops sending */
  silent: {
    /** shortest gap reported */
    minGapMs: 30 * 60_000,
    /**
     * the caller's rate is measured over the hours right before the gap in which it sent something
     * each hour: up to this many …
     */
    steadyHours: 3,
    /** … and at least this many */
    minSteadyHours: 1,
    /** the caller's rate over those hours must predict at least this many requests in the gap */
    minExpected: 5,
  },
} as const
