// The template library: the texts notices are written from, by kind, job family, stage,
// how close the candidate came, their background, language and channel. HR edits one
// beside a live preview against the sample candidate (the compliance guard's flags
// shown as they type), saves it as a new version (If-Match), reads or reuses its earlier
// versions, and adds templates for a job family or a language. Other roles read.
import { Fragment, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import { ProblemError } from "../../api/problem";
import type { components } from "../../api/schema/notify";
import { useAuth } from "../../auth/AuthProvider";
import { Page } from "../../components/Page";
import { ConflictNotice, FieldError, ListState, Loading, ProblemAlert } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { LoadMore } from "../../components/LoadMore";
import { NOTICE_LOCALES } from "../../components/LocaleSelect";
import { useDebounced, usePaged, useUrlFilters } from "../../components/hooks";
import { NOTICE_KINDS as KINDS } from "./kinds";
import "./notices.css";

type Template = components["schemas"]["TemplateRead"];
type Create = components["schemas"]["TemplateCreate"];
type Flag = components["schemas"]["FlagRead"];

const STAGES: NonNullable<Create["stage"]>[] = ["*", "screening", "interview", "offer"];
const BANDS: NonNullable<Create["band"]>[] = ["*", "close", "far"];
const BACKGROUNDS: NonNullable<Create["background"]>[] = ["*", "campus", "experienced", "career_change"];
const CHANNELS: Create["channel"][] = ["email", "sms"];

/** Placeholders every kind of notice offers (the sample preview shows what they become). */
const PLACEHOLDERS = ["candidate.first_name", "position.title", "company"];

const templateKey = (id: string) => ["notify", "template", id];

export function TemplateList() {
  const { t } = useTranslation("templates");
  const { hasRole } = useAuth();
  const { params, setFilter } = useUrlFilters();
  const filters = {
    kind: params.get("kind") || undefined,
    locale: params.get("locale") || undefined,
    channel: params.get("channel") || undefined,
    job_family: params.get("job_family") || undefined,
    shipped_changed: params.get("shipped_changed") === "true" ? true : undefined,
  };
  const { query, items } = usePaged(["notify", "templates", filters], (cursor) =>
    data(api().notify.GET("/api/v1/templates", { params: { query: { ...filters, limit: 50, cursor } } })),
  );
  const choice = (name: "kind" | "locale" | "channel", values: readonly string[], label: (v: string) => string) => (
    <label>
      {t(`field.${name}`)}
      <select value={filters[name] ?? ""} onChange={(e) => setFilter(name, e.target.value)}>
        <option value="">{t("any")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Page
      title={t("title")}
      actions={
        <>
          <Link to="/notices">{t("notices")}</Link>
          <Link to="/notices/suggestions">{t("suggestions.title")}</Link>
          {hasRole("hr_admin") ? (
            <Link className="button-link primary" to="/notices/templates/new">
              {t("new.title")}
            </Link>
          ) : null}
        </>
      }
    >
      <p className="hint">{t("intro")}</p>
      <form className="panel nt-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        {choice("kind", KINDS, (k) => t(`kind.${k}`))}
        {choice("locale", NOTICE_LOCALES, (l) => l)}
        {choice("channel", CHANNELS, (c) => t(`channel.${c}`))}
        <label>
          {t("field.job_family")}
          <input
            defaultValue={filters.job_family ?? ""}
            onBlur={(e) => setFilter("job_family", e.target.value.trim().toLowerCase())}
            onKeyDown={(e) => {
              if (e.key === "Enter") setFilter("job_family", e.currentTarget.value.trim().toLowerCase());
            }}
          />
        </label>
        <label>
          {t("shipped.filter")}
          <select
            name="shipped_changed"
            value={filters.shipped_changed ? "true" : ""}
            onChange={(e) => setFilter("shipped_changed", e.target.value)}
          >
            <option value="">{t("any")}</option>
            <option value="true">{t("shipped.yes")}</option>
          </select>
        </label>
      </form>
      <ListState query={query} count={items.length} empty={t("empty")}>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("field.name")}</th>
                <th scope="col">{t("field.kind")}</th>
                <th scope="col">{t("field.job_family")}</th>
                <th scope="col">{t("field.stage")}</th>
                <th scope="col">{t("field.locale")}</th>
                <th scope="col">{t("field.channel")}</th>
                <th scope="col">{t("field.version")}</th>
                <th scope="col">{t("field.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((tpl) => (
                <tr key={tpl.id} data-testid="template-row">
                  <td>
                    <Link to={`/notices/templates/${tpl.id}`}>{tpl.name}</Link>
                    {tpl.shipped_changed ? " " : null}
                    {tpl.shipped_changed ? <span className="badge badge-warning">{t("shipped.badge")}</span> : null}
                  </td>
                  <td>{t(`kind.${tpl.kind}`, { defaultValue: tpl.kind })}</td>
                  <td>{anyOr(t, tpl.job_family)}</td>
                  <td>
                    {anyOr(t, tpl.stage, "stage")}
                    {tpl.band !== "*" ? ` · ${t(`band.${tpl.band}`)}` : ""}
                    {tpl.background !== "*" ? ` · ${t(`background.${tpl.background}`)}` : ""}
                  </td>
                  <td>{tpl.locale}</td>
                  <td>{t(`channel.${tpl.channel}`)}</td>
                  <td>v{tpl.version}</td>
                  <td>
                    {formatDateTime(tpl.updated_at)} · {tpl.updated_by}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListState>
      <LoadMore query={query} label={t("more")} />
    </Page>
  );
}

/** "Any" for the wildcard, else the value (translated where the vocabulary is ours). */
function anyOr(t: (key: string) => string, value: string, vocabulary?: string): string {
  if (value === "*") return t("any");
  return vocabulary ? t(`${vocabulary}.${value}`) : value;
}

export function TemplateDetail() {
  const { id = "" } = useParams();
  const { t } = useTranslation("templates");
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const query = useQuery({
    queryKey: templateKey(id),
    queryFn: async () => {
      const { data: body, response } = await api().notify.GET("/api/v1/templates/{template_id}", {
        params: { path: { template_id: id } },
      });
      return { template: body!, etag: response.headers.get("ETag") ?? `"${body!.version}"` };
    },
  });
  return (
    <Page
      title={query.data ? t("detail.titleOf", { name: query.data.template.name }) : t("detail.title")}
      actions={<Link to="/notices/templates">{t("detail.back")}</Link>}
    >
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <TemplateEditor
          key={query.data.etag}
          template={query.data.template}
          etag={query.data.etag}
          onReload={() => void query.refetch()}
          savedVersion={savedVersion}
          onSaved={setSavedVersion}
        />
      )}
    </Page>
  );
}

/** Keyed by the ETag: a save or a reload starts it afresh from the current version. */
function TemplateEditor({
  template,
  etag,
  onReload,
  savedVersion,
  onSaved,
}: {
  template: Template;
  etag: string;
  onReload: () => void;
  savedVersion: number | null;
  onSaved: (version: number) => void;
}) {
  const { t } = useTranslation("templates");
  const { hasRole } = useAuth();
  const canEdit = hasRole("hr_admin");
  const client = useQueryClient();
  const email = template.channel === "email";
  const [name, setName] = useState(template.name);
  const [subject, setSubject] = useState(template.subject ?? "");
  const [body, setBody] = useState(template.body);
  const changed = name !== template.name || body !== template.body || (email && subject !== (template.subject ?? ""));
  const save = useMutation({
    mutationFn: async () => {
      const { data: next, response } = await api().notify.PATCH("/api/v1/templates/{template_id}", {
        params: { path: { template_id: template.id } },
        headers: { "If-Match": etag },
        body: { name, body, ...(email ? { subject } : {}), shipped_reviewed: false },
      });
      return { template: next!, etag: response.headers.get("ETag") ?? `"${next!.version}"` };
    },
    onSuccess: (next) => {
      client.setQueryData(templateKey(template.id), next);
      void client.invalidateQueries({ queryKey: ["notify", "templates"] });
      void client.invalidateQueries({ queryKey: [...templateKey(template.id), "versions"] });
      onSaved(next.template.version);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <div className="panel">
        <dl className="nt-facts">
          <dt>{t("field.kind")}</dt>
          <dd>{t(`kind.${template.kind}`, { defaultValue: template.kind })}</dd>
          <dt>{t("detail.for")}</dt>
          <dd>
            {[
              `${t("field.job_family")}: ${anyOr(t, template.job_family)}`,
              `${t("field.stage")}: ${anyOr(t, template.stage, "stage")}`,
              `${t("field.band")}: ${anyOr(t, template.band, "band")}`,
              `${t("field.background")}: ${anyOr(t, template.background, "background")}`,
            ].join(" · ")}
          </dd>
          <dt>{t("field.locale")}</dt>
          <dd>
            {template.locale} · {t(`channel.${template.channel}`)}
          </dd>
          <dt>{t("field.version")}</dt>
          <dd data-testid="template-version">
            v{template.version} · {formatDateTime(template.updated_at)} · {template.updated_by}
          </dd>
        </dl>
      </div>
      <div className="tpl-columns">
        <form className="form panel tpl-edit" onSubmit={submit} aria-labelledby="tpl-edit-heading">
          <h2 id="tpl-edit-heading">{canEdit ? t("edit.title") : t("edit.readOnly")}</h2>
          <p className="hint">
            {t("edit.hint")}{" "}
            {PLACEHOLDERS.map((p) => (
              <Fragment key={p}>
                <code>{`{{ ${p} }}`}</code>{" "}
              </Fragment>
            ))}
          </p>
          <p className="hint">{t("edit.versionHint")}</p>
          <label>
            {t("field.name")}
            <input name="name" value={name} maxLength={200} readOnly={!canEdit} onChange={(e) => setName(e.target.value)} />
            <FieldError error={save.error} field="body.name" />
          </label>
          {email ? (
            <label>
              {t("field.subject")}
              <input
                name="subject"
                value={subject}
                maxLength={500}
                readOnly={!canEdit}
                onChange={(e) => setSubject(e.target.value)}
              />
              <FieldError error={save.error} field="body.subject" />
            </label>
          ) : null}
          <label>
            {t("field.body")}
            <textarea name="body" value={body} readOnly={!canEdit} onChange={(e) => setBody(e.target.value)} />
            <FieldError error={save.error} field="body.body" />
          </label>
          <ConflictNotice error={save.error} onReload={onReload} />
          {save.error instanceof ProblemError && save.error.status === 412 ? null : <ProblemAlert error={save.error} />}
          {savedVersion === template.version && !changed ? (
            <p className="alert alert-ok" role="status">
              {t("edit.saved", { version: template.version })}
            </p>
          ) : null}
          {canEdit ? (
            <div className="row">
              <button type="submit" className="primary" disabled={!changed || save.isPending}>
                {save.isPending ? t("edit.saving") : t("edit.save")}
              </button>
              <button
                type="button"
                disabled={!changed}
                onClick={() => {
                  setName(template.name);
                  setSubject(template.subject ?? "");
                  setBody(template.body);
                }}
              >
                {t("edit.discard")}
              </button>
            </div>
          ) : null}
        </form>
        <Preview templateId={template.id} subject={email ? subject : null} body={body} />
      </div>
      {template.has_shipped_text ? (
        <Shipped
          template={template}
          etag={etag}
          editing={changed}
          onUse={
            canEdit
              ? (shipped) => {
                  setSubject(shipped.subject ?? "");
                  setBody(shipped.body);
                }
              : undefined
          }
        />
      ) : null}
      <Versions
        template={template}
        onUse={
          canEdit
            ? (v) => {
                setName(v.name);
                setSubject(v.subject ?? "");
                setBody(v.body);
              }
            : undefined
        }
      />
    </>
  );
}

/** The text as the sample candidate would read it, rendered by notify as the user types
 * (unsaved), with the phrases the compliance guard flags. */
function Preview({ templateId, subject, body }: { templateId: string; subject: string | null; body: string }) {
  const { t } = useTranslation("templates");
  const settled = useDebounced({ subject, body }, 400);
  const preview = useQuery({
    queryKey: [...templateKey(templateId), "preview", settled],
    queryFn: () =>
      data(
        api().notify.POST("/api/v1/templates/{template_id}/preview", {
          params: { path: { template_id: templateId } },
          body: { body: settled.body || undefined, ...(settled.subject !== null ? { subject: settled.subject } : {}) },
        }),
      ),
    enabled: settled.body.trim().length > 0,
    retry: false,
    placeholderData: (previous) => previous,
  });
  return (
    <section className="panel tpl-preview" aria-labelledby="tpl-preview-heading" aria-busy={preview.isFetching}>
      <h2 id="tpl-preview-heading">{t("preview.title")}</h2>
      <p className="hint">{t("preview.hint")}</p>
      {preview.isError ? (
        <ProblemAlert error={preview.error} />
      ) : preview.data ? (
        <>
          <Flags flags={preview.data.flags} />
          {preview.data.subject ? (
            <p>
              <strong>{t("field.subject")}:</strong> <span data-testid="preview-subject">{preview.data.subject}</span>
            </p>
          ) : null}
          <div className="notice-text" data-testid="preview-text">
            {preview.data.text}
          </div>
        </>
      ) : preview.isFetching ? (
        <Loading />
      ) : null}
    </section>
  );
}

function Flags({ flags }: { flags: Flag[] }) {
  const { t } = useTranslation(["templates", "notices"]);
  if (!flags.length) {
    return (
      <p className="alert alert-ok" role="status" data-testid="preview-clean">
        {t("preview.clean")}
      </p>
    );
  }
  return (
    <div className="alert alert-warning" role="status">
      <strong>{t("preview.flagged", { count: flags.length })}</strong>
      <ul className="nt-flag-list" data-testid="preview-flags">
        {flags.map((f, i) => (
          <li key={i}>
            <mark>{f.phrase}</mark> — {t(`notices:category.${f.category}`, { defaultValue: f.category })}
            {f.why ? <div className="hint">{f.why}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the release ships for this template's key. When a release changed it after HR
 * edited the template (their text was kept), HR compares and puts the shipped text in the
 * editor (saving it clears the mark) or keeps theirs. */
function Shipped({
  template,
  etag,
  editing,
  onUse,
}: {
  template: Template;
  etag: string;
  /** The editor holds unsaved changes: "keep ours" would keep the saved text, not those. */
  editing: boolean;
  onUse?: (shipped: components["schemas"]["ShippedTemplateRead"]) => void;
}) {
  const { t } = useTranslation("templates");
  const client = useQueryClient();
  const [open, setOpen] = useState(template.shipped_changed);
  const shipped = useQuery({
    queryKey: [...templateKey(template.id), "shipped"],
    queryFn: () =>
      data(api().notify.GET("/api/v1/templates/{template_id}/shipped", { params: { path: { template_id: template.id } } })),
    enabled: open,
  });
  const keep = useMutation({
    mutationFn: async (compared: string) => {
      const { data: next, response } = await api().notify.PATCH("/api/v1/templates/{template_id}", {
        params: { path: { template_id: template.id } },
        headers: { "If-Match": etag },
        body: { shipped_reviewed: true, shipped_digest: compared },
      });
      return { template: next!, etag: response.headers.get("ETag") ?? `"${next!.version}"` };
    },
    onSuccess: (next) => {
      client.setQueryData(templateKey(template.id), next);
      void client.invalidateQueries({ queryKey: ["notify", "templates"] });
    },
  });
  return (
    <section className="panel" aria-labelledby="tpl-shipped-heading" data-testid="template-shipped">
      <h2 id="tpl-shipped-heading">{t("shipped.title")}</h2>
      {template.shipped_changed ? (
        <p className="alert alert-warning" role="status" data-testid="shipped-state">
          {t("shipped.changed")}
        </p>
      ) : keep.isSuccess ? (
        <p className="alert alert-ok" role="status" data-testid="shipped-state">
          {t("shipped.kept")}
        </p>
      ) : (
        <p className="hint">{t("shipped.hint")}</p>
      )}
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t("shipped.show")}
        </button>
      ) : shipped.isPending ? (
        <Loading />
      ) : shipped.isError ? (
        <ProblemAlert error={shipped.error} onRetry={() => void shipped.refetch()} />
      ) : (
        <>
          {shipped.data.subject ? (
            <p>
              <strong>{t("field.subject")}:</strong> {shipped.data.subject}
            </p>
          ) : null}
          <div className="notice-text" data-testid="shipped-text">
            {shipped.data.body}
          </div>
          {onUse ? (
            <div className="row">
              <button type="button" onClick={() => onUse(shipped.data)}>
                {t("shipped.use")}
              </button>
              {template.shipped_changed ? (
                <button
                  type="button"
                  disabled={keep.isPending || editing}
                  title={editing ? t("shipped.saveFirst") : undefined}
                  onClick={() => keep.mutate(shipped.data.digest)}
                >
                  {keep.isPending ? t("shipped.keeping") : t("shipped.keep")}
                </button>
              ) : null}
            </div>
          ) : null}
        </>
      )}
      <ConflictNotice error={keep.error} onReload={() => void client.invalidateQueries({ queryKey: templateKey(template.id) })} />
      {keep.error instanceof ProblemError && keep.error.status === 412 ? null : <ProblemAlert error={keep.error} />}
    </section>
  );
}

function Versions({
  template,
  onUse,
}: {
  template: Template;
  onUse?: (version: components["schemas"]["TemplateVersionRead"]) => void;
}) {
  const { t } = useTranslation("templates");
  const versions = useQuery({
    queryKey: [...templateKey(template.id), "versions", template.version],
    queryFn: () =>
      data(api().notify.GET("/api/v1/templates/{template_id}/versions", { params: { path: { template_id: template.id } } })),
  });
  return (
    <section className="panel" aria-labelledby="tpl-versions-heading">
      <h2 id="tpl-versions-heading">{t("versions.title")}</h2>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ProblemAlert error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <ul className="tpl-versions">
          {[...versions.data].reverse().map((v) => (
            <li key={v.version} data-testid="template-version-row">
              <details>
                <summary>
                  v{v.version} · {formatDateTime(v.created_at)} · {v.created_by}
                  {v.version === template.version ? ` (${t("versions.current")})` : ""}
                </summary>
                {v.subject ? (
                  <p>
                    <strong>{t("field.subject")}:</strong> {v.subject}
                  </p>
                ) : null}
                <div className="notice-text">{v.body}</div>
                {onUse && v.version !== template.version ? (
                  <button type="button" onClick={() => onUse(v)}>
                    {t("versions.use", { version: v.version })}
                  </button>
                ) : null}
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NewTemplate() {
  const { t } = useTranslation("templates");
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState<Create>({
    kind: "rejection",
    job_family: "*",
    stage: "*",
    band: "*",
    background: "*",
    locale: "zh-CN",
    channel: "email",
    name: "",
    subject: "",
    body: "",
  });
  const change = (c: Partial<Create>) => setForm((now) => ({ ...now, ...c }));
  const create = useMutation({
    mutationFn: () =>
      data(
        api().notify.POST("/api/v1/templates", {
          body: {
            ...form,
            name: form.name?.trim() || undefined,
            subject: form.channel === "email" ? form.subject : undefined,
          },
        }),
      ),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ["notify", "templates"] });
      navigate(`/notices/templates/${created.id}`);
    },
  });
  const select = <K extends keyof Create>(field: K, values: readonly string[], label: (v: string) => string) => (
    <label>
      {t(`field.${field}`)}
      <select name={field} value={String(form[field] ?? "")} onChange={(e) => change({ [field]: e.target.value } as Partial<Create>)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
      <FieldError error={create.error} field={`body.${field}`} />
    </label>
  );
  return (
    <Page title={t("new.title")} actions={<Link to="/notices/templates">{t("detail.back")}</Link>}>
      <form
        className="form panel tpl-edit"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <p className="hint">{t("new.hint")}</p>
        <div className="nt-filters">
          {select("kind", KINDS, (k) => t(`kind.${k}`))}
          {select("locale", NOTICE_LOCALES, (l) => l)}
          {select("channel", CHANNELS, (c) => t(`channel.${c}`))}
          <label>
            {t("field.job_family")}
            <input
              name="job_family"
              value={form.job_family}
              maxLength={80}
              onChange={(e) => change({ job_family: e.target.value })}
              aria-describedby="job-family-hint"
            />
            <span className="hint" id="job-family-hint">
              {t("new.jobFamilyHint")}
            </span>
            <FieldError error={create.error} field="body.job_family" />
          </label>
          {select("stage", STAGES, (s) => anyOr(t, s, "stage"))}
          {select("band", BANDS, (b) => anyOr(t, b, "band"))}
          {select("background", BACKGROUNDS, (b) => anyOr(t, b, "background"))}
        </div>
        <label>
          {t("field.name")}
          <input name="name" value={form.name ?? ""} maxLength={200} onChange={(e) => change({ name: e.target.value })} />
        </label>
        {form.channel === "email" ? (
          <label>
            {t("field.subject")}
            <input name="subject" value={form.subject ?? ""} maxLength={500} onChange={(e) => change({ subject: e.target.value })} />
            <FieldError error={create.error} field="body.subject" />
          </label>
        ) : null}
        <label>
          {t("field.body")}
          <textarea name="body" value={form.body} required onChange={(e) => change({ body: e.target.value })} />
          <FieldError error={create.error} field="body.body" />
        </label>
        <ProblemAlert error={create.error} />
        <div className="row">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t("edit.saving") : t("new.submit")}
          </button>
        </div>
      </form>
    </Page>
  );
}
