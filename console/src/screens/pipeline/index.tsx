import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router-dom";
import "./pipeline.css";
import { Loading } from "../../components/states";
import { Openings } from "./Openings";
import { PositionPipeline } from "./Position";
import { ApplicationPage } from "./Application";
import { RejectPage } from "./Reject";

// The scorecard's charts (ECharts) load only when a scorecard is opened.
const ScorecardPage = lazy(() => import("./Scorecard").then((m) => ({ default: m.ScorecardPage })));

export const routes: RouteObject[] = [
  { path: "pipeline", element: <Openings /> },
  { path: "pipeline/:positionId", element: <PositionPipeline /> },
  { path: "pipeline/applications/:id", element: <ApplicationPage /> },
  {
    path: "pipeline/applications/:id/scorecard",
    element: (
      <Suspense fallback={<Loading />}>
        <ScorecardPage />
      </Suspense>
    ),
  },
  { path: "pipeline/applications/:id/reject", element: <RejectPage /> },
];
