import { mergeConfig } from "vitest/config";
import mutation from "./vitest.config";

// The mutation run's unit tests with outside-tests.ts as a setup file, each file in a process of its own (forks),
// where the setup file's inspector session sees that file's calls alone.
export default mergeConfig(mutation, {
  test: { pool: "forks", setupFiles: ["test/mutation/outside-tests.ts"] },
});
