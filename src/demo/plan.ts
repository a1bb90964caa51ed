// The demo trust's 2024/25 WRES action plan, written in the style of published NHS trust plans:
// objectives grouped by WRES indicators, numbered actions with leads (people and role names), due
// dates, milestones, KPIs, outcomes, RAG ratings and a progress history across the year. Dates are
// relative to DEMO_AS_AT, a day late in the plan's own year (the committee's year-end review), so the
// plan reads as a 2024/25 plan does: agreed in spring 2024, due dates from late 2024 to autumn 2025,
// last updated in March 2025. Viewed later, its open actions are overdue, as a real 2024/25 plan's are.
// One file because it is one plan's content, read top to bottom as the committee would read it.

export type DemoRag = "Red" | "Amber" | "Green" | "Blue";
export type DemoUser = "edi" | "amara" | "tom" | "priya" | "chair";

export interface DemoStep {
  /** Days before the seeding day. */
  daysAgo: number;
  by: DemoUser;
  rag?: DemoRag;
  progress?: string;
  note?: string;
  /** A reader's comment rather than a progress or RAG change. */
  comment?: boolean;
}

export interface DemoAction {
  number: string;
  title: string;
  leads: DemoUser[];
  leadText: string;
  /** Days after the seeding day (negative: in the past). */
  dueInDays: number;
  milestones: string;
  kpis: string;
  outcomes: string;
  indicators: number[];
  /** RAG when the action was agreed; the history moves it on. */
  startRag: DemoRag;
  history: DemoStep[];
}

export interface DemoObjective {
  number: string;
  title: string;
  description: string;
  owner: DemoUser;
  sponsor: DemoUser;
  indicators: number[];
  highImpactActions: string[];
  ragOverride?: { rag: DemoRag; reason: string };
  actions: DemoAction[];
}

export const DEMO_PLAN_YEAR = "2024/25";

/** The day the demo plan's dates count from ("days ago", "due in days"): within DEMO_PLAN_YEAR. */
export const DEMO_AS_AT = "2025-03-14";

