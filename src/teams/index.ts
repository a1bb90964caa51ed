export * from "./host";
export * from "./config";
