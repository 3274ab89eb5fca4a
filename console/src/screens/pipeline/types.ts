// The recruiting and notify shapes the pipeline, interviewer and decision screens use.
import type { components as R } from "../../api/schema/recruiting";
import type { components as N } from "../../api/schema/notify";

export type Opening = R["schemas"]["OpeningRead"];
export type ApplicationSummary = R["schemas"]["ApplicationSummary"];
export type Application = R["schemas"]["ApplicationRead"];
export type Candidate = R["schemas"]["CandidateRead"];
export type Unmet = R["schemas"]["UnmetRead"];
export type Scorecard = R["schemas"]["ScorecardRead"];
export type Evaluation = R["schemas"]["EvaluationRead"];
export type Decision = R["schemas"]["DecisionRead"];
export type Interview = R["schemas"]["InterviewRead"];
export type MyInterview = R["schemas"]["MyInterviewRead"];
export type Reason = R["schemas"]["ReasonIn"];
export type RejectionDraft = R["schemas"]["RejectionDraftRead"];
export type NoticePreview = N["schemas"]["NoticePreviewRead"];
export type ApplicationStatus = Application["status"];

export const STATUSES: ApplicationStatus[] = [
  "screening",
  "screened_out",
  "interviewing",
  "offer",
  "hired",
  "rejected",
  "withdrawn",
];
