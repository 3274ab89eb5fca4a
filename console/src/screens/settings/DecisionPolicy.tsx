// The decision policy (recruiting /api/v1/decision-policy) and a position's override.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, data } from "../../api/client";
import type { components } from "../../api/schema/recruiting";
import { ConflictNotice, ProblemAlert, QueryState } from "../../components/states";
import { FieldMsg, invalidProps, isConflict } from "../org/util";

type Policy = components["schemas"]["DecisionPolicyRead"];
type Mode = Policy["mode"];
const MODES: Mode[] = ["unanimous_no_hire", "majority_no_hire", "composite_below", "off"];

function PolicyForm({
  initial,
  etag,
  positionId,
  onReload,
}: {
  initial: Policy;
  etag: string | null;
  positionId?: string;
  onReload: () => void;
}) {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const [mode, setMode] = useState<Mode>(initial.mode);
  const [threshold, setThreshold] = useState(initial.threshold === null ? "" : String(initial.threshold));
  const [review, setReview] = useState(String(initial.review_minutes));
  const prefix = positionId ? "ovr" : "def";
  const body = () => ({
    mode,
    threshold: mode === "composite_below" && threshold !== "" ? Number(threshold) : null,
    review_minutes: Number(review),
  });
  const headers = etag && initial.version > 0 && (!positionId || initial.scope === "position") ? { "If-Match": etag } : undefined;
  const save = useMutation({
    mutationFn: () =>
      positionId
        ? data(
            api().recruiting.PUT("/api/v1/decision-policy/positions/{position_id}", {
              params: { path: { position_id: positionId } },
              body: body(),
              headers,
            }),
          )
        : data(api().recruiting.PUT("/api/v1/decision-policy", { body: body(), headers })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["settings", "policy"] }),
  });
  const drop = useMutation({
    mutationFn: () =>
      data(api().recruiting.DELETE("/api/v1/decision-policy/positions/{position_id}", { params: { path: { position_id: positionId! } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["settings", "policy"] }),
  });
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <p className="hint">
        {positionId
          ? t(initial.scope === "position" ? "policy.hasOverride" : "policy.usesDefault")
          : initial.version === 0
            ? t("policy.builtIn")
            : t("policy.version", { version: initial.version, by: initial.updated_by ?? "—" })}
      </p>
      <label>
        {t("policy.mode")}
        <select name={`${prefix}-mode`} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(`policy.modes.${m}`)}
            </option>
          ))}
        </select>
        <FieldMsg error={save.error} path="mode" id={`${prefix}-err-mode`} />
      </label>
      {mode === "composite_below" ? (
        <label>
          {t("policy.threshold")}
          <input name={`${prefix}-threshold`} type="number" step="0.1" value={threshold} onChange={(e) => setThreshold(e.target.value)} {...invalidProps(save.error, "threshold", `${prefix}-err-threshold`)} />
          <FieldMsg error={save.error} path="threshold" id={`${prefix}-err-threshold`} />
        </label>
      ) : null}
      <label>
        {t("policy.review_minutes")}
        <input name={`${prefix}-review`} type="number" value={review} onChange={(e) => setReview(e.target.value)} {...invalidProps(save.error, "review_minutes", `${prefix}-err-review`)} />
        <FieldMsg error={save.error} path="review_minutes" id={`${prefix}-err-review`} />
      </label>
      <ConflictNotice
        error={save.error}
        onReload={() => {
          save.reset();
          onReload();
        }}
      />
      {save.isError && !isConflict(save.error) && !(save.error as { problem?: { errors?: unknown[] } }).problem?.errors?.length ? <ProblemAlert error={save.error} /> : null}
      {drop.isError ? <ProblemAlert error={drop.error} /> : null}
      {save.isSuccess ? (
        <p className="alert alert-ok" role="status">
          {t("saved")}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {positionId ? t("policy.saveOverride") : t("policy.save")}
        </button>
        {positionId && initial.scope === "position" ? (
          <button type="button" onClick={() => drop.mutate()} disabled={drop.isPending}>
            {t("policy.dropOverride")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function usePolicy(positionId?: string) {
  return useQuery({
    queryKey: ["settings", "policy", positionId ?? "default"],
    queryFn: async () => {
      const { data: body, response } = positionId
        ? await api().recruiting.GET("/api/v1/decision-policy/positions/{position_id}", { params: { path: { position_id: positionId } } })
        : await api().recruiting.GET("/api/v1/decision-policy");
      return { policy: body!, etag: response.headers.get("ETag") };
    },
  });
}

function Override() {
  const { t } = useTranslation("settings");
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const [positionId, setPositionId] = useState("");
  const positions = useQuery({
    queryKey: ["org", "positions", "policy-picker", search],
    queryFn: () => data(api().org.GET("/api/v1/positions", { params: { query: { limit: 50, q: search || undefined, status: "open" } } })),
  });
  const policy = usePolicy(positionId || undefined);
  return (
    <section className="panel" aria-labelledby="override-h">
      <h2 id="override-h">{t("policy.overrideTitle")}</h2>
      <form
        className="row filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <label>
          {t("policy.findPosition")}
          <input type="search" name="policy-q" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit">{t("search")}</button>
        <label>
          {t("policy.position")}
          <select name="policy-position" value={positionId} onChange={(e) => setPositionId(e.target.value)}>
            <option value="">{t("policy.pickPosition")}</option>
            {(positions.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({p.org_unit.name})
              </option>
            ))}
          </select>
        </label>
      </form>
      {positionId ? (
        <QueryState query={policy}>
          {(d) => <PolicyForm key={`${positionId}-${d.policy.scope}-${d.policy.version}`} initial={d.policy} etag={d.etag} positionId={positionId} onReload={() => void policy.refetch()} />}
        </QueryState>
      ) : null}
    </section>
  );
}

export function DecisionPolicy() {
  const { t } = useTranslation("settings");
  const policy = usePolicy();
  return (
    <>
      <section className="panel" aria-labelledby="policy-h">
        <h2 id="policy-h">{t("policy.title")}</h2>
        <p className="hint">{t("policy.hint")}</p>
        <QueryState query={policy}>
          {(d) => <PolicyForm key={d.policy.version} initial={d.policy} etag={d.etag} onReload={() => void policy.refetch()} />}
        </QueryState>
      </section>
      <Override />
    </>
  );
}
