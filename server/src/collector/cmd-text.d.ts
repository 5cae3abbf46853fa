// esbuild bundles .cmd files as their text (see `loader` in esbuild.mjs).
declare module '*.cmd' {
  const text: string;
  export default text;
}
