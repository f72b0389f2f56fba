// Types of find-postgres.mjs, for the TypeScript that imports it (tests/global-setup.ts).
export declare const HOW_TO_GET_POSTGRES: string;
export declare function answers(url: string): Promise<boolean>;
export declare function startThrowawayCluster(
  log?: (line: string) => void,
): Promise<{ url: string; stop(): void } | null>;
export declare function findPostgres(
  env?: Record<string, string | undefined>,
  log?: (line: string) => void,
): Promise<{ url: string; stop(): void; error?: undefined } | { url: null; error: string; stop?: undefined }>;
export declare function redact(url: string): string;
