import base from "../jest.config.base.js";

// One hub for the whole run: started (reset, migrated, seeded) on the real PostgreSQL server.
export default {
  ...base,
  globalSetup: "<rootDir>/src/support/global-setup.mjs",
  globalTeardown: "<rootDir>/src/support/global-teardown.mjs",
  testTimeout: 60_000,
};
