// Shared by the electron-builder hooks: the SHA-256 of every .node file under a node_modules
// directory, keyed by its path there (see electron/main/shell/native-integrity.ts for the check).
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

function nativeHashes(nodeModules, dir = nodeModules, out = {}) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) nativeHashes(nodeModules, full, out);
    else if (entry.name.endsWith('.node'))
      out[path.relative(nodeModules, full).split(path.sep).join('/')] = crypto
        .createHash('sha256')
        .update(fs.readFileSync(full))
        .digest('hex');
  }
  return out;
}

/** Where electron-builder puts the unpacked files of a packed app (macOS keeps them in the bundle). */
function unpackedNodeModules(appOutDir, platform, productFilename) {
  const resources =
    platform === 'darwin'
      ? path.join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources')
      : path.join(appOutDir, 'resources');
  return path.join(resources, 'app.asar.unpacked', 'node_modules');
}

module.exports = { nativeHashes, unpackedNodeModules, MANIFEST: 'out/main/native-integrity.json' };
