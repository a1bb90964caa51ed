export type { TokenProvider } from "./types";
export { localTokenProvider } from "./local";
