// One notice: where it stands, its text (flagged phrases marked), its delivery attempts,
// and HR's actions on it: approve, edit, cancel, send now, resend.
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import type { components } from "../../api/schema/notify";
import { Page } from "../../components/Page";
import { FieldError, ProblemAlert, QueryState } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { Countdown } from "./Countdown";
import { Highlighted } from "./highlight";
import { StatusBadge } from "./StatusBadge";
import "./notices.css";

type Notice = components["schemas"]["NotificationDetail"];
type Action = "approve" | "cancel" | "send-now" | "resend";

/** Which actions a notice's status allows (as notify-service enforces them). */
function actionsFor(status: string): Action[] {
  switch (status) {
    case "pending_review":
      return ["approve", "cancel"];
    case "scheduled":
      return ["send-now", "cancel"];
    case "failed":
      return ["send-now", "cancel"];
    case "unknown":
      return ["resend"];
    default:
      return [];
  }
}

function flagPhrases(notice: Notice): string[] {
  return notice.flags.map((f) => String(f.phrase ?? "")).filter(Boolean);
}

export function NoticeDetail() {
  const { id = "" } = useParams();
  const { t } = useTranslation("notices");
  const query = useQuery({
    queryKey: ["notify", "notification", id],
    queryFn: () =>
      data(api().notify.GET("/api/v1/notifications/{notification_id}", { params: { path: { notification_id: id } } })),
  });
  return (
    <Page title={t("detail.title")} actions={<Link to="/notices">{t("detail.back")}</Link>}>
      <QueryState query={query}>{(notice) => <NoticeView notice={notice} />}</QueryState>
    </Page>
  );
}

