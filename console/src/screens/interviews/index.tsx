import type { RouteObject } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/Page";

function Placeholder() {
  const { t } = useTranslation();
  return <Page title={t("nav.interviews")}>{null}</Page>;
}

export const routes: RouteObject[] = [{ path: "interviews", element: <Placeholder /> }];
