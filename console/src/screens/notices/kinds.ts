// The kinds of notice the template library holds (notify's TemplateCreate.kind), in the
// order the screens offer them.
import type { components } from "../../api/schema/notify";

export type NoticeKind = components["schemas"]["TemplateCreate"]["kind"];

export const NOTICE_KINDS: NoticeKind[] = [
  "rejection",
  "invitation",
  "interview_invitation",
  "interview_update",
  "interview_cancellation",
  "interview_reminder",
  "scorecard_due",
];
