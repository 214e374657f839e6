/// <reference types="vitest/config" />
/**
 * One config for every build and for the tests. `vite build --mode <target>` picks what to build:
 *   server     → dist/server/main.js (Node 20; dependencies stay in node_modules)
 */
import { defineConfig, type UserConfig } from 'vite';

const targets: Record<string, UserConfig> = {
  server: {
    build: {
      ssr: 'server/main.ts',
      outDir: 'dist/server',
      target: 'node20',
      emptyOutDir: true,
      sourcemap: true,
    },
  },
};

export default defineConfig(({ mode }) => ({
  ...(targets[mode] ?? {}),
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        // Real HTTP against a real SQLite file per test file.
        test: { name: 'api', include: ['tests/api/**/*.test.ts'], environment: 'node', testTimeout: 20_000, hookTimeout: 60_000 },
      },
    ],
  },
}));
