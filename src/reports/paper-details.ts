// What the plan editor writes for the committee paper; without the Word library, for the card's form.

/** What the plan editor writes for this paper (all optional; empty ones read "Not given" or are left out). */
export interface PaperDetails {
  /** The committee or board meeting, e.g. "People and Culture Committee". */
  committee: string;
  /** ISO date of the meeting. */
  meetingDate: string | null;
  author: string;
  /** The executive lead (sponsor) presenting the paper. */
  lead: string;
  /** Which group reviewed it before, and when: "EDI Steering Group, 3 September 2024". */
  previouslyConsidered: string;
  /** Consultation with the staff network, in the editor's words. Left out of the paper when empty. */
  engagement: string;
  /** ISO date the data and plan are to be published by (WRES: 31 October), or null. */
  publishBy: string | null;
}

export const EMPTY_DETAILS: PaperDetails = {
  committee: "",
  meetingDate: null,
  author: "",
  lead: "",
  previouslyConsidered: "",
  engagement: "",
  publishBy: null,
};