export const DEMO_PLAN: DemoObjective[] = [
  {
    number: "1",
    title: "Increase Black, Asian and minority ethnic representation at Band 8a and above",
    description:
      "Our workforce data shows that 24% of staff are from Black, Asian and minority ethnic backgrounds, but only 11% of staff at Band 8a and above and two of fourteen board members. We will close the gap between overall and senior representation.",
    owner: "amara",
    sponsor: "amara",
    indicators: [1, 9],
    highImpactActions: ["HIA 1", "HIA 2"],
    actions: [
      {
        number: "1.1",
        title:
          "Set a representation target for Band 8a+ posts in every division and report progress to the People Committee each quarter",
        leads: ["amara"],
        leadText: "Director of People",
        dueInDays: -40,
        milestones:
          "Q1: divisional baselines agreed\nQ2: targets signed off by the Executive Team\nQ3: first quarterly report to People Committee",
        kpis: "Indicator 1: BME staff at Band 8a+ rise from 11% to 14% by March 2026",
        outcomes: "Every division owns a published target and reports against it",
        indicators: [1],
        startRag: "Amber",
        history: [
          {
            daysAgo: 300,
            by: "amara",
            rag: "Amber",
            progress: "Divisional baselines drafted from ESR; two divisions still to confirm.",
          },
          {
            daysAgo: 210,
            by: "amara",
            rag: "Green",
            progress: "Targets agreed by the Executive Team for all five divisions.",
          },
          {
            daysAgo: 120,
            by: "amara",
            rag: "Green",
            progress: "First quarterly report presented; Surgery and Estates below trajectory.",
            note: "People Committee asked for a deep dive in Surgery.",
          },
          {
            daysAgo: 30,
            by: "chair",
            comment: true,
            note: "The network would like to see the divisional figures shared at the next network meeting.",
          },
        ],
      },
      {
        number: "1.2",
        title: "Give every board member a specific, measurable EDI objective in their 2024/25 appraisal",
        leads: ["amara"],
        leadText: "Chief People Officer with the Trust Chair",
        dueInDays: -150,
        milestones: "Objectives drafted with the Chair; agreed in appraisals; mid-year review",
        kpis: "100% of board members with an EDI objective (NHS EDI Improvement Plan, High Impact Action 1)",
        outcomes: "Board accountability for race equality is visible and reviewed",
        indicators: [9],
        startRag: "Amber",
        history: [
          {
            daysAgo: 330,
            by: "amara",
            rag: "Amber",
            progress: "Chair and Chief Executive objectives agreed; non-executives in progress.",
          },
          {
            daysAgo: 200,
            by: "amara",
            rag: "Blue",
            progress: "All fourteen board members have an EDI objective; mid-year review completed.",
            note: "Complete.",
          },
        ],
      },
      {
        number: "1.3",
        title:
          "Launch a reverse mentoring programme pairing executive directors with staff from the Race Equality Network",
        leads: ["edi"],
        leadText: "Head of EDI",
        dueInDays: 60,
        milestones: "Recruit ten mentors; training for pairs; first cohort meetings; evaluation at six months",
        kpis: "Ten pairs active; evaluation shows changed practice in at least half of the pairs",
        outcomes: "Senior leaders understand the lived experience of minority ethnic colleagues",
        indicators: [1, 9],
        startRag: "Green",
        history: [
          {
            daysAgo: 250,
            by: "edi",
            rag: "Green",
            progress: "Twelve expressions of interest from network members; pairs matched.",
          },
          {
            daysAgo: 90,
            by: "edi",
            rag: "Amber",
            progress: "Two executives have not yet met their mentors; follow-up with Chief Executive.",
            note: "Slipped by one month.",
          },
          {
            daysAgo: 15,
            by: "chair",
            comment: true,
            note: "Mentors report the sessions are valued; please protect the time in diaries.",
          },
        ],
      },
      {
        number: "1.4",
        title: "Introduce diverse interview panels for all Band 8a and above appointments",
        leads: ["tom"],
        leadText: "Head of Resourcing",
        dueInDays: -75,
        milestones: "Panel member pool trained; TRAC recruitment system flag added; compliance audit",
        kpis: "95% of Band 8a+ panels include a trained minority ethnic panel member",
        outcomes: "Fairer shortlisting and appointment decisions at senior levels",
        indicators: [1, 2],
        startRag: "Amber",
        history: [
          {
            daysAgo: 280,
            by: "tom",
            rag: "Amber",
            progress: "34 panel members trained; recruitment system change requested.",
          },
          {
            daysAgo: 160,
            by: "tom",
            rag: "Red",
            progress: "Audit shows 61% compliance; pool too small in Estates and Facilities.",
            note: "Escalated to the Director of People.",
          },
          {
            daysAgo: 45,
            by: "tom",
            rag: "Red",
            progress: "Second training round booked; compliance 68%.",
            note: "Still below target; recovery plan to People Committee.",
          },
        ],
      },
    ],
  },
  {
    number: "2",
    title: "Make recruitment and career progression fair for minority ethnic staff",
    description:
      "White applicants are 1.7 times more likely to be appointed from shortlisting than Black, Asian and minority ethnic applicants (indicator 2), and fewer minority ethnic staff believe the trust offers equal opportunities for career progression (indicator 7).",
    owner: "tom",
    sponsor: "amara",
    indicators: [2, 7],
    highImpactActions: ["HIA 2"],
    actions: [
      {
        number: "2.1",
        title:
          "Analyse the relative likelihood of appointment from shortlisting by division and staff group every six months",
        leads: ["tom"],
        leadText: "Head of Resourcing with Workforce Information",
        dueInDays: -20,
        milestones: "Data extract from TRAC and ESR; divisional dashboards; six-monthly report",
        kpis: "Indicator 2: relative likelihood falls from 1.70 towards 1.25",
        outcomes: "Divisions see where the gap in appointments arises and act on it",
        indicators: [2],
        startRag: "Green",
        history: [
          {
            daysAgo: 260,
            by: "tom",
            rag: "Green",
            progress: "First six-monthly analysis published: relative likelihood 1.62.",
          },
          {
            daysAgo: 80,
            by: "tom",
            rag: "Blue",
            progress: "Second analysis published; dashboards live for every division.",
            note: "Complete; continues as business as usual.",
          },
        ],
      },
      {
        number: "2.2",
        title: "Deliver inclusive recruitment training to every recruiting manager",
        leads: ["tom", "edi"],
        leadText: "Head of Resourcing; Head of EDI",
        dueInDays: 30,
        milestones: "E-learning module live; face-to-face sessions monthly; completion tracked in ESR",
        kpis: "80% of recruiting managers trained by the due date",
        outcomes: "Managers recognise and reduce bias in shortlisting and interviews",
        indicators: [2],
        startRag: "Amber",
        history: [
          { daysAgo: 240, by: "tom", rag: "Amber", progress: "E-learning module live; 22% of managers completed." },
          {
            daysAgo: 140,
            by: "edi",
            rag: "Amber",
            progress: "Completion 48%; monthly reminders to divisional directors.",
          },
          { daysAgo: 20, by: "tom", rag: "Green", progress: "Completion 74%; on track for 80%." },
        ],
      },
      {
        number: "2.3",
        title: "Run a positive action development programme (Stepping Up) for Band 5 to 7 minority ethnic staff",
        leads: ["priya"],
        leadText: "Deputy Chief Nurse; Assistant Director of Education",
        dueInDays: 120,
        milestones: "Cohort 1 recruited (20 places); six modules; coaching; evaluation and career moves tracked",
        kpis: "Indicator 7: staff who believe the trust provides equal opportunities rise by 5 points; 30% of cohort promoted within 18 months",
        outcomes: "A visible pipeline of minority ethnic nurses and AHPs ready for Band 7 and 8a roles",
        indicators: [4, 7],
        startRag: "Green",
        history: [
          { daysAgo: 220, by: "priya", rag: "Green", progress: "Cohort 1 started with 20 participants." },
          { daysAgo: 100, by: "priya", rag: "Green", progress: "Four participants promoted; module five delivered." },
          {
            daysAgo: 10,
            by: "chair",
            comment: true,
            note: "Participants asked for a second cohort open to estates and admin staff.",
          },
        ],
      },
      {
        number: "2.4",
        title: "Review secondment and acting-up opportunities so they are advertised openly",
        leads: ["amara"],
        leadText: "HR Business Partners",
        dueInDays: -10,
        milestones: "Policy review; intranet vacancy page for secondments; quarterly audit of appointments",
        kpis: "All secondments and acting-up posts advertised; quarterly audit by ethnicity",
        outcomes: "No informal tap-on-the-shoulder appointments",
        indicators: [7],
        startRag: "Amber",
        history: [
          {
            daysAgo: 190,
            by: "amara",
            rag: "Amber",
            progress: "Policy drafted; consultation with staff side under way.",
          },
          { daysAgo: 60, by: "amara", rag: "Amber", progress: "Policy approved; audit process not yet in place." },
        ],
      },
    ],
  },
  {
    number: "3",
    title: "Reduce the disproportionate entry of minority ethnic staff into formal disciplinary processes",
    description:
      "Black, Asian and minority ethnic staff are 1.9 times more likely than white staff to enter the formal disciplinary process (indicator 3). We will make every decision to start a formal process fair, checked and learned from.",
    owner: "amara",
    sponsor: "amara",
    indicators: [3],
    highImpactActions: ["HIA 6"],
    ragOverride: {
      rag: "Amber",
      reason:
        "Pre-formal checks only started in Q3; a full year of data is needed before the committee can judge impact.",
    },
    actions: [
      {
        number: "3.1",
        title:
          "Introduce a pre-formal decision checklist and independent review before any disciplinary investigation starts",
        leads: ["amara"],
        leadText: "Head of Employee Relations",
        dueInDays: -100,
        milestones: "Checklist co-designed with the network; trained reviewers; go-live; quarterly audit",
        kpis: "Indicator 3: relative likelihood falls from 1.90 to 1.30; 100% of cases reviewed",
        outcomes: "Fewer cases enter formal processes where informal resolution is appropriate",
        indicators: [3],
        startRag: "Amber",
        history: [
          { daysAgo: 310, by: "amara", rag: "Amber", progress: "Checklist drafted with the Race Equality Network." },
          { daysAgo: 180, by: "amara", rag: "Green", progress: "Go-live in all divisions; 12 reviewers trained." },
          {
            daysAgo: 50,
            by: "amara",
            rag: "Blue",
            progress: "Audit: every case since go-live had an independent review.",
            note: "Complete.",
          },
        ],
      },
      {
        number: "3.2",
        title: "Train cultural ambassadors to sit on disciplinary and grievance panels involving minority ethnic staff",
        leads: ["priya"],
        leadText: "Deputy Chief Nurse",
        dueInDays: -55,
        milestones: "Recruit 15 ambassadors; RCN training; ambassador rota live",
        kpis: "Ambassador present in 90% of eligible cases",
        outcomes: "Cultural bias is challenged in panel decisions",
        indicators: [3],
        startRag: "Green",
        history: [
          {
            daysAgo: 270,
            by: "priya",
            rag: "Green",
            progress: "15 ambassadors recruited; training booked with the RCN.",
          },
          {
            daysAgo: 150,
            by: "priya",
            rag: "Amber",
            progress: "Only 9 ambassadors completed training; rota gaps at night.",
          },
          {
            daysAgo: 40,
            by: "priya",
            rag: "Red",
            progress: "Ambassadors present in 52% of eligible cases.",
            note: "Needs protected time agreed by divisional directors.",
          },
          {
            daysAgo: 12,
            by: "chair",
            comment: true,
            note: "Ambassadors tell us they are not released from clinical duties. The network supports protected time.",
          },
        ],
      },
      {
        number: "3.3",
        title: "Publish an annual analysis of employee relations cases by ethnicity, outcome and length",
        leads: ["edi"],
        leadText: "Head of EDI; Workforce Information",
        dueInDays: 150,
        milestones: "Case data cleansed; analysis; report to People Committee and Trust Board",
        kpis: "Report published; case length gap between groups reported",
        outcomes: "The board sees where disparities arise and tracks them year on year",
        indicators: [3],
        startRag: "Green",
        history: [
          { daysAgo: 70, by: "edi", rag: "Green", progress: "Case data for the last three years cleansed and coded." },
        ],
      },
    ],
  },
  {
    number: "4",
    title: "Ensure equal access to non-mandatory training and continuing professional development",
    description:
      "Access to non-mandatory training is close to parity (indicator 4) but funded CPD places for nurses and AHPs still go disproportionately to white staff. We will make allocation transparent.",
    owner: "priya",
    sponsor: "priya",
    indicators: [4],
    highImpactActions: ["HIA 2", "HIA 5"],
    actions: [
      {
        number: "4.1",
        title: "Allocate funded CPD places through a transparent application and panel process",
        leads: ["priya"],
        leadText: "Assistant Director of Education",
        dueInDays: -5,
        milestones: "Application form; scoring criteria published; diverse allocation panel",
        kpis: "Indicator 4: relative likelihood of accessing CPD between 0.80 and 1.25",
        outcomes: "Staff trust that CPD funding is allocated fairly",
        indicators: [4],
        startRag: "Amber",
        history: [
          { daysAgo: 230, by: "priya", rag: "Amber", progress: "Criteria drafted; consultation with the network." },
          {
            daysAgo: 110,
            by: "priya",
            rag: "Green",
            progress: "First allocation round complete; 41% of places to minority ethnic staff.",
          },
        ],
      },
      {
        number: "4.2",
        title: "Strengthen the induction and pastoral support for internationally educated nurses",
        leads: ["priya"],
        leadText: "Deputy Chief Nurse; Clinical Education Team",
        dueInDays: -120,
        milestones: "Pastoral lead appointed; buddy scheme; OSCE support; six-month check-in",
        kpis: "Retention of internationally educated nurses at 12 months above 90%",
        outcomes: "Internationally educated nurses settle well and stay",
        indicators: [4, 5],
        startRag: "Green",
        history: [
          { daysAgo: 300, by: "priya", rag: "Green", progress: "Pastoral lead in post; buddy scheme launched." },
          {
            daysAgo: 150,
            by: "priya",
            rag: "Blue",
            progress: "12-month retention 93%; scheme now business as usual.",
            note: "Complete.",
          },
        ],
      },
      {
        number: "4.3",
        title: "Record ethnicity for all non-mandatory training in the learning management system",
        leads: ["tom"],
        leadText: "Head of Workforce Systems",
        dueInDays: -30,
        milestones: "Mapping to ESR; reporting view; data quality check",
        kpis: "Ethnicity known for 98% of training records",
        outcomes: "Indicator 4 can be reported from complete data",
        indicators: [4],
        startRag: "Amber",
        history: [
          { daysAgo: 200, by: "tom", rag: "Amber", progress: "Supplier change request raised." },
          {
            daysAgo: 90,
            by: "tom",
            rag: "Red",
            progress: "Supplier delay; ethnicity known for 71% of records.",
            note: "New supplier date awaited.",
          },
        ],
      },
    ],
  },
  {
    number: "5",
    title: "Eliminate bullying, harassment and discrimination experienced by minority ethnic staff",
    description:
      "The staff survey shows minority ethnic staff report more harassment, bullying or abuse from patients and the public (indicator 5) and from colleagues (indicator 6), and more discrimination from managers (indicator 8).",
    owner: "edi",
    sponsor: "amara",
    indicators: [5, 6, 8],
    highImpactActions: ["HIA 6"],
    actions: [
      {
        number: "5.1",
        title:
          "Launch a zero-tolerance campaign on racist abuse from patients and visitors, with a clear reporting route",
        leads: ["edi"],
        leadText: "Head of EDI; Head of Security",
        dueInDays: -60,
        milestones: "Campaign materials co-produced; Datix category for racist abuse; manager guidance",
        kpis: "Indicator 5: gap between groups halves; reported incidents rise in year one",
        outcomes: "Staff feel supported to report racist abuse and see action taken",
        indicators: [5],
        startRag: "Green",
        history: [
          {
            daysAgo: 290,
            by: "edi",
            rag: "Green",
            progress: "Campaign co-produced with the network; posters in all public areas.",
          },
          {
            daysAgo: 170,
            by: "edi",
            rag: "Blue",
            progress: "Datix category live; manager guidance issued.",
            note: "Complete; incidents monitored quarterly.",
          },
        ],
      },
      {
        number: "5.2",
        title: "Train Freedom to Speak Up champions from minority ethnic backgrounds in every division",
        leads: ["edi"],
        leadText: "Freedom to Speak Up Guardian",
        dueInDays: 45,
        milestones: "Recruit champions; training; publicise; quarterly themes report",
        kpis: "At least one minority ethnic champion per division; concerns raised by minority ethnic staff tracked",
        outcomes: "Staff have someone they trust to speak up to",
        indicators: [6, 8],
        startRag: "Amber",
        history: [
          { daysAgo: 180, by: "edi", rag: "Amber", progress: "Champions recruited in three of five divisions." },
          {
            daysAgo: 25,
            by: "edi",
            rag: "Green",
            progress: "All five divisions covered; first themes report drafted.",
          },
        ],
      },
      {
        number: "5.3",
        title: "Run civility and respect workshops for teams with the widest indicator 6 and 8 gaps",
        leads: ["amara", "edi"],
        leadText: "Organisational Development Lead",
        dueInDays: 200,
        milestones: "Identify teams from survey data; facilitator training; workshops; pulse survey",
        kpis: "Indicator 6 and 8 gaps close in the targeted teams at the next staff survey",
        outcomes: "Teams agree and keep behaviour charters",
        indicators: [6, 8],
        startRag: "Green",
        history: [
          { daysAgo: 60, by: "amara", rag: "Green", progress: "Eight teams identified; facilitators trained." },
          { daysAgo: 5, by: "chair", comment: true, note: "Could network members co-facilitate some workshops?" },
        ],
      },
      {
        number: "5.4",
        title: "Report the staff survey race equality results to every divisional board with a local action plan",
        leads: ["tom"],
        leadText: "HR Business Partners",
        dueInDays: -15,
        milestones: "Divisional packs; divisional board presentations; local plans collected",
        kpis: "Five of five divisions with a local race equality action plan",
        outcomes: "Divisions own their part of the WRES plan",
        indicators: [5, 6, 7, 8],
        startRag: "Amber",
        history: [
          { daysAgo: 130, by: "tom", rag: "Amber", progress: "Packs sent; three divisions presented." },
          { daysAgo: 35, by: "tom", rag: "Amber", progress: "Four local plans received; Surgery outstanding." },
        ],
      },
      {
        number: "5.5",
        title: "Agree a trust-wide anti-racism statement with the Race Equality Network and the board",
        leads: ["edi"],
        leadText: "Head of EDI; Trust Chair",
        dueInDays: -200,
        milestones: "Listening events; draft statement; board approval; launch",
        kpis: "Statement approved and published",
        outcomes: "A shared commitment that staff can hold the trust to",
        indicators: [5, 6, 8],
        startRag: "Green",
        history: [
          { daysAgo: 320, by: "edi", rag: "Green", progress: "Four listening events held with 180 staff." },
          {
            daysAgo: 240,
            by: "edi",
            rag: "Blue",
            progress: "Statement approved by the board and launched in Black History Month.",
            note: "Complete.",
          },
        ],
      },
    ],
  },
];
