// /settings (hr_admin): notice settings, decision policy, webhooks, team-chat robots, the
// skills and education vocabulary, alert preferences and
// the staff directory, as tabs (the tab is in the URL, ?tab=…).
import type { RouteObject } from "react-router-dom";
import { useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/Page";
import { NoticeSettings } from "./NoticeSettings";
import { DecisionPolicy } from "./DecisionPolicy";
import { Webhooks } from "./Webhooks";
import { ChatRobots } from "./ChatRobots";
import { Vocabulary } from "./Vocabulary";
import { AlertPreferences } from "./AlertPreferences";
import { People } from "./People";
import "../org/org.css";

const TABS = ["notices", "policy", "webhooks", "robots", "vocabulary", "alerts", "people"] as const;
type Tab = (typeof TABS)[number];

function SettingsPage() {
  const { t } = useTranslation("settings");
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get("tab") ?? "") ? (params.get("tab") as Tab) : "notices";
  return (
    <Page title={t("title")}>
      <div className="tabs" role="tablist" aria-label={t("title")}>
        {TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`tab-${key}`}
            aria-selected={tab === key}
            aria-controls={`panel-${key}`}
            onClick={() => setParams({ tab: key }, { replace: true })}
          >
            {t(`tabs.${key}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "notices" ? <NoticeSettings /> : null}
        {tab === "policy" ? <DecisionPolicy /> : null}
        {tab === "webhooks" ? <Webhooks /> : null}
        {tab === "robots" ? <ChatRobots /> : null}
        {tab === "vocabulary" ? <Vocabulary /> : null}
        {tab === "alerts" ? <AlertPreferences /> : null}
        {tab === "people" ? <People /> : null}
      </div>
    </Page>
  );
}

export const routes: RouteObject[] = [{ path: "settings", element: <SettingsPage /> }];
