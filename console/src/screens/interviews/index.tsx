// The interviewer's screens: my interviews (upcoming, and past ones whose scorecard I owe)
// with the dimensions I score, and the scorecard form (a score per dimension of my
// department, with its weight; notes; the recommendation). Who "I" am: the staff
// directory's person whose `subject` is my token's `sub` (recruiting-service answers 404
// without one), so HR and recruiters are first looked up in the directory instead of
// asking for interviews nobody can match.
import { useState, type FormEvent } from "react";
import { Link, useParams, type RouteObject } from "react-router-dom";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import "../pipeline/pipeline.css";
import { api, data, idempotencyKey } from "../../api/client";
import { useAuth } from "../../auth/AuthProvider";
import { Page } from "../../components/Page";
import { Empty, FieldError, Loading, ProblemAlert } from "../../components/states";
import { formatDateTime, formatNumber } from "../../components/format";
import { usePaged } from "../../components/hooks";
import { LoadMore } from "../../components/LoadMore";
import type { MyInterview } from "../pipeline/types";

const RECOMMENDATIONS = ["strong_hire", "hire", "no_hire", "strong_no_hire"] as const;
type Recommendation = (typeof RECOMMENDATIONS)[number];

/** Whether asking for "my interviews" can succeed. Staff roles look themselves up in the
 * directory; an interviewer (who may not read the directory) first asks whether they sit
 * on any panel at all, so nobody is sent a 404 for having no interviews yet. */
function useInDirectory() {
  const { session, hasRole } = useAuth();
  const canLook = hasRole("hr_admin", "recruiter");
  const lookup = useQuery({
    queryKey: ["people", "subject", session?.sub],
    enabled: canLook && !!session,
    queryFn: () =>
      data(api().org.GET("/api/v1/people", { params: { query: { subject: session!.sub, limit: 1 } } })),
  });
  const panels = useQuery({
    queryKey: ["interviews", "mine-any", session?.sub],
    enabled: !canLook && !!session,
    queryFn: () => data(api().recruiting.GET("/api/v1/interviews", { params: { query: { limit: 1 } } })),
  });
  if (!canLook) {
    const any = (panels.data?.items.length ?? 0) > 0;
    return { known: any, pending: panels.isPending, error: panels.error, reason: "noInterviews" as const };
  }
  const known = (lookup.data?.items.length ?? 0) > 0;
  return { known, pending: lookup.isPending, error: lookup.error, reason: "notInDirectory" as const };
}

function MyInterviews() {
  const { t } = useTranslation("interviews");
  const me = useInDirectory();
  const { query, items } = usePaged(
    ["my-interviews"],
    (cursor) => data(api().recruiting.GET("/api/v1/my/interviews", { params: { query: { limit: 20, cursor } } })),
    me.known,
  );
  return (
    <Page title={t("title")}>
      <p className="hint">{t("hint")}</p>
      {me.pending ? (
        <Loading />
      ) : me.error ? (
        <ProblemAlert error={me.error} />
      ) : !me.known ? (
        <Empty>{me.reason === "notInDirectory" ? t("notInDirectory") : t("empty")}</Empty>
      ) : query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t("empty")}</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("candidate")}</th>
                <th scope="col">{t("position")}</th>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("where")}</th>
                <th scope="col">{t("dimensions")}</th>
                <th scope="col">{t("scorecard")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.interview_id} data-testid="my-interview">
                  <td>{i.candidate_name}</td>
                  <td>{i.position_title}</td>
                  <td>
                    {formatDateTime(i.start)} ({t("minutes", { n: i.duration_minutes })})
                  </td>
                  <td>{i.location ?? i.video_url ?? "—"}</td>
                  <td>
                    {i.dimensions.map((d) => `${d.name} (${formatNumber(d.weight * 100, 0)}%)`).join(", ") || "—"}
                  </td>
                  <td>
                    {i.submitted ? (
                      <span className="badge badge-ok">✓ {t("submitted")}</span>
                    ) : (
                      <Link to={`/interviews/${i.interview_id}`} aria-label={t("scoreFor", { name: i.candidate_name })}>
                        {t("score")}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={query} />
    </Page>
  );
}

function ScorecardFormPage() {
  const { interviewId = "" } = useParams();
  const { t } = useTranslation("interviews");
  const me = useInDirectory();
  // My seat at this interview: the dimensions I score (among the first 500 of my
  // interviews: upcoming ones and past ones I have not scored).
  const mine = useQuery({
    queryKey: ["my-interviews", "all"],
    enabled: me.known,
    queryFn: () => data(api().recruiting.GET("/api/v1/my/interviews", { params: { query: { limit: 500 } } })),
  });
  const seat = mine.data?.items.find((i) => i.interview_id === interviewId);
  return (
    <Page
      title={seat ? t("form.titleOf", { name: seat.candidate_name }) : t("form.title")}
      actions={<Link to="/interviews">{t("back")}</Link>}
    >
      {me.pending || (me.known && mine.isPending) ? (
        <Loading />
      ) : me.error || mine.error ? (
        <ProblemAlert error={me.error ?? mine.error} />
      ) : !seat ? (
        <Empty>{t("form.notMine")}</Empty>
      ) : (
        <ScorecardForm seat={seat} />
      )}
    </Page>
  );
}

