// electron-builder beforePack hook: records the SHA-256 of the native modules as they will be
// shipped into out/main/native-integrity.json, which is packed inside app.asar (files: out/main/**).
const fs = require('node:fs');
const path = require('node:path');
const { nativeHashes, MANIFEST } = require('./native-integrity.cjs');

exports.default = async function beforePack(context) {
  const projectDir = context.packager.projectDir;
  const files = nativeHashes(path.join(projectDir, 'node_modules'));
  fs.writeFileSync(path.join(projectDir, MANIFEST), JSON.stringify({ algorithm: 'sha256', files }, null, 2));
  console.log(`native-integrity: recorded ${Object.keys(files).length} .node file(s)`);
};
