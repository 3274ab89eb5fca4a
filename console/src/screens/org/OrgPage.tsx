// /org: the org tree (nested lists with disclosure buttons), creating, renaming, moving and
// deleting units, and the positions of the selected unit (or all) with search and pagination.
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, data, idempotencyKey } from "../../api/client";
import { Page } from "../../components/Page";
import { ConflictNotice, ListState, Loading, ProblemAlert, QueryState } from "../../components/states";
import { useAuth } from "../../auth/AuthProvider";
import {
  FieldMsg,
  StatusBadge,
  UNIT_KINDS,
  flatten,
  invalidProps,
  isConflict,
  subtreeIds,
  type OrgNode,
} from "./util";
import "./org.css";
import { LoadMore } from "../../components/LoadMore";
import { usePaged, useUrlFilters } from "../../components/hooks";

export function useOrgTree() {
  return useQuery({
    queryKey: ["org", "tree"],
    queryFn: () => data(api().org.GET("/api/v1/org-units/tree")),
  });
}

function TreeNode({
  node,
  selected,
  onSelect,
  expanded,
  toggle,
}: {
  node: OrgNode;
  selected: string | null;
  onSelect: (id: string) => void;
  expanded: Set<string>;
  toggle: (id: string) => void;
}) {
  const { t } = useTranslation("org");
  const children = node.children ?? [];
  const open = expanded.has(node.id);
  return (
    <li>
      <div className="tree-row">
        {children.length ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-label={t(open ? "tree.collapse" : "tree.expand", { name: node.name })}
            onClick={() => toggle(node.id)}
          >
            <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          </button>
        ) : (
          <span className="tree-leaf" aria-hidden="true" />
        )}
        <button
          type="button"
          className="tree-unit"
          aria-pressed={selected === node.id}
          onClick={() => onSelect(node.id)}
        >
          {node.name} <span className="hint">({t(`kind.${node.kind}`, node.kind)})</span>
        </button>
      </div>
      {children.length && open ? (
        <ul>
          {children.map((c) => (
            <TreeNode key={c.id} node={c} selected={selected} onSelect={onSelect} expanded={expanded} toggle={toggle} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function OrgTreePanel({ selected, onSelect }: { selected: string | null; onSelect: (id: string | null) => void }) {
  const { t } = useTranslation("org");
  const tree = useOrgTree();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const expandAll = () => setExpanded(new Set(flatten(tree.data ?? []).map((u) => u.id)));
  return (
    <section className="panel" aria-labelledby="tree-heading">
      <div className="panel-head">
        <h2 id="tree-heading">{t("tree.title")}</h2>
        <div className="row">
          <button type="button" onClick={expandAll}>
            {t("tree.expandAll")}
          </button>
          <button type="button" onClick={() => setExpanded(new Set())}>
            {t("tree.collapseAll")}
          </button>
          <button type="button" aria-pressed={selected === null} onClick={() => onSelect(null)}>
            {t("tree.allUnits")}
          </button>
        </div>
      </div>
      <QueryState query={tree} isEmpty={(d) => d.length === 0} empty={t("tree.empty")}>
        {(nodes) => (
          <ul className="org-tree" aria-label={t("tree.title")}>
            {nodes.map((n) => (
              <TreeNode key={n.id} node={n} selected={selected} onSelect={onSelect} expanded={expanded} toggle={toggle} />
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function CreateUnit({ parentId, onCreated }: { parentId: string | null; onCreated: (id: string) => void }) {
  const { t } = useTranslation("org");
  const qc = useQueryClient();
  const tree = useOrgTree();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<string>("department");
  const [parent, setParent] = useState<string>(parentId ?? "");
  const [lastParent, setLastParent] = useState(parentId);
  if (lastParent !== parentId) {
    setLastParent(parentId);
    setParent(parentId ?? "");
  }
  const create = useMutation({
    mutationFn: () =>
      data(
        api().org.POST("/api/v1/org-units", {
          body: { name, kind, parent_id: parent || null },
          headers: { "Idempotency-Key": idempotencyKey() },
        }),
      ),
    onSuccess: (unit) => {
      setName("");
      void qc.invalidateQueries({ queryKey: ["org"] });
      onCreated(unit.id);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="form panel" onSubmit={submit} aria-labelledby="new-unit-heading">
      <h2 id="new-unit-heading">{t("unit.create")}</h2>
      <label>
        {t("unit.name")}
        <input name="unit-name" value={name} onChange={(e) => setName(e.target.value)} {...invalidProps(create.error, "name", "unit-name-error")} />
        <FieldMsg error={create.error} path="name" id="unit-name-error" />
      </label>
      <div className="row">
        <label>
          {t("unit.kind")}
          <select name="unit-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          <FieldMsg error={create.error} path="kind" id="unit-kind-error" />
        </label>
        <label>
          {t("unit.parent")}
          <select name="unit-parent" value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">{t("unit.noParent")}</option>
            {flatten(tree.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {"\u00a0\u00a0".repeat(u.depth) + u.name}
              </option>
            ))}
          </select>
          <FieldMsg error={create.error} path="parent_id" id="unit-parent-error" />
        </label>
      </div>
      {create.isError && !(create.error as { problem?: { errors?: unknown[] } }).problem?.errors?.length ? (
        <ProblemAlert error={create.error} />
      ) : null}
      {create.isSuccess ? (
        <p className="alert alert-ok" role="status">
          {t("unit.created", { name: create.data.name })}
        </p>
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t("unit.createButton")}
        </button>
      </div>
    </form>
  );
}

/** The selected unit: rename it, move it with its subtree, or delete it when empty. */
function SelectedUnit({ unitId, onDeleted }: { unitId: string; onDeleted: () => void }) {
  const { t } = useTranslation("org");
  const qc = useQueryClient();
  const unit = useQuery({
    queryKey: ["org", "unit", unitId],
    queryFn: async () => {
      const { data: body, response } = await api().org.GET("/api/v1/org-units/{unit_id}", {
        params: { path: { unit_id: unitId } },
      });
      return { unit: body!, etag: response.headers.get("ETag") ?? `"${body!.version}"` };
    },
  });
  const [name, setName] = useState<string | null>(null);
  const rename = useMutation({
    mutationFn: () =>
      data(
        api().org.PATCH("/api/v1/org-units/{unit_id}", {
          params: { path: { unit_id: unitId } },
          body: { name: name ?? "" },
          headers: { "If-Match": unit.data!.etag },
        }),
      ),
    onSuccess: () => {
      setName(null);
      void qc.invalidateQueries({ queryKey: ["org"] });
    },
  });
  if (unit.isPending) return <Loading />;
  if (unit.isError) return <ProblemAlert error={unit.error} />;
  const current = unit.data.unit;
  const refetch = () => void unit.refetch();
  return (
    <>
      <form
        className="form panel"
        aria-labelledby="rename-heading"
        onSubmit={(e) => {
          e.preventDefault();
          rename.mutate();
        }}
      >
        <h2 id="rename-heading">{t("unit.selected", { name: current.name })}</h2>
        <p className="hint">{current.path_names.join(" › ")}</p>
        <label>
          {t("unit.newName")}
          <input value={name ?? current.name} onChange={(e) => setName(e.target.value)} {...invalidProps(rename.error, "name", "rename-error")} />
          <FieldMsg error={rename.error} path="name" id="rename-error" />
        </label>
        <ConflictNotice
          error={rename.error}
          onReload={() => {
            rename.reset();
            setName(null);
            void unit.refetch();
          }}
        />
        {rename.isError && !isConflict(rename.error) && !problemHasFields(rename.error) ? <ProblemAlert error={rename.error} /> : null}
        <div>
          <button type="submit" disabled={rename.isPending || name === null}>
            {t("unit.rename")}
          </button>
        </div>
      </form>
      <MoveUnit unitId={unitId} current={current} etag={unit.data.etag} onReload={refetch} />
      <DeleteUnit unitId={unitId} name={current.name} onDeleted={onDeleted} />
    </>
  );
}

/** Move the selected unit (and everything below it) under another parent, or to the top.
 * Every position below gets a new version and is republished: recruiting and talent see
 * the new reporting line. Units inside the subtree are not offered (that is a cycle). */
function MoveUnit({
  unitId,
  current,
  etag,
  onReload,
}: {
  unitId: string;
  current: { parent_id?: string | null; name: string };
  etag: string;
  onReload: () => void;
}) {
  const { t } = useTranslation("org");
  const qc = useQueryClient();
  const tree = useOrgTree();
  const [parent, setParent] = useState(current.parent_id ?? "");
  const inside = subtreeIds(tree.data ?? [], unitId);
  const move = useMutation({
    mutationFn: () =>
      data(
        api().org.POST("/api/v1/org-units/{unit_id}/move", {
          params: { path: { unit_id: unitId } },
          body: { parent_id: parent || null },
          headers: { "If-Match": etag },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["org"] });
    },
  });
  return (
    <form
      className="form panel"
      aria-labelledby="move-heading"
      onSubmit={(e) => {
        e.preventDefault();
        move.mutate();
      }}
    >
      <h2 id="move-heading">{t("unit.moveTitle", { name: current.name })}</h2>
      <label>
        {t("unit.newParent")}
        <select name="move-parent" value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="">{t("unit.noParent")}</option>
          {flatten(tree.data ?? [])
            .filter((u) => !inside.has(u.id))
            .map((u) => (
              <option key={u.id} value={u.id}>
                {"\u00a0\u00a0".repeat(u.depth) + u.name}
              </option>
            ))}
        </select>
      </label>
      <p className="hint">{t("unit.moveHint")}</p>
      {move.isSuccess ? (
        <p className="alert alert-ok" role="status">
          {t("unit.moved", { count: move.data.positions_republished })}
        </p>
      ) : null}
      <ConflictNotice
        error={move.error}
        onReload={() => {
          move.reset();
          onReload();
        }}
      />
      {move.isError && !isConflict(move.error) ? <ProblemAlert error={move.error} /> : null}
      <div>
        <button type="submit" disabled={move.isPending || parent === (current.parent_id ?? "")}>
          {t("unit.move")}
        </button>
      </div>
    </form>
  );
}

/** Delete the selected unit; org-service refuses (409, saying what is inside) unless it is
 * empty: no child units, positions or people. Asks once more before it deletes. */
function DeleteUnit({ unitId, name, onDeleted }: { unitId: string; name: string; onDeleted: () => void }) {
  const { t } = useTranslation("org");
  const qc = useQueryClient();
  const [asked, setAsked] = useState(false);
  const remove = useMutation({
    mutationFn: () => data(api().org.DELETE("/api/v1/org-units/{unit_id}", { params: { path: { unit_id: unitId } } })),
    onSuccess: () => {
      // Only the tree: the deleted unit's own queries would answer 404 if asked again.
      onDeleted();
      void qc.invalidateQueries({ queryKey: ["org", "tree"] });
    },
  });
  return (
    <section className="panel" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t("unit.deleteTitle", { name })}</h2>
      <p className="hint">{t("unit.deleteHint")}</p>
      <ProblemAlert error={remove.error} />
      <div className="row">
        {asked ? (
          <>
            <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
              {t("unit.deleteConfirm", { name })}
            </button>
            <button type="button" onClick={() => setAsked(false)}>
              {t("unit.deleteKeep")}
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => {
              remove.reset();
              setAsked(true);
            }}
          >
            {t("unit.delete")}
          </button>
        )}
      </div>
    </section>
  );
}

function problemHasFields(error: unknown): boolean {
  return !!(error as { problem?: { errors?: unknown[] | null } })?.problem?.errors?.length;
}

function PositionsPanel({ unitId }: { unitId: string | null }) {
  const { t } = useTranslation("org");
  const { params, setFilter } = useUrlFilters();
  const q = params.get("q") ?? "";
  const status = params.get("status") ?? "";
  const [draft, setDraft] = useState(q);
  const { query: positions, items } = usePaged(["org", "positions", { unitId, q, status }], (cursor) =>
    data(
      api().org.GET("/api/v1/positions", {
        params: {
          query: {
            limit: 20,
            cursor,
            q: q || undefined,
            status: (status || undefined) as "open" | "closed" | undefined,
            org_unit_id: unitId ?? undefined,
            include_subtree: unitId ? true : undefined,
          },
        },
      }),
    ),
  );
  return (
    <section className="panel" aria-labelledby="positions-heading">
      <h2 id="positions-heading">{unitId ? t("positions.ofUnit") : t("positions.all")}</h2>
      <form
        className="row filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter("q", draft.trim());
        }}
      >
        <label>
          {t("positions.search")}
          <input type="search" name="q" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <label>
          {t("positions.status")}
          <select name="status" value={status} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="">{t("positions.anyStatus")}</option>
            <option value="open">{t("status.open")}</option>
            <option value="closed">{t("status.closed")}</option>
          </select>
        </label>
        <button type="submit">{t("positions.searchButton")}</button>
      </form>
      <ListState query={positions} count={items.length} empty={t("positions.empty")}>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("positions.all")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("position.title")}</th>
                <th scope="col">{t("position.code")}</th>
                <th scope="col">{t("position.unit")}</th>
                <th scope="col">{t("position.status")}</th>
                <th scope="col">{t("position.version")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/org/positions/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{p.code ?? "—"}</td>
                  <td>{(p.org_unit.path ?? [p.org_unit.name]).join(" › ")}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td>{p.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListState>
      <LoadMore query={positions} label={t("positions.more")} />
    </section>
  );
}

export function OrgPage() {
  const { t } = useTranslation("org");
  const { hasRole } = useAuth();
  const canEdit = hasRole("hr_admin");
  const [params, setParams] = useSearchParams();
  const selected = params.get("unit");
  const select = (id: string | null) => {
    const p = new URLSearchParams(params);
    if (id) p.set("unit", id);
    else p.delete("unit");
    setParams(p, { replace: true });
  };
  return (
    <Page
      title={t("title")}
      actions={
        canEdit ? (
          <Link className="button-link primary" to={selected ? `/org/positions/new?unit=${selected}` : "/org/positions/new"}>
            {t("positions.new")}
          </Link>
        ) : null
      }
    >
      {!canEdit ? <p className="hint">{t("readOnly")}</p> : null}
      <div className="org-layout">
        <div>
          <OrgTreePanel selected={selected} onSelect={select} />
          {canEdit && selected ? <SelectedUnit key={selected} unitId={selected} onDeleted={() => select(null)} /> : null}
          {canEdit ? <CreateUnit parentId={selected} onCreated={select} /> : null}
        </div>
        <PositionsPanel unitId={selected} />
      </div>
    </Page>
  );
}
