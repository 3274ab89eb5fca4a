// One opening's applications by status: tabs with counts, each a paged table with the
// screening explanation (requirement, expected, actual) and re-screen flags; HR adds a
// candidate met outside any system.
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import { Page } from "../../components/Page";
import { Empty, Loading, ProblemAlert } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { CandidateName, Flags, ScreeningExplanation, StatusBadge, useOpening, usePaged } from "./shared";
import { LoadMore } from "../../components/LoadMore";
import { AddCandidate } from "./AddCandidate";
import { STATUSES, type ApplicationStatus } from "./types";

const COUNT_LIMIT = 500;

export function PositionPipeline() {
  const { positionId = "" } = useParams();
  const { t } = useTranslation("pipeline");
  const opening = useOpening(positionId);
  const [status, setStatus] = useState<ApplicationStatus>("screening");
  // Counts per status: one page of up to 500 (shown as "500+" beyond).
  const counts = useQuery({
    queryKey: ["applications", positionId, "counts"],
    queryFn: async () => {
      const page = await data(
        api().recruiting.GET("/api/v1/applications", {
          params: { query: { position_id: positionId, limit: COUNT_LIMIT } },
        }),
      );
      const by: Record<string, number> = {};
      for (const a of page.items) by[a.status] = (by[a.status] ?? 0) + 1;
      return { by, more: !!page.next_cursor };
    },
  });
  const { query, items } = usePaged(["applications", positionId, status], (cursor) =>
    data(
      api().recruiting.GET("/api/v1/applications", {
        params: { query: { position_id: positionId, status, limit: 20, cursor } },
      }),
    ),
  );
  const title = opening.data?.title ?? t("pipeline.title");
  return (
    <Page title={title} actions={<Link to="/pipeline">{t("pipeline.back")}</Link>}>
      {opening.isError ? <ProblemAlert error={opening.error} /> : null}
      {opening.data ? (
        <p className="hint">
          {(opening.data.org_unit.path ?? []).join(" / ") || opening.data.org_unit.name} · {opening.data.job_family} ·{" "}
          {t("pipeline.version", { version: opening.data.version })}
        </p>
      ) : null}
      {opening.data?.status === "open" ? <AddCandidate positionId={positionId} /> : null}
      <div className="tabs" role="tablist" aria-label={t("pipeline.byStatus")}>
        {STATUSES.map((s) => {
          const n = counts.data?.by[s] ?? 0;
          return (
            <button
              key={s}
              type="button"
              role="tab"
              id={`tab-${s}`}
              aria-selected={status === s}
              aria-controls="applications-panel"
              onClick={() => setStatus(s)}
            >
              {t(`status.${s}`)} ({counts.isPending ? "…" : `${n}${counts.data?.more ? "+" : ""}`})
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id="applications-panel" aria-labelledby={`tab-${status}`}>
        {query.isPending ? (
          <Loading />
        ) : query.isError ? (
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <Empty>{t("pipeline.empty", { status: t(`status.${status}`) })}</Empty>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("pipeline.candidate")}</th>
                  <th scope="col">{t("pipeline.status")}</th>
                  <th scope="col">{t("pipeline.screening")}</th>
                  <th scope="col">{t("pipeline.flags")}</th>
                  <th scope="col">{t("pipeline.applied")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id} data-testid="application-row">
                    <td>
                      <Link to={`/pipeline/applications/${a.id}`}>
                        <CandidateName id={a.candidate_id} />
                      </Link>
                    </td>
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td>
                      <ScreeningExplanation unmet={a.screening.unmet} passed={a.screening.passed} />
                      <div className="hint">
                        {t("screening.score", { score: a.screening.score, version: a.screening.position_version })}
                      </div>
                    </td>
                    <td>{a.flags.length ? <Flags flags={a.flags} /> : <span className="hint">—</span>}</td>
                    <td>{formatDateTime(a.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore query={query} />
      </div>
    </Page>
  );
}
