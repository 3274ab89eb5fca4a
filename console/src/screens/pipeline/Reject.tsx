// Reject an application: strengths, reasons and suggestions drawn from the pending policy
// decision or the panel's evaluations, editable, beside a live preview of the exact notice
// notify-service would write, in the candidate's language.
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, data, idempotencyKey } from "../../api/client";
import { Page } from "../../components/Page";
import { FieldError, Loading, ProblemAlert, QueryState } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { useDebounced } from "../../components/hooks";
import { useApplication, useCandidate, useOpening } from "./shared";
import type { Application, Candidate, Opening, RejectionDraft } from "./types";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function RejectPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("pipeline");
  const application = useApplication(id);
  const candidate = useCandidate(application.data?.candidate_id);
  const opening = useOpening(application.data?.position_id);
  const rejectable = !!application.data?.allowed_actions.includes("reject");
  // What rejecting now would say: the pending decision's words, or recruiting's default.
  const draft = useQuery({
    queryKey: ["rejection-draft", id],
    enabled: rejectable,
    queryFn: () =>
      data(
        api().recruiting.GET("/api/v1/applications/{application_id}/rejection-draft", {
          params: { path: { application_id: id } },
        }),
      ),
  });
  const title = candidate.data ? t("reject.titleOf", { name: candidate.data.name }) : t("reject.title");
  return (
    <Page title={title} actions={<Link to={`/pipeline/applications/${id}`}>{t("scorecard.back")}</Link>}>
      <QueryState query={application}>
        {(a) =>
          !a.allowed_actions.includes("reject") ? (
            <p className="alert alert-warning">{t("reject.notRejectable", { status: t(`status.${a.status}`) })}</p>
          ) : candidate.data && opening.data && draft.data ? (
            <RejectForm application={a} candidate={candidate.data} opening={opening.data} draft={draft.data} />
          ) : candidate.isError || opening.isError || draft.isError ? (
            <ProblemAlert error={candidate.error ?? opening.error ?? draft.error} />
          ) : (
            <Loading />
          )
        }
      </QueryState>
    </Page>
  );
}

