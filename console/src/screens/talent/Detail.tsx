// One pooled candidate: tags, applications, history, courses for their gaps, "contacted".
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import type { components } from "../../api/schema/talent";
import { Page } from "../../components/Page";
import { ProblemAlert, QueryState } from "../../components/states";
import { formatDateTime, formatNumber } from "../../components/format";
import { Tags, contactWish } from "./common";
import { TalentTabs } from "./Tabs";
import "./talent.css";

type Talent = components["schemas"]["TalentRead"];

export function TalentDetail() {
  const { id = "" } = useParams();
  const { t } = useTranslation("talent");
  const query = useQuery({
    queryKey: ["talent", "talent", id],
    queryFn: () => data(api().talent.GET("/api/v1/talents/{talent_id}", { params: { path: { talent_id: id } } })),
  });
  return (
    <Page title={query.data?.name ?? t("detail.title")} actions={<Link to="/talent">{t("detail.back")}</Link>}>
      <TalentTabs />
      <QueryState query={query}>{(talent) => <TalentView talent={talent} />}</QueryState>
    </Page>
  );
}

function TalentView({ talent }: { talent: Talent }) {
  const { t } = useTranslation("talent");
  const client = useQueryClient();
  const contacted = useMutation({
    mutationFn: () =>
      data(api().talent.POST("/api/v1/talents/{talent_id}/contacted", { params: { path: { talent_id: talent.id } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["talent"] });
    },
  });
  const development = useQuery({
    queryKey: ["talent", "development", talent.id],
    queryFn: () =>
      data(api().talent.GET("/api/v1/talents/{talent_id}/development", { params: { path: { talent_id: talent.id } } })),
  });
  const byKind = new Map<string, string[]>();
  for (const tag of talent.tags) byKind.set(tag.kind, [...(byKind.get(tag.kind) ?? []), tag.value]);

  return (
    <>
      <div className="grid">
        <section className="panel" aria-labelledby="profile">
          <h2 id="profile">{t("detail.profile")}</h2>
          <dl className="tp-facts">
            <dt>{t("detail.email")}</dt>
            <dd>{talent.email ?? "—"}</dd>
            <dt>{t("detail.phone")}</dt>
            <dd>{talent.phone ?? "—"}</dd>
            <dt>{t("col.years")}</dt>
            <dd>{talent.years_experience ?? "—"}</dd>
            <dt>{t("detail.language")}</dt>
            <dd>
              {talent.locale} · {talent.timezone}
            </dd>
            <dt>{t("col.contact")}</dt>
            <dd data-testid="open-to-contact">{t(contactWish(talent))}</dd>
            <dt>{t("detail.consent")}</dt>
            <dd>{t("detail.consentUntil", { at: formatDateTime(talent.consent_expires_at) })}</dd>
            <dt>{t("detail.lastContacted")}</dt>
            <dd data-testid="last-contacted">{formatDateTime(talent.last_contacted_at)}</dd>
            <dt>{t("col.nextContact")}</dt>
            <dd>{formatDateTime(talent.next_contact_at)}</dd>
          </dl>
          <ProblemAlert error={contacted.error} />
          {contacted.isSuccess ? (
            <p className="alert alert-ok" role="status">
              {t("detail.contactedDone", { at: formatDateTime(contacted.data.next_contact_at) })}
            </p>
          ) : null}
          <button type="button" className="primary" onClick={() => contacted.mutate()} disabled={contacted.isPending}>
            {t("detail.markContacted")}
          </button>
        </section>
        <section className="panel" aria-labelledby="tags">
          <h2 id="tags">{t("detail.tags")}</h2>
          {byKind.size === 0 ? (
            <p className="state state-empty">{t("detail.noTags")}</p>
          ) : (
            <dl className="tp-facts">
              {[...byKind.entries()].map(([kind, values]) => (
                <div key={kind} style={{ display: "contents" }}>
                  <dt>{t(`tagKind.${kind}`, { defaultValue: kind })}</dt>
                  <dd>
                    <Tags values={values} label={t(`tagKind.${kind}`, { defaultValue: kind })} />
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby="applications">
        <h2 id="applications">{t("detail.applications")}</h2>
        {talent.applications.length === 0 ? (
          <p className="state state-empty">{t("detail.noApplications")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t("detail.applications")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("detail.position")}</th>
                  <th scope="col">{t("detail.jobFamily")}</th>
                  <th scope="col">{t("detail.stage")}</th>
                  <th scope="col">{t("detail.composite")}</th>
                  <th scope="col">{t("detail.rejectedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {talent.applications.map((a) => (
                  <tr key={a.application_id}>
                    <td>{a.position_title}</td>
                    <td>{a.job_family}</td>
                    <td>{a.stage}</td>
                    <td>{formatNumber(a.composite)}</td>
                    <td>{formatDateTime(a.rejected_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="development">
        <h2 id="development">{t("detail.development")}</h2>
        <QueryState
          query={development}
          isEmpty={(d) => d.suggestions.length === 0}
          empty={talent.gaps.length ? t("detail.noCourses") : t("detail.noGaps")}
        >
          {(d) => (
            <>
              <p>
                {t("detail.gaps")}: <Tags values={d.gaps} label={t("detail.gaps")} />
              </p>
              <ul>
                {d.suggestions.map((s) => (
                  <li key={s.course.id}>
                    <a href={s.course.url} target="_blank" rel="noreferrer">
                      {s.course.title}
                    </a>{" "}
                    ({s.course.provider}) — {t("detail.covers", { gaps: s.covers.join(", ") })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </QueryState>
      </section>

      <section className="panel" aria-labelledby="history">
        <h2 id="history">{t("detail.history")}</h2>
        {talent.history.length === 0 ? (
          <p className="state state-empty">{t("detail.noHistory")}</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t("detail.history")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("detail.when")}</th>
                  <th scope="col">{t("detail.action")}</th>
                  <th scope="col">{t("detail.detail")}</th>
                  <th scope="col">{t("detail.actor")}</th>
                </tr>
              </thead>
              <tbody>
                {talent.history.map((h, i) => (
                  <tr key={i}>
                    <td>{formatDateTime(h.at)}</td>
                    <td>{h.action}</td>
                    <td>{h.detail}</td>
                    <td>{h.actor ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
