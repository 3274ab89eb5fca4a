// The panel's scorecard: a chart per dimension (each interviewer's score and the mean),
// the weighted composite, panel consistency, and each panel member's calibration.
import { useMemo } from "react";
import { Link, useParams } from "react-router-dom";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { EChartsOption } from "echarts";
import { api, data } from "../../api/client";
import { Chart } from "../../components/Chart";
import { Page } from "../../components/Page";
import { Empty, ProblemAlert, QueryState } from "../../components/states";
import { formatNumber } from "../../components/format";
import { useApplication, useCandidate, useOpening } from "./shared";
import type { Evaluation, Scorecard } from "./types";

export function ScorecardPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("pipeline");
  const application = useApplication(id);
  const candidate = useCandidate(application.data?.candidate_id);
  const scorecard = useQuery({
    queryKey: ["scorecard", id],
    queryFn: () =>
      data(api().recruiting.GET("/api/v1/applications/{application_id}/scorecard", { params: { path: { application_id: id } } })),
  });
  const title = candidate.data ? t("scorecard.titleOf", { name: candidate.data.name }) : t("scorecard.title");
  return (
    <Page
      title={title}
      actions={
        <>
          <Link to={`/pipeline/applications/${id}`}>{t("scorecard.back")}</Link>
          {application.data?.allowed_actions.includes("reject") ? (
            <Link className="button-link danger" to={`/pipeline/applications/${id}/reject`}>
              {t("application.reject")}
            </Link>
          ) : null}
        </>
      }
    >
      <QueryState query={scorecard} isEmpty={(s) => s.evaluations.length === 0} empty={t("scorecard.empty")}>
        {(card) => <ScorecardBody card={card} positionId={application.data?.position_id} />}
      </QueryState>
    </Page>
  );
}

/** Panel members' names by the id their scorecards carry (from the interviews' panels). */
function usePanelNames(applicationId: string) {
  const interviews = useQuery({
    queryKey: ["interviews", applicationId],
    queryFn: () =>
      data(api().recruiting.GET("/api/v1/interviews", { params: { query: { application_id: applicationId, limit: 100 } } })),
  });
  const names = new Map<string, string>();
  for (const i of interviews.data?.items ?? []) for (const seat of i.panel) names.set(seat.member_id, seat.name);
  return (id: string) => names.get(id) ?? id;
}

function ScorecardBody({ card, positionId }: { card: Scorecard; positionId?: string }) {
  const { t } = useTranslation("pipeline");
  const opening = useOpening(positionId);
  const nameOfMember = usePanelNames(card.application_id);
  const scheme = opening.data?.evaluation_scheme.dimensions ?? [];
  const keys = Array.from(new Set([...scheme.map((d) => d.key), ...Object.keys(card.dimensions)]));
  const { i18n } = useTranslation();
  const nameOf = (key: string) => {
    const d = scheme.find((dim) => dim.key === key);
    return d ? (d.names?.[i18n.language] ?? d.name) : key;
  };
  const weightOf = (key: string) => scheme.find((d) => d.key === key)?.weight;
  const consistency = card.consistency;
  return (
    <>
      <div className="grid figures">
        <div className="panel figure" data-testid="composite">
          <h2>{t("scorecard.composite")}</h2>
          <p className="big">{formatNumber(card.composite, 2)}</p>
          <p className="hint">
            {card.band ? t(`scorecard.band.${card.band}`) : "—"} · {t("scorecard.outOf")}
          </p>
        </div>
        <div className="panel figure" data-testid="consistency">
          <h2>{t("scorecard.consistency")}</h2>
          <p className="big">{consistency === null ? "—" : `${formatNumber(consistency * 100, 0)}%`}</p>
          <p className="hint">
            {consistency === null
              ? t("scorecard.consistencyNone")
              : consistency >= 0.8
                ? t("scorecard.consistencyHigh")
                : consistency >= 0.6
                  ? t("scorecard.consistencyMid")
                  : t("scorecard.consistencyLow")}
          </p>
        </div>
        <div className="panel figure">
          <h2>{t("scorecard.panel")}</h2>
          <p className="big">
            {card.panel_complete ? t("scorecard.complete") : t("scorecard.incomplete", { n: card.awaiting.length })}
          </p>
          {card.awaiting.length ? <p className="hint">{t("scorecard.awaiting", { who: card.awaiting.join(", ") })}</p> : null}
        </div>
      </div>
      <section aria-labelledby="dims">
        <h2 id="dims">{t("scorecard.dimensions")}</h2>
        <div className="grid">
          {keys.map((key) => (
            <DimensionChart
              key={key}
              dimension={key}
              name={nameOf(key)}
              weight={weightOf(key)}
              mean={card.dimensions[key]}
              evaluations={card.evaluations}
              nameOf={nameOfMember}
            />
          ))}
        </div>
      </section>
      <Calibration evaluations={card.evaluations} nameOf={nameOfMember} />
    </>
  );
}

