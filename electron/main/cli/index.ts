#!/usr/bin/env node
// `lifeline`: the console without Electron. host (headless host), import (NDJSON file import),
// status (counts, no personal data), simulator (the built-in feed, standalone), verify (integrity
// of the file and of the audit trail).
import { runCommand } from './commands';

runCommand(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (error: unknown) => {
    const kind = (error as { kind?: string }).kind;
    // ContractErrors carry messages written for people; anything else is reported without detail.
    console.error(
      `lifeline: ${kind ? (error as Error).message : `unexpected failure (${(error as Error)?.name ?? 'error'})`}`,
    );
    if (!kind && process.env.LIFELINE_DEBUG) console.error(error);
    process.exitCode = kind === 'invalid_request' ? 2 : 1;
  },
);
