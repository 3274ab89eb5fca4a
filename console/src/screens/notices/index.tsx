import type { RouteObject } from "react-router-dom";
import { NoticeDetail } from "./NoticeDetail";
import { NoticeList } from "./NoticeList";

export const routes: RouteObject[] = [
  { path: "notices", element: <NoticeList /> },
  { path: "notices/:id", element: <NoticeDetail /> },
];
