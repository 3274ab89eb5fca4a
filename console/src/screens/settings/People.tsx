// The staff directory (org /api/v1/people): search with pagination, add, edit with
// If-Match, deactivate and reactivate.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, data, idempotencyKey } from "../../api/client";
import type { components } from "../../api/schema/org";
import { ConflictNotice, ListState, ProblemAlert } from "../../components/states";
import { FieldMsg, invalidProps, isConflict } from "../org/util";
import { LoadMore } from "../../components/LoadMore";
import { usePaged } from "../../components/hooks";

type Person = components["schemas"]["PersonRead"];
const FIELDS = ["name", "email", "phone", "subject", "locale", "timezone"] as const;
type Draft = Record<(typeof FIELDS)[number], string>;

function PersonForm({
  initial,
  error,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
  idPrefix,
  children,
}: {
  initial: Draft;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: (d: Draft) => void;
  onCancel?: () => void;
  idPrefix: string;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation("settings");
  const [d, setD] = useState(initial);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(d);
      }}
    >
      {children}
      <div className="row">
        {FIELDS.map((f) => (
          <label key={f}>
            {t(`people.${f}`)}
            <input name={`${idPrefix}-${f}`} value={d[f]} onChange={(e) => setD({ ...d, [f]: e.target.value })} {...invalidProps(error, f, `${idPrefix}-err-${f}`)} />
            <FieldMsg error={error} path={f} id={`${idPrefix}-err-${f}`} />
          </label>
        ))}
      </div>
      {error && !isConflict(error) && !(error as { problem?: { errors?: unknown[] } }).problem?.errors?.length ? <ProblemAlert error={error} /> : null}
      <div className="row">
        <button type="submit" className="primary" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

const draftOf = (p?: Person): Draft => ({
  name: p?.name ?? "",
  email: p?.email ?? "",
  phone: p?.phone ?? "",
  subject: p?.subject ?? "",
  locale: p?.locale ?? "zh-CN",
  timezone: p?.timezone ?? "Asia/Shanghai",
});
const bodyOf = (d: Draft) => ({
  name: d.name.trim(),
  email: d.email.trim() || null,
  phone: d.phone.trim() || null,
  subject: d.subject.trim() || null,
  locale: d.locale.trim(),
  timezone: d.timezone.trim(),
});

function PersonRow({ p }: { p: Person }) {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: ["settings", "people"] });
  const ifMatch = { "If-Match": `"${p.version}"` };
  const path = { params: { path: { person_id: p.id } } };
  const save = useMutation({
    mutationFn: (d: Draft) => data(api().org.PATCH("/api/v1/people/{person_id}", { ...path, body: bodyOf(d), headers: ifMatch })),
    onSuccess: () => {
      setEditing(false);
      refresh();
    },
  });
  const active = useMutation({
    mutationFn: () =>
      data(
        p.active
          ? api().org.POST("/api/v1/people/{person_id}/deactivate", { ...path, headers: ifMatch })
          : api().org.POST("/api/v1/people/{person_id}/reactivate", { ...path, headers: ifMatch }),
      ),
    onSuccess: refresh,
  });
  if (editing) {
    return (
      <tr>
        <td colSpan={5}>
          <PersonForm
            initial={draftOf(p)}
            error={save.error}
            pending={save.isPending}
            submitLabel={t("people.save")}
            onSubmit={(d) => save.mutate(d)}
            onCancel={() => {
              save.reset();
              setEditing(false);
            }}
            idPrefix={`person-${p.id}`}
          >
            <ConflictNotice
              error={save.error}
              onReload={() => {
                save.reset();
                setEditing(false);
                refresh();
              }}
            />
          </PersonForm>
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td>{p.name}</td>
      <td>{p.email ?? "—"}</td>
      <td>{p.subject ?? "—"}</td>
      <td>
        <span className={`badge ${p.active ? "badge-ok" : "badge-warning"}`}>{p.active ? t("people.active") : t("people.inactive")}</span>
      </td>
      <td>
        <ConflictNotice error={active.error} onReload={() => { active.reset(); refresh(); }} />
        {active.isError && !isConflict(active.error) ? <ProblemAlert error={active.error} /> : null}
        <div className="row">
          <button type="button" onClick={() => setEditing(true)}>
            {t("people.edit", { name: p.name })}
          </button>
          <button type="button" onClick={() => active.mutate()} disabled={active.isPending}>
            {p.active ? t("people.deactivate", { name: p.name }) : t("people.reactivate", { name: p.name })}
          </button>
        </div>
      </td>
    </tr>
  );
}

export function People() {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const [showInactive, setShowInactive] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const { query: list, items } = usePaged(["settings", "people", search, showInactive], (cursor) =>
    data(
      api().org.GET("/api/v1/people", {
        params: { query: { limit: 25, cursor, q: search || undefined, active: showInactive ? undefined : true } },
      }),
    ),
  );
  const add = useMutation({
    mutationFn: (d: Draft) => data(api().org.POST("/api/v1/people", { body: bodyOf(d), headers: { "Idempotency-Key": idempotencyKey() } })),
    onSuccess: () => {
      setFormKey((k) => k + 1);
      void qc.invalidateQueries({ queryKey: ["settings", "people"] });
    },
  });
  return (
    <>
      <section className="panel" aria-labelledby="people-add-h">
        <h2 id="people-add-h">{t("people.add")}</h2>
        <PersonForm key={formKey} initial={draftOf()} error={add.error} pending={add.isPending} submitLabel={t("people.addButton")} onSubmit={(d) => add.mutate(d)} idPrefix="new-person" />
        {add.isSuccess ? (
          <p className="alert alert-ok" role="status">
            {t("people.added", { name: add.data.name })}
          </p>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="people-h">
        <h2 id="people-h">{t("people.title")}</h2>
        <form
          className="row filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(q.trim());
          }}
        >
          <label>
            {t("people.search")}
            <input type="search" name="people-q" value={q} onChange={(e) => setQ(e.target.value)} />
          </label>
          <label className="check">
            <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
            {t("people.showInactive")}
          </label>
          <button type="submit">{t("search")}</button>
        </form>
        <ListState query={list} count={items.length} empty={t("people.empty")}>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("people.name")}</th>
                  <th scope="col">{t("people.email")}</th>
                  <th scope="col">{t("people.subject")}</th>
                  <th scope="col">{t("people.state")}</th>
                  <th scope="col">{t("people.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <PersonRow key={`${p.id}-${p.version}`} p={p} />
                ))}
              </tbody>
            </table>
          </div>
        </ListState>
        <LoadMore query={list} label={t("more")} />
      </section>
    </>
  );
}
