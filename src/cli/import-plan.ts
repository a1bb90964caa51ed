// npm run -s import-plan -- <plan.xlsx|plan.docx> [--json]: see import-plan-run.ts.
import { runCommand } from "./entry";
import { runImportPlan } from "./import-plan-run";

// Not awaited: the bundle is CommonJS, for start-up, and runCommand reports every error itself.
void runCommand(runImportPlan, { command: "import-plan", reportWith: "the file's layout", exitCode: 3 });
