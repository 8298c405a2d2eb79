// The part of web-ext's programmatic API that scripts/zip.ts uses (web-ext ships no types).
declare module 'web-ext' {
  interface BuildOptions {
    sourceDir: string;
    artifactsDir: string;
    filename?: string;
    overwriteDest?: boolean;
  }
  const webExt: {
    cmd: {
      build(options: BuildOptions, extra?: { shouldExitProgram?: boolean }): Promise<{ extensionPath: string }>;
    };
  };
  export default webExt;
}