function NoticeView({ notice }: { notice: Notice }) {
  const { t } = useTranslation("notices");
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refresh = (next: Notice) => {
    client.setQueryData(["notify", "notification", notice.id], next);
    void client.invalidateQueries({ queryKey: ["notify", "notifications"] });
  };
  const act = useMutation({
    mutationFn: (action: Action) => {
      const path = { params: { path: { notification_id: notice.id } } };
      const notify = api().notify;
      switch (action) {
        case "approve":
          return data(notify.POST("/api/v1/notifications/{notification_id}/approve", path));
        case "cancel":
          return data(notify.POST("/api/v1/notifications/{notification_id}/cancel", path));
        case "send-now":
          return data(notify.POST("/api/v1/notifications/{notification_id}/send-now", path));
        case "resend":
          return data(notify.POST("/api/v1/notifications/{notification_id}/resend", path));
      }
    },
    onSuccess: (next, action) => {
      setConfirming(false);
      refresh(next);
      setDone(t(`done.${action}`));
    },
  });
  const phrases = flagPhrases(notice);
  const actions = actionsFor(notice.status);

  return (
    <>
      <div className="panel">
        <dl className="nt-facts">
          <dt>{t("col.status")}</dt>
          <dd data-testid="notice-status">
            <StatusBadge status={notice.status} />
            {notice.status_reason ? <span className="hint"> {notice.status_reason}</span> : null}
          </dd>
          <dt>{t("col.kind")}</dt>
          <dd>
            {t(`kind.${notice.kind}`, { defaultValue: notice.kind })} · {notice.channel} · {notice.locale}
          </dd>
          <dt>{t("col.recipient")}</dt>
          <dd>
            {notice.recipient ?? "—"}
            {notice.cc ? ` (cc ${notice.cc})` : ""}
          </dd>
          <dt>{t("detail.template")}</dt>
          <dd>
            {notice.template_name ?? "—"}
            {notice.template_version ? ` v${notice.template_version}` : ""}
          </dd>
          <dt>{t("detail.sendAt")}</dt>
          <dd>
            {formatDateTime(notice.send_at)}
            {notice.status === "scheduled" && notice.send_at ? (
              <>
                {" · "}
                <Countdown to={notice.send_at} />
              </>
            ) : null}
          </dd>
          <dt>{t("detail.sentAt")}</dt>
          <dd>{formatDateTime(notice.sent_at)}</dd>
          <dt>{t("detail.survey")}</dt>
          <dd>
            {!notice.survey.included
              ? t("survey.none")
              : notice.survey.answered
                ? t("survey.answered", { at: formatDateTime(notice.survey.answered_at) })
                : notice.survey.sent
                  ? t("survey.waiting")
                  : t("survey.notSent")}
          </dd>
          {notice.last_error ? (
            <>
              <dt>{t("detail.lastError")}</dt>
              <dd>{notice.last_error}</dd>
            </>
          ) : null}
        </dl>
      </div>

      {done ? (
        <div className="alert alert-ok" role="status">
          {done}
        </div>
      ) : null}
      <ProblemAlert error={act.error} />
      {actions.length || notice.status === "pending_review" ? (
        <div className="notice-actions panel" role="group" aria-label={t("detail.actions")}>
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={a === "cancel" ? "danger" : "primary"}
              disabled={act.isPending}
              onClick={() => {
                setDone(null);
                if (a === "cancel" && !confirming) {
                  setConfirming(true);
                  return;
                }
                act.mutate(a);
              }}
            >
              {a === "cancel" && confirming ? t("action.confirmCancel") : t(`action.${a}`)}
            </button>
          ))}
          {confirming ? (
            <span className="hint" role="status">
              {t("confirmCancel")}
            </span>
          ) : null}
          {notice.status === "pending_review" ? (
            <button type="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
              {t("action.edit")}
            </button>
          ) : null}
        </div>
      ) : null}

      {phrases.length ? (
        <section className="panel alert-warning" aria-labelledby="flags-heading">
          <h2 id="flags-heading">{t("flags.title")}</h2>
          <ul className="nt-flag-list" data-testid="flag-list">
            {notice.flags.map((f, i) => (
              <li key={i}>
                <mark>{String(f.phrase ?? "")}</mark> — {t(`category.${String(f.category)}`, { defaultValue: String(f.category) })}
                {f.source ? ` (${t("flags.in", { source: String(f.source) })})` : ""}
                {f.why ? <div className="hint">{String(f.why)}</div> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {editing && notice.status === "pending_review" ? (
        <EditForm notice={notice} onSaved={(next) => { refresh(next); setEditing(false); setDone(t("done.edit")); }} />
      ) : (
        <section className="panel" aria-labelledby="text-heading">
          <h2 id="text-heading">{t("detail.text")}</h2>
          {notice.subject ? (
            <p>
              <strong>{t("detail.subject")}:</strong> <Highlighted text={notice.subject} phrases={phrases} />
            </p>
          ) : null}
          <div className="notice-text" data-testid="notice-text">
            {notice.body_text ? <Highlighted text={notice.body_text} phrases={phrases} /> : t("detail.noText")}
          </div>
        </section>
      )}

      <section className="panel" aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">{t("attempts.title")}</h2>
        {notice.delivery_attempts?.length ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t("attempts.title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("attempts.started")}</th>
                  <th scope="col">{t("attempts.outcome")}</th>
                  <th scope="col">{t("attempts.error")}</th>
                </tr>
              </thead>
              <tbody>
                {notice.delivery_attempts.map((a) => (
                  <tr key={a.attempt}>
                    <td>{a.attempt}</td>
                    <td>{formatDateTime(a.started_at)}</td>
                    <td>{a.outcome}</td>
                    <td>{a.error ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="state state-empty">{t("attempts.none")}</p>
        )}
      </section>
    </>
  );
}

function EditForm({ notice, onSaved }: { notice: Notice; onSaved: (next: Notice) => void }) {
  const { t } = useTranslation("notices");
  const [subject, setSubject] = useState(notice.subject ?? "");
  const [body, setBody] = useState(notice.body_text ?? "");
  const save = useMutation({
    mutationFn: () =>
      data(
        api().notify.PATCH("/api/v1/notifications/{notification_id}", {
          params: { path: { notification_id: notice.id } },
          body: {
            body_text: body,
            ...(notice.channel === "email" ? { subject } : {}),
          },
        }),
      ),
    onSuccess: onSaved,
  });
  return (
    <form
      className="form panel nt-edit"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2>{t("edit.title")}</h2>
      <p className="hint">{t("edit.hint")}</p>
      {notice.channel === "email" ? (
        <label>
          {t("detail.subject")}
          <input value={subject} onChange={(e) => setSubject(e.target.value)} aria-describedby="subject-error" />
          <FieldError error={save.error} field="subject" id="subject-error" />
        </label>
      ) : null}
      <label>
        {t("detail.text")}
        <textarea value={body} onChange={(e) => setBody(e.target.value)} aria-describedby="body-error" />
        <FieldError error={save.error} field="body_text" id="body-error" />
      </label>
      <ProblemAlert error={save.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("edit.save")}
        </button>
      </div>
    </form>
  );
}
