// A position's versions (who, when, what changed) and a diff of the requirements,
// responsibilities and evaluation scheme between any two versions. Added, removed and
// changed items carry a word and a sign, not only a colour.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import { ListState } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { LoadMore } from "../../components/LoadMore";
import { usePaged } from "../../components/hooks";

type Snapshot = Record<string, unknown>;
export interface DiffItem {
  kind: "added" | "removed" | "changed";
  label: string; // i18n key of the field
  value: string;
  old?: string;
}

const LIST_REQS = ["required_skills", "preferred_skills", "industries", "languages"] as const;
const SCALAR_REQS = ["education", "min_years_experience"] as const;
const SCALARS = ["title", "code", "status", "headcount", "job_family", "location", "reports_to_position_id"] as const;

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const text = (v: unknown): string => (v === null || v === undefined || v === "" ? "—" : String(v));
const obj = (v: unknown): Snapshot => (v && typeof v === "object" ? (v as Snapshot) : {});

function listDiff(label: string, before: string[], after: string[]): DiffItem[] {
  return [
    ...after.filter((x) => !before.includes(x)).map((value) => ({ kind: "added" as const, label, value })),
    ...before.filter((x) => !after.includes(x)).map((value) => ({ kind: "removed" as const, label, value })),
  ];
}

/** What differs between two position snapshots, item by item. */
export function diffSnapshots(a: Snapshot, b: Snapshot): DiffItem[] {
  const items: DiffItem[] = [];
  for (const field of SCALARS) {
    if (text(a[field]) !== text(b[field])) items.push({ kind: "changed", label: `position.${field === "reports_to_position_id" ? "reportsTo" : field}`, old: text(a[field]), value: text(b[field]) });
  }
  const ra = obj(a.requirements);
  const rb = obj(b.requirements);
  for (const field of LIST_REQS) items.push(...listDiff(`req.${field}`, asList(ra[field]), asList(rb[field])));
  for (const field of SCALAR_REQS) {
    if (text(ra[field]) !== text(rb[field])) items.push({ kind: "changed", label: `req.${field}`, old: text(ra[field]), value: text(rb[field]) });
  }
  items.push(...listDiff("position.responsibilities", asList(a.responsibilities), asList(b.responsibilities)));
  const dims = (s: Snapshot) => new Map(((obj(s.evaluation_scheme).dimensions as Snapshot[] | undefined) ?? []).map((d) => [String(d.key), d]));
  const da = dims(a);
  const db = dims(b);
  for (const [key, d] of db) {
    const before = da.get(key);
    const show = (x: Snapshot) => `${text(x.name)} (${key}) ${Math.round(Number(x.weight) * 100)}%`;
    if (!before) items.push({ kind: "added", label: "position.scheme", value: show(d) });
    else if (show(before) !== show(d)) items.push({ kind: "changed", label: "position.scheme", old: show(before), value: show(d) });
  }
  for (const [key, d] of da) {
    if (!db.has(key)) items.push({ kind: "removed", label: "position.scheme", value: `${text(d.name)} (${key})` });
  }
  return items;
}

export function DiffList({ items }: { items: DiffItem[] }) {
  const { t } = useTranslation("org");
  if (!items.length) return <p className="hint">{t("history.noDiff")}</p>;
  return (
    <ul className="diff-list">
      {items.map((item, i) => (
        <li key={i} className={item.kind === "added" ? "diff-add" : item.kind === "removed" ? "diff-remove-item" : "diff-change"}>
          <span className="diff-tag">
            <span aria-hidden="true">{item.kind === "added" ? "+ " : item.kind === "removed" ? "− " : "~ "}</span>
            {t(`history.${item.kind}`)}
          </span>{" "}
          <span className="diff-field">{t(item.label)}:</span>{" "}
          {item.kind === "changed" ? (
            <>
              <del>{item.old}</del> → <ins>{item.value}</ins>
            </>
          ) : item.kind === "removed" ? (
            <del>{item.value}</del>
          ) : (
            <ins>{item.value}</ins>
          )}
        </li>
      ))}
    </ul>
  );
}

export function History({ positionId, currentVersion }: { positionId: string; currentVersion: number }) {
  const { t } = useTranslation("org");
  const { query: history, items: versions } = usePaged(["org", "history", positionId, currentVersion], (cursor) =>
    data(
      api().org.GET("/api/v1/positions/{position_id}/history", {
        params: { path: { position_id: positionId }, query: { limit: 100, cursor } },
      }),
    ),
  );
  const latest = versions.length ? versions[versions.length - 1].version : 0;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const toV = to ?? latest;
  const fromV = from ?? Math.max(1, toV - 1);
  const snap = (v: number) => versions.find((x) => x.version === v)?.snapshot as Snapshot | undefined;
  const a = snap(fromV);
  const b = snap(toV);
  return (
    <section className="panel" aria-labelledby="history-h">
      <h2 id="history-h">{t("history.title")}</h2>
      <ListState query={history} count={versions.length} empty={t("history.empty")}>
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("history.version")}</th>
                  <th scope="col">{t("history.change")}</th>
                  <th scope="col">{t("history.fields")}</th>
                  <th scope="col">{t("history.by")}</th>
                  <th scope="col">{t("history.at")}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.version}>
                    <td>{t("history.v", { version: v.version })}</td>
                    <td>{t(`change.${v.change}`, v.change)}</td>
                    <td>{v.changed_fields.length ? v.changed_fields.map((f) => t(`field.${f}`, f)).join(", ") : "—"}</td>
                    <td>{v.changed_by}</td>
                    <td>{formatDateTime(v.changed_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore query={history} label={t("positions.more")} />
          {versions.length > 1 ? (
            <section aria-labelledby="diff-h" className="diff">
              <h3 id="diff-h">{t("history.compare")}</h3>
              <div className="row">
                <label>
                  {t("history.from")}
                  <select name="diff-from" value={fromV} onChange={(e) => setFrom(Number(e.target.value))}>
                    {versions.map((v) => (
                      <option key={v.version} value={v.version}>
                        {t("history.v", { version: v.version })}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t("history.to")}
                  <select name="diff-to" value={toV} onChange={(e) => setTo(Number(e.target.value))}>
                    {versions.map((v) => (
                      <option key={v.version} value={v.version}>
                        {t("history.v", { version: v.version })}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <div data-testid="version-diff" aria-live="polite">
                <p>{t("history.between", { from: fromV, to: toV })}</p>
                {a && b ? <DiffList items={diffSnapshots(a, b)} /> : null}
              </div>
            </section>
          ) : null}
        </>
      </ListState>
    </section>
  );
}
