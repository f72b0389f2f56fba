// Vite resolves `?url` imports to the emitted asset's URL (see renderer/features/alarm/sound-files.ts).
declare module '*.wav?url' {
  const url: string;
  export default url;
}
