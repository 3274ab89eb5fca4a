// The feedback dashboard: candidates' survey answers — response rate and the four scores
// over time, and by template, job family, stage and delay — as charts with data tables.
import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { EChartsOption } from "echarts";
import { api, data } from "../../api/client";
import type { components } from "../../api/schema/notify";
import { Page } from "../../components/Page";
import { Chart } from "../../components/Chart";
import { QueryState } from "../../components/states";
import { formatNumber } from "../../components/format";
import "./feedback.css";

type Group = components["schemas"]["GroupSummary"];
type GroupBy = "week" | "template" | "job_family" | "stage" | "delay";
type Kind = "rejection" | "invitation";
type Period = "all" | "30d" | "90d" | "12m";
const PERIODS: Period[] = ["all", "30d", "90d", "12m"];
const RATINGS = ["tone", "detail", "timeliness", "helpfulness"] as const;
const GROUPINGS: GroupBy[] = ["template", "job_family", "stage", "delay"];

function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${formatNumber(value * 100, 0)}%`;
}

// The start of a period, at local midnight (the same all day long, so the dashboard's
// queries stay cached while HR reads it): the last 30 days are today and the 29 before it;
// the last 12 months begin on today's date a year ago.
function periodStart(period: Period): string | undefined {
  if (period === "all") return undefined;
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  if (period === "12m") start.setFullYear(start.getFullYear() - 1);
  else start.setDate(start.getDate() - (period === "30d" ? 29 : 89));
  return start.toISOString();
}

interface Filters {
  kind: Kind;
  jobFamily?: string;
  sentFrom?: string;
}

function useSummary(groupBy: GroupBy, { kind, jobFamily, sentFrom }: Filters) {
  return useQuery({
    queryKey: ["notify", "feedback", groupBy, kind, jobFamily ?? null, sentFrom ?? null],
    queryFn: () =>
      data(
        api().notify.GET("/api/v1/feedback/summary", {
          params: { query: { group_by: groupBy, kind, job_family: jobFamily, sent_from: sentFrom } },
        }),
      ),
  });
}

export default function Dashboard() {
  const { t } = useTranslation("feedback");
  const [params, setParams] = useSearchParams();
  const kind = (params.get("kind") === "invitation" ? "invitation" : "rejection") as Kind;
  const jobFamily = params.get("job_family") || undefined;
  const period = (PERIODS.find((p) => p === params.get("period")) ?? "all") as Period;
  const sentFrom = useMemo(() => periodStart(period), [period]);
  const filters: Filters = { kind, jobFamily, sentFrom };
  const [familyInput, setFamilyInput] = useState(jobFamily ?? "");
  const overTime = useSummary("week", filters);
  const apply = (next: { kind?: Kind; job_family?: string; period?: Period }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v && !(k === "period" && v === "all")) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  return (
    <Page title={t("title")}>
      <form
        className="panel fb-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ job_family: familyInput.trim() });
        }}
      >
        <label>
          {t("filter.kind")}
          <select value={kind} onChange={(e) => apply({ kind: e.target.value as Kind })}>
            <option value="rejection">{t("kind.rejection")}</option>
            <option value="invitation">{t("kind.invitation")}</option>
          </select>
        </label>
        <label>
          {t("filter.period")}
          <select value={period} onChange={(e) => apply({ period: e.target.value as Period })}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`period.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filter.jobFamily")}
          <input value={familyInput} onChange={(e) => setFamilyInput(e.target.value)} placeholder={t("filter.all")} />
        </label>
        <button type="submit">{t("filter.apply")}</button>
      </form>
      <QueryState query={overTime}>
        {(summary) => (
          <>
            <Overall overall={summary.overall} />
            <section className="panel" aria-labelledby="over-time">
              <h2 id="over-time">{t("overTime")}</h2>
              {summary.groups.length ? (
                <>
                  <GroupChart groups={summary.groups} groupBy="week" />
                  <GroupTable groups={summary.groups} groupBy="week" />
                </>
              ) : (
                <p className="state state-empty">{t("empty")}</p>
              )}
            </section>
          </>
        )}
      </QueryState>
      <div className="grid feedback-grid">
        {GROUPINGS.map((g) => (
          <Breakdown key={g} groupBy={g} filters={filters} />
        ))}
      </div>
    </Page>
  );
}

