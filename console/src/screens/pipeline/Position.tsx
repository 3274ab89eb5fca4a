// One opening's applications by status: tabs with counts, each a paged table with the
// screening explanation (requirement, expected, actual) and re-screen flags; HR adds a
// candidate met outside any system.
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router-dom";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import { Page } from "../../components/Page";
import { ListState, ProblemAlert } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { CandidateName, Flags, ScreeningExplanation, StatusBadge, useOpening } from "./shared";
import { usePaged } from "../../components/hooks";
import { LoadMore } from "../../components/LoadMore";
import { AddCandidate } from "./AddCandidate";
import { STATUSES, type ApplicationStatus } from "./types";

const COUNT_LIMIT = 500;
const BULK_STATUSES: ApplicationStatus[] = ["screening", "screened_out"];

/** Reject the picked applications at once: each candidate gets their own notice, from
 * what screening found (the unmet requirement), after the configured delay. */
function BulkReject({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation("pipeline");
  const [asking, setAsking] = useState(false);
  const [send, setSend] = useState(true);
  const reject = useMutation({
    mutationFn: () =>
      data(
        api().recruiting.POST("/api/v1/applications/bulk-reject", {
          body: { application_ids: ids, notify: { send } },
        }),
      ),
    onSuccess: () => {
      setAsking(false);
      onDone();
    },
  });
  const result = reject.data;
  return (
    <div className="row actions">
      {!asking ? (
        <button type="button" className="danger" disabled={!ids.length} onClick={() => setAsking(true)}>
          {t("bulk.open", { count: ids.length })}
        </button>
      ) : (
        <form
          className="form panel"
          aria-label={t("bulk.title")}
          onSubmit={(e) => {
            e.preventDefault();
            reject.mutate();
          }}
        >
          <p>
            <strong>{t("bulk.confirm", { count: ids.length })}</strong>
          </p>
          <label className="check">
            <input type="checkbox" name="bulk-send" checked={send} onChange={(e) => setSend(e.target.checked)} />
            {t("bulk.send")}
          </label>
          <ProblemAlert error={reject.error} />
          <div className="row">
            <button type="submit" className="danger" disabled={reject.isPending}>
              {t("bulk.submit", { count: ids.length })}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t("bulk.back")}
            </button>
          </div>
        </form>
      )}
      {result ? (
        <div className={`alert ${result.failed ? "alert-warning" : "alert-ok"}`} role="status">
          {t("bulk.done", { rejected: result.rejected, failed: result.failed })}
          {result.failed ? (
            <ul>
              {result.items
                .filter((i) => i.outcome !== "rejected")
                .map((i) => (
                  <li key={i.application_id}>
                    <Link to={`/pipeline/applications/${i.application_id}`}>{i.application_id.slice(0, 8)}</Link>: {i.detail ?? i.outcome}
                  </li>
                ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function PositionPipeline() {
  const { positionId = "" } = useParams();
  const { t } = useTranslation("pipeline");
  const opening = useOpening(positionId);
  const [status, setStatus] = useState<ApplicationStatus>("screening");
  const client = useQueryClient();
  // Applications picked for one rejection (in the statuses a rejection can leave).
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const rejectable = BULK_STATUSES.includes(status);
  const toggle = (id: string, on: boolean) =>
    setSelected((now) => {
      const next = new Set(now);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
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
              onClick={() => {
                setStatus(s);
                setSelected(new Set());
              }}
            >
              {t(`status.${s}`)} ({counts.isPending ? "…" : `${n}${counts.data?.more ? "+" : ""}`})
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id="applications-panel" aria-labelledby={`tab-${status}`}>
        {rejectable ? (
          <BulkReject
            ids={[...selected]}
            onDone={() => {
              setSelected(new Set());
              void client.invalidateQueries({ queryKey: ["applications", positionId] });
            }}
          />
        ) : null}
        <ListState query={query} count={items.length} empty={t("pipeline.empty", { status: t(`status.${status}`) })}>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  {rejectable ? (
                    <th scope="col">
                      <span className="visually-hidden">{t("bulk.select")}</span>
                    </th>
                  ) : null}
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
                    {rejectable ? (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t("bulk.selectOne", { id: a.id.slice(0, 8) })}
                          checked={selected.has(a.id)}
                          onChange={(e) => toggle(a.id, e.target.checked)}
                        />
                      </td>
                    ) : null}
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
        </ListState>
        <LoadMore query={query} />
      </div>
    </Page>
  );
}
