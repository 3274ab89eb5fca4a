// The talent pool's sub-pages as a tab bar of links.
import { NavLink } from "react-router-dom";
import { useTranslation } from "react-i18next";

const TABS = [
  ["/talent", "tabs.search"],
  ["/talent/matches", "tabs.matches"],
  ["/talent/reminders", "tabs.reminders"],
  ["/talent/plans", "tabs.plans"],
] as const;

export function TalentTabs() {
  const { t } = useTranslation("talent");
  return (
    <nav aria-label={t("tabs.label")} className="talent-tabs">
      <ul>
        {TABS.map(([to, key]) => (
          <li key={to}>
            <NavLink to={to} end>
              {t(key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
