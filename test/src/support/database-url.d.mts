export declare const TEST_DATABASE_URL: string;
