// The plan year's state in the tab's header, once the year has a recorded step of its cycle (a year
// nobody has moved yet is a draft, and says so on the Plan year screen rather than in every header).
import { Text } from "@fluentui/react-components";
import type { PlanStore } from "../../sharepoint";
import { CycleStateLine } from "./CycleStateLine";
import { useCycle } from "./status";

export function CycleHeaderLine(props: { store: PlanStore; year: string }) {
  const { cycle } = useCycle(props.store, props.year);
  const status = cycle?.status ?? null;
  if (!status || status.history.length === 0) return null;
  return (
    <Text size={200}>
      <CycleStateLine status={status} />
    </Text>
  );
}
