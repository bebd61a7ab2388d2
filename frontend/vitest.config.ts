import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The first spec that renders Material components compiles them, which took over
    // 5 s (Vitest's default) on a 2-core machine busy with a parallel build.
    testTimeout: 30_000,
  },
});