function ScorecardForm({ seat }: { seat: MyInterview }) {
  const { t } = useTranslation("interviews");
  const client = useQueryClient();
  const [scores, setScores] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [strengths, setStrengths] = useState("");
  const [concerns, setConcerns] = useState("");
  const [recommendation, setRecommendation] = useState<Recommendation | "">("");
  const [key] = useState(idempotencyKey);
  const submit = useMutation({
    mutationFn: () =>
      data(
        api().recruiting.POST("/api/v1/interviews/{interview_id}/evaluation", {
          params: { path: { interview_id: seat.interview_id } },
          headers: { "Idempotency-Key": key },
          body: {
            interviewer_id: seat.member_id,
            scores: seat.dimensions.map((d) => ({
              dimension: d.key,
              score: Number(scores[d.key]),
              comment: comments[d.key]?.trim() || null,
            })),
            strengths: strengths.split("\n").map((s) => s.trim()).filter(Boolean),
            concerns: concerns.split("\n").map((s) => s.trim()).filter(Boolean),
            recommendation: recommendation as Recommendation,
          },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["my-interviews"] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };
  const weighted = seat.dimensions.every((d) => scores[d.key])
    ? seat.dimensions.reduce((sum, d) => sum + d.weight * Number(scores[d.key]), 0) /
      (seat.dimensions.reduce((sum, d) => sum + d.weight, 0) || 1)
    : null;
  if (submit.isSuccess) {
    return (
      <div className="alert alert-ok" role="status">
        <strong>{t("form.thanks")}</strong>
        <p>{t("form.submittedAt", { at: formatDateTime(submit.data.submitted_at) })}</p>
        <Link to="/interviews">{t("back")}</Link>
      </div>
    );
  }
  return (
    <form className="form" onSubmit={onSubmit}>
      <p className="hint">
        {seat.position_title} · {formatDateTime(seat.start)} · {t("form.panel", { who: seat.panel.join(", ") })}
      </p>
      <div className="scores">
        {seat.dimensions.map((d) => (
          <fieldset key={d.key} data-testid={`score-${d.key}`}>
            <legend>
              {d.name} · {t("form.weight", { weight: formatNumber(d.weight * 100, 0) })}
            </legend>
            <label>
              {t("form.score", { name: d.name })}
              <select
                name={`score-${d.key}`}
                value={scores[d.key] ?? ""}
                required
                onChange={(e) => setScores((s) => ({ ...s, [d.key]: e.target.value }))}
              >
                <option value="">{t("form.choose")}</option>
                {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("form.comment", { name: d.name })}
              <textarea
                name={`comment-${d.key}`}
                rows={2}
                value={comments[d.key] ?? ""}
                onChange={(e) => setComments((c) => ({ ...c, [d.key]: e.target.value }))}
              />
            </label>
          </fieldset>
        ))}
      </div>
      <p className="hint" aria-live="polite">
        {weighted === null ? t("form.weightedNone") : t("form.weighted", { score: formatNumber(weighted) })}
      </p>
      <FieldError error={submit.error} field="scores" />
      <label>
        {t("form.strengths")}
        <textarea name="strengths" rows={3} value={strengths} onChange={(e) => setStrengths(e.target.value)} />
        <span className="hint">{t("form.onePerLine")}</span>
      </label>
      <label>
        {t("form.concerns")}
        <textarea name="concerns" rows={3} value={concerns} onChange={(e) => setConcerns(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t("form.recommendation")}</legend>
        {RECOMMENDATIONS.map((r) => (
          <label key={r} className="inline">
            <input
              type="radio"
              name="recommendation"
              value={r}
              checked={recommendation === r}
              required
              onChange={() => setRecommendation(r)}
            />
            {t(`recommendation.${r}`)}
          </label>
        ))}
        <FieldError error={submit.error} field="recommendation" />
      </fieldset>
      <ProblemAlert error={submit.error} />
      <div>
        <button type="submit" className="primary" disabled={submit.isPending}>
          {submit.isPending ? t("form.submitting") : t("form.submit")}
        </button>
      </div>
    </form>
  );
}

export const routes: RouteObject[] = [
  { path: "interviews", element: <MyInterviews /> },
  { path: "interviews/:interviewId", element: <ScorecardFormPage /> },
];
