// The committee views (meeting side panel and stage), loaded only when the page is opened as one.
import { useEffect, useMemo, useState } from "react";
import type { PlanStore } from "../../sharepoint";
import { useMeetingData } from "./data";
import { type ExtraRoute, itemHref, viewUrl, withCompare } from "./route";
import type { MeetingLinks } from "./ChangesList";
import { defaultSince, rememberedSince, rememberSince } from "./since";
import { SidePanel } from "./SidePanel";
import { Stage } from "./Stage";
import { stageSharing, type StageSharing } from "./share";

export interface MeetingRootProps {
  route: ExtraRoute & { view: "sidepanel" | "stage" };
  store: PlanStore;
  year: string | null;
  today: string;
  /** Injected by tests; by default Teams' sharing when hosted, else the ?canShare= stand-in. */
  sharing?: StageSharing;
  /** The page address the stage URL is built from (defaults to location.href). */
  href?: string;
}

export function MeetingRoot(props: MeetingRootProps) {
  const sharing = useMemo(
    () => props.sharing ?? stageSharing(props.route.canShare),
    [props.sharing, props.route.canShare],
  );
  const [meetingKey, setMeetingKey] = useState<string | null>(null);
  const [since, setSince] = useState<string>(
    () => props.route.since ?? rememberedSince("standalone") ?? defaultSince(props.today),
  );
  const [compare, setCompare] = useState<"date" | "approval">(props.route.compare ?? "date");

  // The remembered date belongs to this meeting: once its id is known, use that meeting's date
  // (an address that names a date wins: it is how the stage gets the presenter's period).
  useEffect(() => {
    let live = true;
    sharing.meetingKey().then(
      (key) => {
        if (!live) return;
        setMeetingKey(key);
        if (!props.route.since) {
          const remembered = rememberedSince(key);
          if (remembered) setSince(remembered);
        }
      },
      () => live && setMeetingKey("standalone"),
    );
    return () => {
      live = false;
    };
  }, [sharing, props.route.since]);

  const { state, reload } = useMeetingData(props.store, props.year, since, props.today);
  const href = props.href ?? location.href;
  const links: MeetingLinks = useMemo(
    () => ({
      action: (id) => itemHref(href, { action: id }),
      objective: (id) => itemHref(href, { objective: id }),
      report: viewUrl(href, "report", since),
    }),
    [href, since],
  );

  if (props.route.view === "stage")
    return <Stage state={state} since={since} compare={compare} onRetry={reload} links={links} />;
  return (
    <SidePanel
      state={state}
      since={since}
      onSinceChange={(next) => {
        setSince(next);
        rememberSince(meetingKey ?? "standalone", next);
      }}
      sharing={sharing}
      compare={compare}
      onCompareChange={setCompare}
      stageUrl={withCompare(viewUrl(href, "stage", since), compare)}
      onRetry={reload}
      links={links}
    />
  );
}
