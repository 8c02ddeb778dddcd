// One Jest setup for every package: ESM, TypeScript through SWC with decorator metadata
// (type-graphql reflects on it), and `./x.js` imports mapped back to their `.ts` sources.
export default {
  testEnvironment: "node",
  // Many tests start a real database (PGlite initialising on disk, PostgreSQL, migrations): on a
  // busy two-core machine that outgrows Jest's 5 s default without anything being wrong. The
  // limit only bounds a hang; no test asserts on time.
  testTimeout: 30_000,
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: {
          target: "es2022",
          parser: { syntax: "typescript", decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: "es6" },
      },
    ],
  },
  testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
};
