import type { RouteObject } from "react-router-dom";
import { OrgPage } from "./OrgPage";
import { NewPositionPage, PositionPage } from "./PositionPage";

export const routes: RouteObject[] = [
  { path: "org", element: <OrgPage /> },
  { path: "org/positions/new", element: <NewPositionPage /> },
  { path: "org/positions/:id", element: <PositionPage /> },
];
