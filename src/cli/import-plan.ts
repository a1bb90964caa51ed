// npm run -s import-plan -- <plan.xlsx|plan.docx> [--json]: see import-plan-run.ts.
import { runCommand } from "./entry";
import { runImportPlan } from "./import-plan-run";

await runCommand(runImportPlan, { command: "import-plan", reportWith: "the file's layout", exitCode: 3 });
