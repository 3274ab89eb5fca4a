import type { RouteObject } from "react-router-dom";
import "./pipeline.css";
import { Openings } from "./Openings";
import { PositionPipeline } from "./Position";
import { ApplicationPage } from "./Application";
import { ScorecardPage } from "./Scorecard";
import { RejectPage } from "./Reject";

export const routes: RouteObject[] = [
  { path: "pipeline", element: <Openings /> },
  { path: "pipeline/:positionId", element: <PositionPipeline /> },
  { path: "pipeline/applications/:id", element: <ApplicationPage /> },
  { path: "pipeline/applications/:id/scorecard", element: <ScorecardPage /> },
  { path: "pipeline/applications/:id/reject", element: <RejectPage /> },
];
