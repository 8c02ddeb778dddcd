export declare const MARKER_TABLE: string;
export declare function claimTestDatabase(url: string): Promise<void>;
