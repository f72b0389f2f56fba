#!/usr/bin/env node
// Entry of the `lifeline` command: checks what would otherwise fail obscurely, then runs the built CLI.
const fs = require('node:fs');
const path = require('node:path');

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `lifeline: Node ${process.versions.node} is too old (the encrypted SQLite module needs Node 22+).\n` +
      "Run it through npm, which uses the project's own Node 22: npm run lifeline -- <command>",
  );
  process.exit(1);
}
const built = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(built)) {
  console.error('lifeline: not built yet. Run "npm run build" first.');
  process.exit(1);
}
require(built);