function DimensionChart({
  dimension,
  name,
  weight,
  mean,
  evaluations,
  nameOf,
}: {
  dimension: string;
  name: string;
  weight?: number;
  mean?: number;
  evaluations: Evaluation[];
  nameOf: (id: string) => string;
}) {
  const { t } = useTranslation("pipeline");
  const scored = evaluations
    .map((e) => ({ who: nameOf(e.interviewer_id), score: e.scores.find((s) => s.dimension === dimension)?.score }))
    .filter((s): s is { who: string; score: number } => s.score !== undefined);
  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      grid: { left: 40, right: 72, top: 24, bottom: 48 },
      xAxis: { type: "category", data: scored.map((s) => s.who), axisLabel: { interval: 0, overflow: "truncate", width: 90 } },
      yAxis: { type: "value", min: 0, max: 10 },
      series: [
        {
          type: "bar",
          name: t("scorecard.score"),
          data: scored.map((s) => s.score),
          label: { show: true, position: "top" },
          itemStyle: { color: "#0b5cad" },
          markLine:
            mean === undefined
              ? undefined
              : {
                  symbol: "none",
                  data: [{ yAxis: mean, name: t("scorecard.mean") }],
                  label: { formatter: `${t("scorecard.mean")} ${formatNumber(mean)}` },
                  lineStyle: { color: "#a4161a", type: "dashed" },
                },
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(scored), mean, t],
  );
  const label = t("scorecard.chartLabel", {
    name,
    mean: formatNumber(mean),
    scores: scored.map((s) => `${s.who} ${s.score}`).join(", ") || "—",
  });
  return (
    <figure className="panel dimension" data-testid={`dimension-${dimension}`}>
      <figcaption>
        <strong>{name}</strong>{" "}
        <span className="hint">
          {weight !== undefined ? t("scorecard.weight", { weight: formatNumber(weight * 100, 0) }) : null} ·{" "}
          {t("scorecard.meanIs", { mean: formatNumber(mean) })}
        </span>
      </figcaption>
      {scored.length ? <Chart option={option} label={label} height={220} testId={`chart-${dimension}`} /> : <Empty>{t("scorecard.noScores")}</Empty>}
    </figure>
  );
}

function Calibration({ evaluations, nameOf }: { evaluations: Evaluation[]; nameOf: (id: string) => string }) {
  const { t } = useTranslation("pipeline");
  const ids = Array.from(new Set(evaluations.map((e) => e.interviewer_id)));
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ["calibration", id],
      queryFn: () =>
        data(
          api().recruiting.GET("/api/v1/interviewers/{interviewer_id}/calibration", {
            params: { path: { interviewer_id: id } },
          }),
        ),
    })),
  });
  return (
    <section className="panel" aria-labelledby="calibration">
      <h2 id="calibration">{t("calibration.title")}</h2>
      <p className="hint">{t("calibration.hint")}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("calibration.interviewer")}</th>
              <th scope="col">{t("calibration.recommendation")}</th>
              <th scope="col">{t("calibration.deviation")}</th>
              <th scope="col">{t("calibration.count")}</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id, i) => {
              const r = results[i];
              const dev = r.data?.mean_deviation;
              const evaluation = evaluations.find((e) => e.interviewer_id === id);
              return (
                <tr key={id} data-testid="calibration-row">
                  <td>{nameOf(id)}</td>
                  <td>{evaluation ? t(`recommendation.${evaluation.recommendation}`) : "—"}</td>
                  <td>
                    {r.isPending ? "…" : r.isError ? <ProblemAlert error={r.error} /> : dev === null || dev === undefined ? "—" : (
                      <>
                        {dev > 0 ? "+" : ""}
                        {formatNumber(dev)}{" "}
                        <span className="hint">
                          {Math.abs(dev) < 0.5 ? t("calibration.inLine") : dev > 0 ? t("calibration.higher") : t("calibration.lower")}
                        </span>
                      </>
                    )}
                  </td>
                  <td>{r.data?.count ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
