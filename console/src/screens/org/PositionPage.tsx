// /org/positions/new and /org/positions/:id: a position's requirements, responsibilities,
// reporting line, evaluation scheme, status and version history; editing with If-Match.
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, data, idempotencyKey } from "../../api/client";
import { Page } from "../../components/Page";
import { ConflictNotice, Loading, ProblemAlert } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { useAuth } from "../../auth/AuthProvider";
import { PositionForm, bodyOf, draftOf, type PositionDraft } from "./PositionForm";
import { History } from "./History";
import { StatusBadge, isConflict, type Position } from "./util";

export function NewPositionPage() {
  const { t } = useTranslation("org");
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (d: PositionDraft) =>
      data(
        api().org.POST("/api/v1/positions", {
          body: { ...bodyOf(d), status: "open" },
          headers: { "Idempotency-Key": idempotencyKey() },
        }),
      ),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ["org"] });
      navigate(`/org/positions/${p.id}`);
    },
  });
  return (
    <Page title={t("positions.new")}>
      <p>
        <Link to="/org">{t("back")}</Link>
      </p>
      <section className="panel">
        <PositionForm
          initial={draftOf(null, params.get("unit") ?? "")}
          error={create.error}
          pending={create.isPending}
          submitLabel={t("form.create")}
          onSubmit={(d) => create.mutate(d)}
        />
      </section>
    </Page>
  );
}

function usePosition(id: string) {
  return useQuery({
    queryKey: ["org", "position", id],
    queryFn: async () => {
      const { data: body, response } = await api().org.GET("/api/v1/positions/{position_id}", {
        params: { path: { position_id: id } },
      });
      return { position: body!, etag: response.headers.get("ETag") ?? `"${body!.version}"` };
    },
  });
}

function List({ items, empty }: { items: string[]; empty: string }) {
  if (!items.length) return <span className="hint">{empty}</span>;
  return (
    <ul className="chips">
      {items.map((s) => (
        <li key={s}>{s}</li>
      ))}
    </ul>
  );
}

