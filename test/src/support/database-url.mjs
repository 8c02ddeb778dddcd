/** The PostgreSQL server the tests run against: the machine's local server unless told otherwise. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
