// Sharing the committee view to the meeting stage. In Teams: teams-js meeting APIs, offered only
// when the host says this user's app may share (presenters and organisers). Outside Teams the
// capability is simulated with ?canShare=1 and "sharing" opens the stage view in a new window.
import { mayBeHosted, teamsJs } from "../../teams";

export interface StageSharing {
  /** The id the "since" date is remembered under: the meeting, else the chat, else "standalone". */
  meetingKey(): Promise<string>;
  canShare(): Promise<boolean>;
  share(url: string): Promise<void>;
}

export function standaloneSharing(
  canShare: boolean,
  open: (url: string) => void = (url) => void window.open(url, "_blank", "noopener"),
): StageSharing {
  return {
    meetingKey: async () => "standalone",
    canShare: async () => canShare,
    share: async (url) => open(url),
  };
}

export function teamsSharing(): StageSharing {
  return {
    async meetingKey() {
      const context = await teamsJs().app.getContext();
      return context.meeting?.id ?? context.chat?.id ?? "standalone";
    },
    canShare() {
      return new Promise((resolve) => {
        try {
          teamsJs().meeting.getAppContentStageSharingCapabilities((error, result) =>
            resolve(!error && result?.doesAppHaveSharePermission === true),
          );
        } catch {
          // Thrown outside the sidePanel / meetingStage frames: no sharing there.
          resolve(false);
        }
      });
    },
    share(url) {
      return new Promise((resolve, reject) => {
        const { meeting } = teamsJs();
        meeting.shareAppContentToStage(
          (error) =>
            error
              ? reject(
                  new Error(
                    `Sharing to the stage failed (${error.errorCode}${error.message ? `: ${error.message}` : ""})`,
                  ),
                )
              : resolve(),
          url,
          { sharingProtocol: meeting.SharingProtocol.Collaborative },
        );
      });
    },
  };
}

/** Teams' when the page is hosted (teams-js loaded by initHost), else the standalone stand-in. */
export function stageSharing(canShareStandalone: boolean): StageSharing {
  if (mayBeHosted()) {
    try {
      teamsJs();
      return teamsSharing();
    } catch {
      // Framed but not by Teams (a test harness, SharePoint preview): standalone behaviour.
    }
  }
  return standaloneSharing(canShareStandalone);
}
