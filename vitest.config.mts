import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.tsx'],
    testTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['tests/renderer/setup.ts'],
  },
})