function RejectForm({
  application: a,
  candidate,
  opening,
  draft,
}: {
  application: Application;
  candidate: Candidate;
  opening: Opening;
  draft: RejectionDraft;
}) {
  const { t } = useTranslation("pipeline");
  const navigate = useNavigate();
  const client = useQueryClient();
  const [strengths, setStrengths] = useState(draft.strengths.join("\n"));
  const [reasons, setReasons] = useState(draft.reasons.map((r) => r.text).join("\n"));
  const [suggestions, setSuggestions] = useState(draft.suggestions.join("\n"));
  const [delay, setDelay] = useState("");
  const [send, setSend] = useState(true);
  const [key] = useState(idempotencyKey);

  const content = {
    strengths: lines(strengths),
    // An edited reason keeps the code of the reason on its line.
    reasons: lines(reasons).map((text, i) => ({ code: draft.reasons[i]?.code ?? "hr_note", text })),
    suggestions: lines(suggestions),
  };
  const delayMinutes = delay.trim() === "" ? null : Number(delay);
  const previewBody = {
    candidate: {
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      phone: candidate.phone,
      locale: candidate.locale,
      timezone: candidate.timezone,
      talent_pool_consent: candidate.talent_pool_consent,
      skills: candidate.skills,
      years_experience: candidate.years_experience,
      industries: candidate.industries,
    },
    position: {
      id: opening.position_id,
      version: opening.version,
      title: opening.title,
      job_family: opening.job_family,
      org_unit_name: opening.org_unit.name,
      titles: opening.titles,
    },
    stage: draft.stage,
    ...content,
    scorecard: draft.scorecard,
    notify: { send: true, channels: ["email" as const], delay_minutes: delayMinutes },
  };
  const settled = useDebounced(JSON.stringify(previewBody), 400);
  const preview = useQuery({
    queryKey: ["notice-preview", settled],
    queryFn: () => data(api().notify.POST("/api/v1/notices/preview", { body: JSON.parse(settled) })),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const reject = useMutation({
    mutationFn: () =>
      data(
        api().recruiting.POST("/api/v1/applications/{application_id}/reject", {
          params: { path: { application_id: a.id } },
          headers: { "Idempotency-Key": key },
          body: { ...content, notify: { send, channels: ["email"], delay_minutes: delayMinutes } },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["application", a.id] });
      void client.invalidateQueries({ queryKey: ["applications"] });
      void client.invalidateQueries({ queryKey: ["decisions"] });
      navigate(`/pipeline/applications/${a.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reject.mutate();
  };
  const stale = settled !== JSON.stringify(previewBody) || preview.isFetching;
  return (
    <div className="reject-layout">
      <form className="form" onSubmit={submit} aria-labelledby="reject-form-title">
        <h2 id="reject-form-title">{t("reject.content")}</h2>
        <p className="hint">
          {draft.source === "pending_decision"
            ? t("reject.fromDecision", { at: formatDateTime(a.decision?.decides_at) })
            : t("reject.drafted", { locale: candidate.locale })}
        </p>
        {a.screening.unmet.length ? (
          <p className="hint">
            {t("reject.unmet", { list: a.screening.unmet.map((u) => t(`requirement.${u.requirement}`, { defaultValue: u.requirement })).join(", ") })}
          </p>
        ) : null}
        <label>
          {t("reject.strengths")}
          <textarea name="strengths" rows={4} value={strengths} onChange={(e) => setStrengths(e.target.value)} />
          <span className="hint">{t("reject.onePerLine")}</span>
          <FieldError error={reject.error} field="strengths" />
        </label>
        <label>
          {t("reject.reasons")}
          <textarea name="reasons" rows={4} value={reasons} onChange={(e) => setReasons(e.target.value)} />
          <FieldError error={reject.error} field="reasons" />
        </label>
        <label>
          {t("reject.suggestions")}
          <textarea name="suggestions" rows={4} value={suggestions} onChange={(e) => setSuggestions(e.target.value)} />
          <FieldError error={reject.error} field="suggestions" />
        </label>
        <div className="row">
          <label className="inline">
            <input type="checkbox" name="send" checked={send} onChange={(e) => setSend(e.target.checked)} />
            {t("reject.send")}
          </label>
          <label>
            {t("reject.delay")}
            <input
              type="number"
              name="delay_minutes"
              min={0}
              value={delay}
              placeholder={t("reject.delayDefault")}
              onChange={(e) => setDelay(e.target.value)}
            />
            <FieldError error={reject.error} field="delay_minutes" />
          </label>
        </div>
        <ProblemAlert error={reject.error} />
        <div>
          <button type="submit" className="danger" disabled={reject.isPending}>
            {reject.isPending ? t("reject.submitting") : t("reject.submit")}
          </button>
        </div>
      </form>
      <aside className="panel notice-preview" aria-labelledby="preview-title" aria-busy={stale}>
        <h2 id="preview-title">{t("preview.title", { locale: candidate.locale })}</h2>
        {preview.isPending ? (
          <Loading label={t("preview.loading")} />
        ) : preview.isError ? (
          <ProblemAlert error={preview.error} />
        ) : (
          preview.data.map((n) => (
            <div key={n.channel} data-testid="notice-preview">
              <p>
                <span
                  className={`badge ${n.status === "scheduled" ? "badge-ok" : n.status === "pending_review" ? "badge-warning" : "badge-danger"}`}
                >
                  {t(`preview.status.${n.status}`, { defaultValue: n.status })}
                </span>{" "}
                <span className="hint">
                  {t("preview.template", { name: n.template_name ?? "—", version: n.template_version ?? "—" })}
                  {n.send_at ? ` · ${t("preview.sendAt", { at: formatDateTime(n.send_at) })}` : ""}
                </span>
              </p>
              {n.status_reason || n.last_error ? <p className="alert alert-warning">{n.status_reason ?? n.last_error}</p> : null}
              {n.flags.length ? (
                <ul>
                  {n.flags.map((f, i) => (
                    <li key={i}>
                      <mark>{f.phrase}</mark> — {f.why ?? f.category}
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="notice" lang={n.locale}>
                <p className="notice-subject">
                  <span className="sr-only">{t("preview.subject")}: </span>
                  <strong>{n.subject}</strong>
                </p>
                <div className="notice-body">{n.body_text}</div>
              </div>
            </div>
          ))
        )}
        <p className="hint" role="status">
          {stale ? t("preview.updating") : t("preview.current")}
        </p>
      </aside>
    </div>
  );
}