function Details({ p }: { p: Position }) {
  const { t } = useTranslation("org");
  const reportsTo = useQuery({
    queryKey: ["org", "position", p.reports_to_position_id, "brief"],
    enabled: !!p.reports_to_position_id,
    queryFn: () =>
      data(api().org.GET("/api/v1/positions/{position_id}", { params: { path: { position_id: p.reports_to_position_id! } } })),
  });
  const none = t("none");
  const r = p.requirements;
  return (
    <div className="grid">
      <section className="panel" aria-labelledby="overview-h">
        <h2 id="overview-h">{t("position.overview")}</h2>
        <dl className="facts">
          <dt>{t("position.unit")}</dt>
          <dd>{(p.org_unit.path ?? [p.org_unit.name]).join(" › ")}</dd>
          <dt>{t("position.code")}</dt>
          <dd>{p.code ?? none}</dd>
          <dt>{t("position.status")}</dt>
          <dd>
            <StatusBadge status={p.status} />
          </dd>
          <dt>{t("position.job_family")}</dt>
          <dd>{p.job_family}</dd>
          <dt>{t("position.headcount")}</dt>
          <dd>{p.headcount}</dd>
          <dt>{t("position.location")}</dt>
          <dd>{p.location ?? none}</dd>
          <dt>{t("position.reportsTo")}</dt>
          <dd>
            {p.reports_to_position_id ? (
              <Link to={`/org/positions/${p.reports_to_position_id}`}>{reportsTo.data?.title ?? p.reports_to_position_id}</Link>
            ) : (
              none
            )}
          </dd>
          <dt>{t("position.recruiter")}</dt>
          <dd>{p.owners.recruiter?.name ?? none}</dd>
          <dt>{t("position.hiringManager")}</dt>
          <dd>{p.owners.hiring_manager?.name ?? none}</dd>
          <dt>{t("position.version")}</dt>
          <dd>
            {p.version} · {formatDateTime(p.updated_at)}
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="req-h">
        <h2 id="req-h">{t("position.requirements")}</h2>
        <dl className="facts">
          <dt>{t("req.required_skills")}</dt>
          <dd>
            <List items={r.required_skills} empty={none} />
          </dd>
          <dt>{t("req.preferred_skills")}</dt>
          <dd>
            <List items={r.preferred_skills} empty={none} />
          </dd>
          <dt>{t("req.education")}</dt>
          <dd>{t(`education.${r.education}`, r.education)}</dd>
          <dt>{t("req.min_years_experience")}</dt>
          <dd>{r.min_years_experience}</dd>
          <dt>{t("req.industries")}</dt>
          <dd>
            <List items={r.industries} empty={none} />
          </dd>
          <dt>{t("req.languages")}</dt>
          <dd>
            <List items={r.languages} empty={none} />
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="resp-h">
        <h2 id="resp-h">{t("position.responsibilities")}</h2>
        {p.responsibilities.length ? (
          <ul>
            {p.responsibilities.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        ) : (
          <p className="hint">{none}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="scheme-h">
        <h2 id="scheme-h">{t("position.scheme")}</h2>
        {p.evaluation_scheme.dimensions.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dimension.name")}</th>
                <th scope="col">{t("dimension.key")}</th>
                <th scope="col">{t("dimension.weight")}</th>
              </tr>
            </thead>
            <tbody>
              {p.evaluation_scheme.dimensions.map((d) => (
                <tr key={d.key}>
                  <td>{d.name}</td>
                  <td>
                    <code>{d.key}</code>
                  </td>
                  <td>{Math.round(d.weight * 100)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="hint">{t("noScheme")}</p>
        )}
      </section>
    </div>
  );
}

export function PositionPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("org");
  const { hasRole } = useAuth();
  const canEdit = hasRole("hr_admin");
  const qc = useQueryClient();
  const query = usePosition(id);
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const invalidate = () => {
    void qc.invalidateQueries({ queryKey: ["org"] });
  };
  const save = useMutation({
    mutationFn: (d: PositionDraft) =>
      data(
        api().org.PATCH("/api/v1/positions/{position_id}", {
          params: { path: { position_id: id } },
          body: bodyOf(d),
          headers: { "If-Match": query.data!.etag },
        }),
      ),
    onSuccess: () => {
      setEditing(false);
      invalidate();
    },
  });
  const status = useMutation({
    mutationFn: (action: "close" | "reopen") =>
      data(
        action === "close"
          ? api().org.POST("/api/v1/positions/{position_id}/close", {
              params: { path: { position_id: id } },
              headers: { "If-Match": query.data!.etag },
            })
          : api().org.POST("/api/v1/positions/{position_id}/reopen", {
              params: { path: { position_id: id } },
              headers: { "If-Match": query.data!.etag },
            }),
      ),
    onSuccess: invalidate,
  });
  const reload = async () => {
    save.reset();
    status.reset();
    await query.refetch();
    void qc.invalidateQueries({ queryKey: ["org", "history", id] });
    setFormKey((k) => k + 1);
  };
  if (query.isPending) return <Page title={t("position.loading")}><Loading /></Page>;
  if (query.isError) return <Page title={t("position.notLoaded")}><ProblemAlert error={query.error} onRetry={() => void query.refetch()} /></Page>;
  const p = query.data.position;
  return (
    <Page
      title={p.title}
      actions={
        canEdit && !editing ? (
          <>
            <button type="button" className="primary" onClick={() => setEditing(true)}>
              {t("edit")}
            </button>
            {p.status === "open" ? (
              <button type="button" onClick={() => status.mutate("close")} disabled={status.isPending}>
                {t("close")}
              </button>
            ) : (
              <button type="button" onClick={() => status.mutate("reopen")} disabled={status.isPending}>
                {t("reopen")}
              </button>
            )}
          </>
        ) : null
      }
    >
      <p>
        <Link to="/org">{t("back")}</Link> · <span className="hint">{t("versionNow", { version: p.version })}</span>
      </p>
      <ConflictNotice error={status.error} onReload={() => void reload()} />
      {status.isError && !isConflict(status.error) ? <ProblemAlert error={status.error} /> : null}
      {save.isSuccess && !editing ? (
        <p className="alert alert-ok" role="status">
          {t("saved", { version: save.data.version })}
        </p>
      ) : null}
      {editing ? (
        <section className="panel" aria-labelledby="edit-h">
          <h2 id="edit-h">{t("editTitle", { version: p.version })}</h2>
          <PositionForm
            key={formKey}
            initial={draftOf(p)}
            error={save.error}
            pending={save.isPending}
            submitLabel={t("form.save")}
            onSubmit={(d) => save.mutate(d)}
            onCancel={() => {
              save.reset();
              setEditing(false);
            }}
            selfId={p.id}
          >
            <ConflictNotice error={save.error} onReload={() => void reload()} />
          </PositionForm>
        </section>
      ) : (
        <Details p={p} />
      )}
      <History positionId={id} currentVersion={p.version} />
    </Page>
  );
}
