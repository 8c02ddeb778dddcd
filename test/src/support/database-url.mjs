/**
 * The PostgreSQL database the tests run against, and reset: TEST_DATABASE_URL, never DATABASE_URL
 * (the variable `npm start` reads, which may name a database someone keeps data in). Global setup
 * claims it first (test-database.mjs): the suite resets only a database it created.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
