// The decision policy's pending decisions, by deadline: what the notice will say, and
// confirm (the rejection goes out now), overturn (the candidate stays) or edit the words
// on the reject page first. `?application=<id>` (a decision-pending alert's link) shows
// that application's decision only.
import { useEffect, useState } from "react";
import { Link, useSearchParams, type RouteObject } from "react-router-dom";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import "../pipeline/pipeline.css";
import { api, data } from "../../api/client";
import { Page } from "../../components/Page";
import { ListState, ProblemAlert } from "../../components/states";
import { formatDateTime, formatNumber } from "../../components/format";
import { CandidateName, useApplication } from "../pipeline/shared";
import { usePaged } from "../../components/hooks";
import { LoadMore } from "../../components/LoadMore";
import type { Decision } from "../pipeline/types";

function useNow(ms = 30_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

function Decisions() {
  const { t } = useTranslation("decisions");
  const [params] = useSearchParams();
  const application = params.get("application") || undefined;
  const { query, items } = usePaged(["decisions", "pending", application ?? null], (cursor) =>
    data(
      api().recruiting.GET("/api/v1/decisions", {
        params: { query: { status: "pending", application_id: application, limit: 20, cursor } },
      }),
    ),
  );
  return (
    <Page title={t("title")}>
      <p className="hint">{t("hint")}</p>
      {application ? (
        <p className="hint">
          {t("oneApplication")} <Link to="/decisions">{t("allPending")}</Link>
          {" · "}
          <Link to={`/pipeline/applications/${application}`}>{t("application")}</Link>
        </p>
      ) : null}
      <ListState query={query} count={items.length} empty={application ? t("notPending") : t("empty")}>
        <div className="decisions">
          {items.map((d) => (
            <DecisionCard key={d.id} decision={d} />
          ))}
        </div>
      </ListState>
      <LoadMore query={query} />
    </Page>
  );
}

function DecisionCard({ decision: d }: { decision: Decision }) {
  const { t } = useTranslation("decisions");
  const client = useQueryClient();
  const application = useApplication(d.application_id);
  const now = useNow();
  const [note, setNote] = useState("");
  const [done, setDone] = useState<"confirmed" | "overturned" | null>(null);
  const path = { params: { path: { application_id: d.application_id } } };
  const after = (what: "confirmed" | "overturned") => {
    setDone(what);
    void client.invalidateQueries({ queryKey: ["application", d.application_id] });
    void client.invalidateQueries({ queryKey: ["applications"] });
  };
  const confirm = useMutation({
    mutationFn: () => data(api().recruiting.POST("/api/v1/applications/{application_id}/decision/confirm", path)),
    onSuccess: () => after("confirmed"),
  });
  const overturn = useMutation({
    mutationFn: () =>
      data(
        api().recruiting.POST("/api/v1/applications/{application_id}/decision/overturn", {
          ...path,
          body: { reason: note.trim() || null },
        }),
      ),
    onSuccess: () => after("overturned"),
  });
  const minutes = Math.round((new Date(d.decides_at).getTime() - now) / 60_000);
  const labelId = `decision-${d.id}`;
  return (
    <article className="panel" aria-labelledby={labelId} data-testid="decision">
      <h2 id={labelId}>
        {application.data ? <CandidateName id={application.data.candidate_id} /> : t("application")}
      </h2>
      <p>
        <span className={`badge ${minutes < 30 ? "badge-danger" : "badge-warning"}`}>
          {minutes > 0 ? t("dueIn", { minutes }) : t("due")}
        </span>{" "}
        <span className="hint">
          {t("deadline", { at: formatDateTime(d.decides_at) })} · {t(`mode.${d.mode}`, { defaultValue: d.mode })} ·{" "}
          {t("composite", { score: formatNumber(d.scorecard?.composite) })}
        </span>
      </p>
      <div className="grid">
        <div>
          <h3>{t("strengths")}</h3>
          {d.strengths.length ? <ul>{d.strengths.map((s, i) => <li key={i}>{s}</li>)}</ul> : <p className="hint">—</p>}
        </div>
        <div>
          <h3>{t("reasons")}</h3>
          {d.reasons.length ? <ul>{d.reasons.map((r, i) => <li key={i}>{r.text}</li>)}</ul> : <p className="hint">—</p>}
        </div>
        <div>
          <h3>{t("suggestions")}</h3>
          {d.suggestions.length ? <ul>{d.suggestions.map((s, i) => <li key={i}>{s}</li>)}</ul> : <p className="hint">—</p>}
        </div>
      </div>
      {done ? (
        <p className="alert alert-ok" role="status">
          {t(`done.${done}`)}
        </p>
      ) : (
        <>
          <label className="note">
            {t("note")}
            <input name="overturn-reason" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          </label>
          <div className="row actions">
            <button type="button" className="danger" onClick={() => confirm.mutate()} disabled={confirm.isPending || overturn.isPending}>
              {t("confirm")}
            </button>
            <button type="button" onClick={() => overturn.mutate()} disabled={confirm.isPending || overturn.isPending}>
              {t("overturn")}
            </button>
            <Link to={`/pipeline/applications/${d.application_id}/reject`}>{t("edit")}</Link>
            <Link to={`/pipeline/applications/${d.application_id}/scorecard`}>{t("scorecard")}</Link>
          </div>
          <ProblemAlert error={confirm.error ?? overturn.error} />
        </>
      )}
    </article>
  );
}

export const routes: RouteObject[] = [{ path: "decisions", element: <Decisions /> }];
