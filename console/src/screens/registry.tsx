// The console's screens: each area's routes (from its own folder) and its place in the
// navigation, with the roles that see it (docs/authorization.md says what each role may do).
import type { RouteObject } from "react-router-dom";
import type { Role } from "../auth/token";
import * as org from "./org";
import * as pipeline from "./pipeline";
import * as interviews from "./interviews";
import * as decisions from "./decisions";
import * as notices from "./notices";
import * as feedback from "./feedback";
import * as talent from "./talent";
import * as settings from "./settings";

export interface Area {
  key: string;
  path: string;
  roles: Role[];
  routes: RouteObject[];
}

export const AREAS: Area[] = [
  { key: "org", path: "/org", roles: ["hr_admin", "recruiter"], routes: org.routes },
  { key: "pipeline", path: "/pipeline", roles: ["hr_admin", "recruiter"], routes: pipeline.routes },
  { key: "interviews", path: "/interviews", roles: ["interviewer", "hr_admin"], routes: interviews.routes },
  { key: "decisions", path: "/decisions", roles: ["hr_admin", "recruiter"], routes: decisions.routes },
  { key: "notices", path: "/notices", roles: ["hr_admin", "recruiter"], routes: notices.routes },
  { key: "feedback", path: "/feedback", roles: ["hr_admin", "recruiter"], routes: feedback.routes },
  { key: "talent", path: "/talent", roles: ["hr_admin", "recruiter"], routes: talent.routes },
  { key: "settings", path: "/settings", roles: ["hr_admin"], routes: settings.routes },
];