function Overall({ overall }: { overall: Group }) {
  const { t } = useTranslation("feedback");
  const figures: [string, string, string][] = [
    ["sent", t("figure.sent"), formatNumber(overall.notices_sent, 0)],
    ["responses", t("figure.responses"), formatNumber(overall.responses, 0)],
    ["rate", t("figure.rate"), percent(overall.response_rate)],
    ...RATINGS.map((r): [string, string, string] => [r, t(`rating.${r}`), formatNumber(overall.mean_ratings[r])]),
    ["satisfied", t("figure.satisfied"), percent(overall.share_satisfied)],
    ["open", t("figure.open"), percent(overall.share_open_to_future_roles)],
  ];
  return (
    <section className="panel" aria-labelledby="overall">
      <h2 id="overall">{t("overall")}</h2>
      <dl className="fb-figures">
        {figures.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`overall-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function useGroupLabel(groupBy: GroupBy) {
  const { t } = useTranslation("feedback");
  return useCallback(
    (g: Group) => {
      if (g.group === "none") return t("none");
      if (groupBy === "delay") return t(`delay.${g.group}`, { defaultValue: g.group });
      if (groupBy === "stage") return t(`stage.${g.group}`, { defaultValue: g.group });
      return g.label ?? g.group;
    },
    [groupBy, t],
  );
}

function GroupChart({ groups, groupBy }: { groups: Group[]; groupBy: GroupBy }) {
  const { t } = useTranslation("feedback");
  const label = useGroupLabel(groupBy);
  const option = useMemo<EChartsOption>(() => {
    const names = groups.map(label);
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 48, bottom: 40 },
      xAxis: { type: "category", data: names },
      yAxis: [
        { type: "value", min: 0, max: 5, name: t("axis.score") },
        { type: "value", min: 0, max: 100, name: t("axis.rate") },
      ],
      series: [
        ...RATINGS.map((r) => ({
          name: t(`rating.${r}`),
          type: groupBy === "week" ? ("line" as const) : ("bar" as const),
          data: groups.map((g) => g.mean_ratings[r] ?? null),
        })),
        {
          name: t("figure.rate"),
          type: "line" as const,
          yAxisIndex: 1,
          lineStyle: { type: "dashed" as const, width: 3 },
          data: groups.map((g) => (g.response_rate === null ? null : Math.round(g.response_rate * 100))),
        },
      ],
    };
  }, [groups, groupBy, label, t]);
  return (
    <Chart
      option={option}
      label={t("chartLabel", { by: t(`by.${groupBy}`), count: groups.length })}
      testId={`chart-${groupBy}`}
    />
  );
}

function GroupTable({ groups, groupBy }: { groups: Group[]; groupBy: GroupBy }) {
  const { t } = useTranslation("feedback");
  const label = useGroupLabel(groupBy);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t("tableCaption", { by: t(`by.${groupBy}`) })}>
      <table data-testid={`table-${groupBy}`}>
        <caption className="hint">{t("tableCaption", { by: t(`by.${groupBy}`) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`column.${groupBy}`)}</th>
            <th scope="col">{t("figure.sent")}</th>
            <th scope="col">{t("figure.responses")}</th>
            <th scope="col">{t("figure.rate")}</th>
            {RATINGS.map((r) => (
              <th scope="col" key={r}>
                {t(`rating.${r}`)}
              </th>
            ))}
            <th scope="col">{t("figure.medianDelay")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.group} data-group={g.group}>
              <th scope="row">{label(g)}</th>
              <td>{formatNumber(g.notices_sent, 0)}</td>
              <td data-testid="responses">{formatNumber(g.responses, 0)}</td>
              <td>{percent(g.response_rate)}</td>
              {RATINGS.map((r) => (
                <td key={r}>{formatNumber(g.mean_ratings[r])}</td>
              ))}
              <td>{formatNumber(g.median_minutes_to_send, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Breakdown({ groupBy, filters }: { groupBy: GroupBy; filters: Filters }) {
  const { t } = useTranslation("feedback");
  const query = useSummary(groupBy, filters);
  return (
    <section className="panel" aria-labelledby={`by-${groupBy}`}>
      <h2 id={`by-${groupBy}`}>{t("byHeading", { by: t(`by.${groupBy}`) })}</h2>
      <QueryState query={query} isEmpty={(s) => s.groups.length === 0} empty={t("empty")}>
        {(summary) => (
          <>
            <GroupChart groups={summary.groups} groupBy={groupBy} />
            <GroupTable groups={summary.groups} groupBy={groupBy} />
          </>
        )}
      </QueryState>
    </section>
  );
}
