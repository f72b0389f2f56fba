// electron-builder afterPack hook: every .node file actually unpacked into the app must match the
// manifest recorded before packing. If electron-builder rebuilt a module after beforePack, the build
// fails here, loudly, instead of shipping an app that refuses to start.
const fs = require('node:fs');
const path = require('node:path');
const { nativeHashes, unpackedNodeModules, MANIFEST } = require('./native-integrity.cjs');

exports.default = async function afterPack(context) {
  const manifest = JSON.parse(fs.readFileSync(path.join(context.packager.projectDir, MANIFEST), 'utf8'));
  const dir = unpackedNodeModules(
    context.appOutDir,
    context.electronPlatformName,
    context.packager.appInfo.productFilename,
  );
  const shipped = nativeHashes(dir);
  for (const [file, hash] of Object.entries(shipped)) {
    if (manifest.files[file] !== hash)
      throw new Error(`native-integrity: ${file} in the package does not match ${MANIFEST}`);
  }
  console.log(`native-integrity: ${Object.keys(shipped).length} unpacked .node file(s) match`);
};
