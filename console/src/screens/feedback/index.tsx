import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router-dom";
import { Loading } from "../../components/states";

// The dashboard brings ECharts: load it (a large chunk) only when the screen is opened.
const Dashboard = lazy(() => import("./Dashboard"));

export const routes: RouteObject[] = [
  {
    path: "feedback",
    element: (
      <Suspense fallback={<Loading />}>
        <Dashboard />
      </Suspense>
    ),
  },
];
