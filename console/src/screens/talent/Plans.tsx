// New hires' development plans: the scorecard's gaps and the courses that cover them;
// `?application=<id>` shows one hire's plan (the new-hire alert links there).
import { Link, useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import { Page } from "../../components/Page";
import { ListState } from "../../components/states";
import { formatDateTime, formatNumber } from "../../components/format";
import { TalentTabs } from "./Tabs";
import "./talent.css";
import { LoadMore } from "../../components/LoadMore";
import { usePaged } from "../../components/hooks";

export function DevelopmentPlans() {
  const { t } = useTranslation("talent");
  const [params] = useSearchParams();
  const application = params.get("application") || undefined;
  const { query, items } = usePaged(["talent", "plans", application ?? null], (cursor) =>
    data(
      api().talent.GET("/api/v1/development-plans", {
        params: { query: { limit: 20, cursor, application_id: application } },
      }),
    ),
  );
  return (
    <Page title={t("title")}>
      <TalentTabs />
      <h2>{t("plans.title")}</h2>
      {application ? (
        <p className="hint">
          {t("plans.oneHire")} <Link to="/talent/plans">{t("plans.all")}</Link>
        </p>
      ) : null}
      <ListState query={query} count={items.length} empty={t("plans.empty")}>
        {items.map((plan) => (
          <article key={plan.id} className="panel" aria-labelledby={`plan-${plan.id}`}>
            <h3 id={`plan-${plan.id}`}>
              {plan.name} — {plan.position.title}
            </h3>
            <p className="hint">
              {t("plans.hired", { at: formatDateTime(plan.hired_at), by: plan.decided_by })}
            </p>
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t("plans.title")}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("plans.gap")}</th>
                    <th scope="col">{t("plans.score")}</th>
                    <th scope="col">{t("plans.courses")}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.gaps.map((g) => (
                    <tr key={g.dimension}>
                      <td>
                        {g.name ?? g.dimension}
                        {g.text ? <div className="hint">{g.text}</div> : null}
                      </td>
                      <td>{formatNumber(g.score)}</td>
                      <td>
                        {g.course_ids.length
                          ? plan.courses
                              .filter((c) => g.course_ids.includes(c.course.id))
                              .map((c) => c.course.title)
                              .join(", ")
                          : t("plans.noCourse")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </article>
        ))}
      </ListState>
      <LoadMore query={query} />
    </Page>
  );
}
