// An application: candidate, screening explanation, flags, history; advance; its
// interviews, a form to schedule one with a panel, and rescheduling or cancelling one
// (the candidate and the panel get an updated invitation or a cancellation).
import { Fragment, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, data, idempotencyKey } from "../../api/client";
import { useAuth } from "../../auth/AuthProvider";
import { Page } from "../../components/Page";
import { Empty, FieldError, ProblemAlert, QueryState } from "../../components/states";
import { formatDateTime, toLocalInput } from "../../components/format";
import { Flags, ScreeningExplanation, StatusBadge, useApplication, useCandidate, useOpening } from "./shared";
import type { Application, Interview } from "./types";
import { useDebounced } from "../../components/hooks";
import { byLabel, peopleSearch, personLabel, unitLabel, unitSearch } from "../../api/directory";

export function ApplicationPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("pipeline");
  const application = useApplication(id);
  const candidate = useCandidate(application.data?.candidate_id);
  const title = candidate.data ? t("application.titleOf", { name: candidate.data.name }) : t("application.title");
  return (
    <Page title={title}>
      <QueryState query={application}>{(a) => <ApplicationBody application={a} />}</QueryState>
    </Page>
  );
}

function ApplicationBody({ application: a }: { application: Application }) {
  const { t } = useTranslation("pipeline");
  const { hasRole } = useAuth();
  const client = useQueryClient();
  const candidate = useCandidate(a.candidate_id);
  const opening = useOpening(a.position_id);
  const advance = useMutation({
    mutationFn: () =>
      data(
        api().recruiting.POST("/api/v1/applications/{application_id}/advance", {
          params: { path: { application_id: a.id } },
          body: {},
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["application", a.id] }),
  });
  const canReject = a.allowed_actions.includes("reject");
  return (
    <>
      <div className="grid">
        <section className="panel" aria-labelledby="app-summary">
          <h2 id="app-summary">{t("application.summary")}</h2>
          <dl className="facts">
            <dt>{t("application.status")}</dt>
            <dd>
              <StatusBadge status={a.status} />
            </dd>
            <dt>{t("application.position")}</dt>
            <dd>
              <Link to={`/pipeline/${a.position_id}`}>{opening.data?.title ?? a.position_id}</Link>
            </dd>
            <dt>{t("application.contact")}</dt>
            <dd>{candidate.data ? `${candidate.data.email ?? "—"} · ${candidate.data.locale}` : "…"}</dd>
            <dt>{t("application.source")}</dt>
            <dd>{a.source}</dd>
          </dl>
          <div className="row actions">
            {a.allowed_actions.includes("advance") ? (
              <button type="button" onClick={() => advance.mutate()} disabled={advance.isPending}>
                {t("application.advance")}
              </button>
            ) : null}
            <Link className="button-link" to={`/pipeline/applications/${a.id}/scorecard`}>
              {t("application.scorecard")}
            </Link>
            {canReject ? (
              <Link className="button-link danger" to={`/pipeline/applications/${a.id}/reject`}>
                {t("application.reject")}
              </Link>
            ) : null}
          </div>
          <ProblemAlert error={advance.error} />
          <CloseApplication application={a} />
          {a.decision ? (
            <p className="alert alert-warning">
              {t("application.decision", {
                status: t(`decisionStatus.${a.decision.status}`),
                at: formatDateTime(a.decision.decides_at),
              })}
            </p>
          ) : null}
        </section>
        <section className="panel" aria-labelledby="app-screening">
          <h2 id="app-screening">{t("application.screening")}</h2>
          <ScreeningExplanation unmet={a.screening.unmet} passed={a.screening.passed} />
          <p className="hint">
            {t("screening.score", { score: a.screening.score, version: a.screening.position_version })}
          </p>
          <Flags flags={a.flags} />
        </section>
      </div>
      {a.rejection ? (
        <section className="panel" aria-labelledby="app-rejection">
          <h2 id="app-rejection">{t("application.rejection")}</h2>
          <p>
            {t("application.rejectedBy", { by: a.rejection.decided_by, at: formatDateTime(a.rejection.rejected_at) })}
          </p>
          <ul>
            {a.rejection.suggestions.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Interviews application={a} />
      {hasRole("hr_admin") && candidate.data && !candidate.data.erased_at ? (
        <EraseCandidate candidateId={a.candidate_id} name={candidate.data.name} applicationId={a.id} />
      ) : null}
      {candidate.data?.erased_at ? (
        <p className="alert alert-ok" role="status">
          {t("erase.done", { at: formatDateTime(candidate.data.erased_at) })}
        </p>
      ) : null}
      <section className="panel" aria-labelledby="app-history">
        <h2 id="app-history">{t("application.history")}</h2>
        {a.history.length === 0 ? (
          <Empty />
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("history.at")}</th>
                  <th scope="col">{t("history.change")}</th>
                  <th scope="col">{t("history.reason")}</th>
                  <th scope="col">{t("history.by")}</th>
                </tr>
              </thead>
              <tbody>
                {a.history.map((h, i) => (
                  <tr key={i}>
                    <td>{formatDateTime(h.at)}</td>
                    <td>
                      {h.from_status ? t(`status.${h.from_status}`, { defaultValue: h.from_status }) + " → " : ""}
                      {t(`status.${h.to_status}`, { defaultValue: h.to_status })}
                    </td>
                    <td>{h.reason}</td>
                    <td>{h.by}</td>
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

function Interviews({ application: a }: { application: Application }) {
  const { t } = useTranslation("pipeline");
  const interviews = useQuery({
    queryKey: ["interviews", a.id],
    queryFn: () =>
      data(api().recruiting.GET("/api/v1/interviews", { params: { query: { application_id: a.id, limit: 100 } } })),
  });
  const schedulable = a.status === "screening" || a.status === "interviewing";
  const [changing, setChanging] = useState<{ id: string; what: "reschedule" | "cancel" } | null>(null);
  const toggle = (id: string, what: "reschedule" | "cancel") =>
    setChanging((c) => (c?.id === id && c.what === what ? null : { id, what }));
  return (
    <section className="panel" aria-labelledby="app-interviews">
      <h2 id="app-interviews">{t("interviews.title")}</h2>
      <QueryState query={interviews} isEmpty={(p) => p.items.length === 0} empty={t("interviews.empty")}>
        {(page) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("interviews.start")}</th>
                  <th scope="col">{t("interviews.place")}</th>
                  <th scope="col">{t("interviews.panel")}</th>
                  <th scope="col">{t("interviews.status")}</th>
                  <th scope="col">{t("interviews.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((i) => (
                  <Fragment key={i.id}>
                    <tr data-testid="interview-row">
                      <td>
                        {formatDateTime(i.start)} ({t("interviews.minutes", { n: i.duration_minutes })})
                      </td>
                      <td>{i.location ?? i.video_url ?? "—"}</td>
                      <td>
                        <ul className="plain">
                          {i.panel.map((s) => (
                            <li key={s.member_id}>
                              {s.name} · {s.dimensions.map((d) => d.name).join(", ") || "—"} ·{" "}
                              <span className={`badge ${s.submitted ? "badge-ok" : ""}`}>
                                {s.submitted ? t("interviews.submitted") : t("interviews.awaiting")}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        {t(`interviews.${i.status}`)}
                        {i.cancel_reason ? <span className="hint"> · {i.cancel_reason}</span> : null}
                      </td>
                      <td>
                        {i.status === "scheduled" ? (
                          <div className="row">
                            <button
                              type="button"
                              aria-expanded={changing?.id === i.id && changing.what === "reschedule"}
                              onClick={() => toggle(i.id, "reschedule")}
                            >
                              {t("interviews.reschedule")}
                            </button>
                            <button
                              type="button"
                              aria-expanded={changing?.id === i.id && changing.what === "cancel"}
                              onClick={() => toggle(i.id, "cancel")}
                            >
                              {t("interviews.cancel")}
                            </button>
                          </div>
                        ) : null}
                      </td>
                    </tr>
                    {changing?.id === i.id ? (
                      <tr>
                        <td colSpan={5}>
                          {changing.what === "reschedule" ? (
                            <RescheduleForm interview={i} onDone={() => setChanging(null)} />
                          ) : (
                            <CancelForm interview={i} onDone={() => setChanging(null)} />
                          )}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      {schedulable ? <ScheduleForm applicationId={a.id} /> : null}
    </section>
  );
}

/** When and where an interview is, as its forms hold it (the inputs' own strings). */
interface Slot {
  start: string;
  duration: string;
  location: string;
  video: string;
}

/** A slot as recruiting takes it, for scheduling and for rescheduling alike. */
function slotBody(slot: Slot) {
  return {
    start: slot.start ? new Date(slot.start).toISOString() : undefined,
    duration_minutes: Number(slot.duration) || 60,
    location: slot.location.trim() || null,
    video_url: slot.video.trim() || null,
    allow_overlap: false,
  };
}

/** The fields scheduling and rescheduling share; `prefix` keeps their names apart when
 * both forms are on the page. */
function SlotFields({
  slot,
  onChange,
  error,
  prefix = "",
}: {
  slot: Slot;
  onChange: (change: Partial<Slot>) => void;
  error: unknown;
  prefix?: string;
}) {
  const { t } = useTranslation("pipeline");
  return (
    <>
      <div className="row">
        <label>
          {t("schedule.start")}
          <input
            type="datetime-local"
            name={`${prefix}start`}
            value={slot.start}
            onChange={(e) => onChange({ start: e.target.value })}
            required
          />
          <FieldError error={error} field="start" />
        </label>
        <label>
          {t("schedule.duration")}
          <input
            type="number"
            name={`${prefix}duration`}
            min={5}
            max={1440}
            value={slot.duration}
            onChange={(e) => onChange({ duration: e.target.value })}
          />
          <FieldError error={error} field="duration_minutes" />
        </label>
      </div>
      <label>
        {t("schedule.location")}
        <input name={`${prefix}location`} value={slot.location} onChange={(e) => onChange({ location: e.target.value })} />
        <FieldError error={error} field="location" />
      </label>
      <label>
        {t("schedule.video")}
        <input
          name={`${prefix}video_url`}
          type="url"
          value={slot.video}
          onChange={(e) => onChange({ video: e.target.value })}
        />
        <FieldError error={error} field="video_url" />
      </label>
    </>
  );
}

/** The interview's ETag: its version, as recruiting answers it. */
const etagOf = (i: Interview) => `"${i.version}"`;

function useInterviewChanged(interview: Interview, onDone: () => void) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ["interviews", interview.application_id] });
    void client.invalidateQueries({ queryKey: ["application", interview.application_id] });
    onDone();
  };
}

/** Move an interview: time, length, place or video link. The candidate and the panel
 * get an updated invitation (the same calendar event, a higher sequence). */
function RescheduleForm({ interview: i, onDone }: { interview: Interview; onDone: () => void }) {
  const { t } = useTranslation("pipeline");
  const [slot, setSlot] = useState<Slot>(() => ({
    start: toLocalInput(i.start),
    duration: String(i.duration_minutes),
    location: i.location ?? "",
    video: i.video_url ?? "",
  }));
  const change = (c: Partial<Slot>) => setSlot((now) => ({ ...now, ...c }));
  const changed = useInterviewChanged(i, onDone);
  const save = useMutation({
    mutationFn: () =>
      data(
        api().recruiting.PATCH("/api/v1/interviews/{interview_id}", {
          params: { path: { interview_id: i.id } },
          headers: { "If-Match": etagOf(i) },
          body: { ...slotBody(slot), duration_minutes: Number(slot.duration) || i.duration_minutes },
        }),
      ),
    onSuccess: changed,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t("reschedule.title")}>
      <p className="hint">{t("reschedule.hint")}</p>
      <SlotFields slot={slot} onChange={change} error={save.error} prefix="new-" />
      <ProblemAlert error={save.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t("reschedule.saving") : t("reschedule.submit")}
        </button>
        <button type="button" onClick={onDone}>
          {t("reschedule.keep")}
        </button>
      </div>
    </form>
  );
}

/** Call an interview off, with a reason the candidate and the panel read. Refused (409)
 * once a panel member has submitted a scorecard. */
function CancelForm({ interview: i, onDone }: { interview: Interview; onDone: () => void }) {
  const { t } = useTranslation("pipeline");
  const [reason, setReason] = useState("");
  const changed = useInterviewChanged(i, onDone);
  const cancel = useMutation({
    mutationFn: () =>
      data(
        api().recruiting.POST("/api/v1/interviews/{interview_id}/cancel", {
          params: { path: { interview_id: i.id } },
          body: { reason: reason.trim() || null },
        }),
      ),
    onSuccess: changed,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    cancel.mutate();
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t("cancelInterview.title")}>
      <label>
        {t("cancelInterview.reason")}
        <textarea name="cancel-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        <span className="hint">{t("cancelInterview.hint")}</span>
        <FieldError error={cancel.error} field="reason" />
      </label>
      <ProblemAlert error={cancel.error} />
      <div className="row">
        <button type="submit" className="danger" disabled={cancel.isPending}>
          {cancel.isPending ? t("cancelInterview.saving") : t("cancelInterview.submit")}
        </button>
        <button type="button" onClick={onDone}>
          {t("cancelInterview.keep")}
        </button>
      </div>
    </form>
  );
}

/** The person asked for their data to be erased (hr_admin): recruiting anonymises the
 * candidate and every service erases its copy. It cannot be undone, so HR types the
 * person's name to confirm; the reason travels in the event and holds no personal data. */
function EraseCandidate({ candidateId, name, applicationId }: { candidateId: string; name: string; applicationId: string }) {
  const { t } = useTranslation("pipeline");
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [reason, setReason] = useState<string>(ERASURE_REASONS[0]);
  const erase = useMutation({
    mutationFn: () =>
      data(
        api().recruiting.DELETE("/api/v1/candidates/{candidate_id}", {
          params: { path: { candidate_id: candidateId }, query: { reason } },
        }),
      ),
    onSuccess: () => {
      setOpen(false);
      void client.invalidateQueries({ queryKey: ["candidate", candidateId] });
      void client.invalidateQueries({ queryKey: ["application", applicationId] });
    },
  });
  return (
    <section className="panel" aria-labelledby="erase-title">
      <h2 id="erase-title">{t("erase.title")}</h2>
      <p className="hint">{t("erase.hint")}</p>
      {!open ? (
        <button type="button" className="danger" onClick={() => setOpen(true)}>
          {t("erase.start", { name })}
        </button>
      ) : (
        <form
          className="form"
          aria-label={t("erase.title")}
          onSubmit={(e) => {
            e.preventDefault();
            if (typed.trim() === name.trim()) erase.mutate();
          }}
        >
          <p className="alert alert-warning">{t("erase.warning")}</p>
          <label>
            {t("erase.reason")}
            <select name="erase-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
              {ERASURE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`erase.reasons.${r.replace(/ /g, "_")}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("erase.confirm", { name })}
            <input name="erase-name" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
          </label>
          <ProblemAlert error={erase.error} />
          <div className="row">
            <button type="submit" className="danger" disabled={typed.trim() !== name.trim() || erase.isPending}>
              {t("erase.submit")}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t("close.back")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
const ERASURE_REASONS = ["consent withdrawn", "erasure requested", "retention period over"] as const;

type Closing = "hire" | "withdraw";

/** Hire the candidate, or record that they withdrew: each asks once more, with an
 * optional note for the history. A hire's development plan is seeded by talent. */
function CloseApplication({ application: a }: { application: Application }) {
  const { t } = useTranslation("pipeline");
  const client = useQueryClient();
  const [asking, setAsking] = useState<Closing | null>(null);
  const [reason, setReason] = useState("");
  const close = useMutation({
    mutationFn: (action: Closing) => {
      const request = { params: { path: { application_id: a.id } }, body: reason.trim() ? { reason: reason.trim() } : {} };
      return data(
        action === "hire"
          ? api().recruiting.POST("/api/v1/applications/{application_id}/hire", request)
          : api().recruiting.POST("/api/v1/applications/{application_id}/withdraw", request),
      );
    },
    onSuccess: () => {
      setAsking(null);
      setReason("");
      void client.invalidateQueries({ queryKey: ["application", a.id] });
    },
  });
  const offered = (["hire", "withdraw"] as const).filter((action) => a.allowed_actions.includes(action));
  return (
    <>
      {a.status === "hired" ? (
        <p className="alert alert-ok" role="status">
          {t("close.hired")} <Link to={`/talent/plans?application=${a.id}`}>{t("close.plan")}</Link>
        </p>
      ) : null}
      {offered.length && !asking ? (
        <div className="row actions">
          {offered.map((action) => (
            <button key={action} type="button" onClick={() => setAsking(action)}>
              {t(`close.${action}`)}
            </button>
          ))}
        </div>
      ) : null}
      {asking ? (
        <form
          className="form"
          aria-labelledby="close-title"
          onSubmit={(e) => {
            e.preventDefault();
            close.mutate(asking);
          }}
        >
          <p id="close-title">
            <strong>{t(`close.${asking}Confirm`)}</strong>
          </p>
          <label>
            {t("close.reason")}
            <textarea name="close-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            <FieldError error={close.error} field="reason" />
          </label>
          <ProblemAlert error={close.error} />
          <div className="row">
            <button type="submit" className={asking === "hire" ? "primary" : "danger"} disabled={close.isPending}>
              {t(`close.${asking}Submit`)}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {t("close.back")}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}

interface Member {
  person: string;
  department: string;
}

function ScheduleForm({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation("pipeline");
  const client = useQueryClient();
  const [members, setMembers] = useState<Member[]>([{ person: "", department: "" }]);
  const [slot, setSlot] = useState<Slot>({ start: "", duration: "60", location: "", video: "" });
  const change = (c: Partial<Slot>) => setSlot((now) => ({ ...now, ...c }));
  const [key, setKey] = useState(idempotencyKey);
  // Members and departments are typed or picked by name; the API takes ids. The
  // directory is searched for what each field says (a company has more people and units
  // than a list can hold); a text that names one match becomes its id, anything else (an
  // id, a sign-in user id) goes as typed, and recruiting answers for it.
  const settled = useDebounced(members, 250);
  const people = useQueries({
    queries: settled.map((m) => peopleSearch(m.person)),
  });
  const units = useQueries({
    queries: settled.map((m) => unitSearch(m.department)),
  });
  const searching =
    JSON.stringify(settled) !== JSON.stringify(members) || [...people, ...units].some((q) => q.isFetching);
  const personIds = members.map((m, i) =>
    byLabel(people[i]?.data?.items ?? [], (p) => [personLabel(p), p.name])(m.person),
  );
  const unitIds = members.map((m, i) =>
    byLabel(units[i]?.data?.items ?? [], (u) => [unitLabel(u), u.name])(m.department),
  );
  const schedule = useMutation({
    mutationFn: () =>
      data(
        api().recruiting.POST("/api/v1/applications/{application_id}/interviews", {
          params: { path: { application_id: applicationId } },
          headers: { "Idempotency-Key": key },
          body: {
            panel: members.flatMap((m, i): (string | { person_id: string; department_id: string })[] =>
              !m.person.trim()
                ? []
                : m.department.trim()
                  ? [{ person_id: personIds[i]!, department_id: unitIds[i]! }]
                  : [personIds[i]!],
            ),
            ...slotBody(slot),
          },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["interviews", applicationId] });
      void client.invalidateQueries({ queryKey: ["application", applicationId] });
      setMembers([{ person: "", department: "" }]);
      setKey(idempotencyKey());
    },
  });
  const ambiguous = searching
    ? []
    : members.flatMap((m, i) =>
        [
          m.person.trim() && personIds[i] === null ? m.person.trim() : "",
          m.department.trim() && unitIds[i] === null ? m.department.trim() : "",
        ].filter(Boolean),
      );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!searching && ambiguous.length === 0) schedule.mutate();
  };
  const update = (i: number, change: Partial<Member>) =>
    setMembers((all) => all.map((m, j) => (j === i ? { ...m, ...change } : m)));
  return (
    <form className="form schedule" onSubmit={submit} aria-labelledby="schedule-title">
      <h3 id="schedule-title">{t("schedule.title")}</h3>
      <fieldset>
        <legend>{t("schedule.panel")}</legend>
        <p className="hint">{t("schedule.panelHint")}</p>
        {members.map((m, i) => (
          <div className="row" key={i}>
            <datalist id={`people-${i}`}>
              {people[i]?.data?.items.map((p) => <option key={p.id} value={personLabel(p)} />)}
            </datalist>
            <datalist id={`org-units-${i}`}>
              {units[i]?.data?.items.map((u) => <option key={u.id} value={unitLabel(u)} />)}
            </datalist>
            <label>
              {t("schedule.member", { n: i + 1 })}
              <input
                name={`member-${i}`}
                list={`people-${i}`}
                value={m.person}
                onChange={(e) => update(i, { person: e.target.value })}
                required={i === 0}
              />
              <FieldError error={schedule.error} field={`body.panel.${i}`} />
            </label>
            <label>
              {t("schedule.department", { n: i + 1 })}
              <input
                name={`department-${i}`}
                list={`org-units-${i}`}
                value={m.department}
                onChange={(e) => update(i, { department: e.target.value })}
              />
              <FieldError error={schedule.error} field={`body.panel.${i}.department_id`} />
            </label>
            {members.length > 1 ? (
              <button type="button" onClick={() => setMembers((all) => all.filter((_, j) => j !== i))}>
                {t("schedule.remove", { n: i + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        <button type="button" onClick={() => setMembers((all) => [...all, { person: "", department: "" }])}>
          {t("schedule.add")}
        </button>
        <FieldError error={schedule.error} field="panel" />
        {ambiguous.length > 0 ? (
          <p className="alert alert-error" role="alert">
            {t("schedule.ambiguous", { names: ambiguous.join(", ") })}
          </p>
        ) : null}
      </fieldset>
      <SlotFields slot={slot} onChange={change} error={schedule.error} />
      <ProblemAlert error={schedule.error} />
      {schedule.isSuccess ? (
        <p className="alert alert-ok" role="status">
          {t("schedule.done")}
        </p>
      ) : null}
      <div>
        <button
          type="submit"
          className="primary"
          disabled={schedule.isPending || searching}
        >
          {schedule.isPending ? t("schedule.saving") : t("schedule.submit")}
        </button>
      </div>
    </form>
  );
}
