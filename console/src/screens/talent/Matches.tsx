// "N candidates match <opening>": pick an opening (recruiting), see the pooled candidates
// talent-service matched to it with each one's explanation, and invite one or many.
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, data, idempotencyKey } from "../../api/client";
import type { components } from "../../api/schema/talent";
import { Page } from "../../components/Page";
import { Empty, FieldError, Loading, ProblemAlert } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { Tags } from "./common";
import { TalentTabs } from "./Tabs";
import "./talent.css";
import { LoadMore } from "../../components/LoadMore";
import { usePaged } from "../../components/hooks";

type Match = components["schemas"]["MatchRead"];

export function TalentMatches() {
  const { t } = useTranslation("talent");
  const [params, setParams] = useSearchParams();
  const opening = params.get("opening") || "";
  const { query: openings, items: list } = usePaged(["recruiting", "openings"], (cursor) =>
    data(api().recruiting.GET("/api/v1/openings", { params: { query: { limit: 200, cursor } } })),
  );
  return (
    <Page title={t("title")}>
      <TalentTabs />
      <div className="panel tp-filters">
        <label>
          {t("matches.opening")}
          <select
            name="opening"
            value={opening}
            onChange={(e) => setParams(e.target.value ? { opening: e.target.value } : {}, { replace: true })}
            disabled={openings.isPending}
          >
            <option value="">{openings.isPending ? t("matches.loadingOpenings") : t("matches.choose")}</option>
            {list.map((o) => (
              <option key={o.position_id} value={o.position_id}>
                {o.title} · {o.org_unit.name} ({o.job_family})
              </option>
            ))}
          </select>
        </label>
        <LoadMore query={openings} />
      </div>
      <ProblemAlert error={openings.error} />
      {opening ? <MatchList positionId={opening} /> : <Empty>{t("matches.pick")}</Empty>}
    </Page>
  );
}

function MatchList({ positionId }: { positionId: string }) {
  const { t } = useTranslation("talent");
  const client = useQueryClient();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState("");
  const [outcome, setOutcome] = useState<string | null>(null);
  // A page also carries the total, the position and the strength counts: the first one's are shown.
  const { query, items } = usePaged(["talent", "matches", positionId], (cursor) =>
    data(
      api().talent.GET("/api/v1/positions/{position_id}/matches", {
        params: { path: { position_id: positionId }, query: { limit: 50, cursor } },
      }),
    ),
  );
  const done = () => {
    setSelected(new Set());
    void client.invalidateQueries({ queryKey: ["talent", "matches", positionId] });
  };
  const inviteOne = useMutation({
    mutationFn: (match: Match) =>
      data(
        api().talent.POST("/api/v1/matches/{match_id}/invite", {
          params: { path: { match_id: match.id } },
          headers: { "Idempotency-Key": idempotencyKey() },
          body: { message: message.trim() || null },
        }),
      ).then(() => match),
    onSuccess: (match) => {
      setOutcome(t("matches.invitedOne", { name: match.name }));
      done();
    },
  });
  const inviteMany = useMutation({
    mutationFn: (ids: string[]) =>
      data(
        api().talent.POST("/api/v1/positions/{position_id}/matches/invite", {
          params: { path: { position_id: positionId } },
          headers: { "Idempotency-Key": idempotencyKey() },
          body: { match_ids: ids, limit: ids.length, message: message.trim() || null },
        }),
      ),
    onSuccess: (result) => {
      setOutcome(t("matches.invitedMany", { invited: result.invited.length, skipped: result.skipped.length }));
      done();
    },
  });
  const error = inviteOne.error ?? inviteMany.error;

  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const first = query.data.pages[0];
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const strengths = Object.entries(first.strength_counts);

  return (
    <section className="panel" aria-labelledby="match-count">
      <h2 id="match-count" className="tp-match-count" data-testid="match-count">
        {t("matches.count", { count: first.total, title: first.position.title })}
      </h2>
      {strengths.length ? (
        <p className="hint">
          {strengths.map(([tag, n]) => t("matches.strengthCount", { count: n, tag })).join(" · ")}
        </p>
      ) : null}
      {items.length === 0 ? (
        <Empty>{t("matches.none")}</Empty>
      ) : (
        <>
          <div className="form">
            <label>
              {t("matches.message")}
              <textarea
                name="message"
                value={message}
                onChange={(e) => setMessage(e.target.value)}
                rows={2}
                aria-describedby="message-error"
              />
              <FieldError error={error} field="message" id="message-error" />
            </label>
          </div>
          <div className="tp-bulk">
            <button
              type="button"
              className="primary"
              disabled={selected.size === 0 || inviteMany.isPending}
              onClick={() => {
                setOutcome(null);
                inviteMany.mutate([...selected]);
              }}
            >
              {t("matches.inviteSelected", { count: selected.size })}
            </button>
          </div>
          {outcome ? (
            <p className="alert alert-ok" role="status">
              {outcome}
            </p>
          ) : null}
          <ProblemAlert error={error} />
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t("tabs.matches")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("matches.select")}</th>
                  <th scope="col">{t("col.name")}</th>
                  <th scope="col">{t("matches.score")}</th>
                  <th scope="col">{t("matches.explanation")}</th>
                  <th scope="col">{t("matches.matched")}</th>
                  <th scope="col">{t("matches.missing")}</th>
                  <th scope="col">{t("matches.invitation")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id} data-testid="match-row" data-talent-id={m.talent_id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t("matches.selectOne", { name: m.name })}
                        checked={selected.has(m.id)}
                        disabled={m.invited_at !== null}
                        onChange={() => toggle(m.id)}
                      />
                    </td>
                    <td>
                      <Link to={`/talent/${encodeURIComponent(m.talent_id)}`}>{m.name}</Link>
                      {!m.open_to_contact ? <div className="hint">{t("notOpen")}</div> : null}
                    </td>
                    <td>{m.score}</td>
                    <td data-testid="match-explanation">{m.explanation}</td>
                    <td>
                      <Tags values={m.matched_required} label={t("matches.matched")} />
                    </td>
                    <td>
                      <Tags values={m.missing_required} label={t("matches.missing")} />
                    </td>
                    <td data-testid="match-invitation">
                      {m.invited_at ? (
                        <span className="badge badge-ok">{t("matches.invitedAt", { at: formatDateTime(m.invited_at) })}</span>
                      ) : (
                        <button
                          type="button"
                          onClick={() => {
                            setOutcome(null);
                            inviteOne.mutate(m);
                          }}
                          disabled={inviteOne.isPending}
                          aria-label={t("matches.inviteOne", { name: m.name })}
                        >
                          {t("matches.invite")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore query={query} />
        </>
      )}
    </section>
  );
}
