import type { RouteObject } from "react-router-dom";
import { TalentDetail } from "./Detail";
import { TalentMatches } from "./Matches";
import { DevelopmentPlans } from "./Plans";
import { TalentReminders } from "./Reminders";
import { TalentSearch } from "./Search";

export const routes: RouteObject[] = [
  { path: "talent", element: <TalentSearch /> },
  { path: "talent/matches", element: <TalentMatches /> },
  { path: "talent/reminders", element: <TalentReminders /> },
  { path: "talent/plans", element: <DevelopmentPlans /> },
  { path: "talent/:id", element: <TalentDetail /> },
];
