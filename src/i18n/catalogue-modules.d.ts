// A catalogue's first-paint part (./vite-plugin.ts): the same shape as the catalogue, fewer keys.
declare module "*.json?first-paint" {
  const catalogue: Record<string, unknown>;
  export default catalogue;
}
