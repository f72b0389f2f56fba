// How many audio outputs the machine has. null when the browser cannot say: no mediaDevices
// (outside a secure context), enumerateDevices failing, or an empty list of every kind (headless
// Chromium and locked-down browsers tell nothing at all). Unknown is not the same as none.
export function outputsFrom(devices: readonly Pick<MediaDeviceInfo, 'kind'>[]): number | null {
  if (devices.length === 0) return null;
  return devices.filter((d) => d.kind === 'audiooutput').length;
}

export async function countAudioOutputs(): Promise<number | null> {
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!media || typeof media.enumerateDevices !== 'function') return null;
  try {
    return outputsFrom(await media.enumerateDevices());
  } catch {
    return null;
  }
}
