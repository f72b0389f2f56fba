import path from 'node:path';

/**
 * Where the store worker's code is: next to the built CLI/shell (out/main/store-worker.js), or,
 * when running from source under tsx (tests, development), the TypeScript entry loaded through tsx.
 */
export function storeWorkerLocation(dir: string = __dirname): { workerFile: string; execArgv: string[] } {
  const fromSource = __filename.endsWith('.ts');
  if (fromSource)
    return { workerFile: path.join(__dirname, 'worker-entry.ts'), execArgv: ['--import', 'tsx'] };
  return { workerFile: path.join(dir, 'store-worker.js'), execArgv: [] };
}
