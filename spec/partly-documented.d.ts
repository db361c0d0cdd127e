/** What a partly documented operation's page may not give, each in words. */
export declare const GAPS: Record<string, string>;
/** The gaps an operation's `x-nxwa-partly-documented` names, or none. */
export declare function missingOf(operation: unknown): string[];
