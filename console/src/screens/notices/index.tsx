import type { RouteObject } from "react-router-dom";
import { NoticeDetail } from "./NoticeDetail";
import { NoticeList } from "./NoticeList";
import { NewTemplate, TemplateDetail, TemplateList } from "./Templates";
import { SuggestionLibrary } from "./Suggestions";

export const routes: RouteObject[] = [
  { path: "notices", element: <NoticeList /> },
  { path: "notices/templates", element: <TemplateList /> },
  { path: "notices/templates/new", element: <NewTemplate /> },
  { path: "notices/templates/:id", element: <TemplateDetail /> },
  { path: "notices/suggestions", element: <SuggestionLibrary /> },
  { path: "notices/:id", element: <NoticeDetail /> },
];
