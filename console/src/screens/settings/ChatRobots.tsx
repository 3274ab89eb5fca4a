// Team-chat robots (notify /api/v1/chat-robots): the WeCom, DingTalk or Feishu group a
// position's alerts go to, or those of the positions in an org unit, or every alert by
// default. Register one (its webhook URL and signing secret are never shown again: the
// list says which host and whether a secret is set), switch it off and on, remove it.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, data, idempotencyKey } from "../../api/client";
import type { components } from "../../api/schema/notify";
import { byLabel, positionLabel, positionSearch, unitLabel, unitSearch } from "../../api/directory";
import { FieldError, ListState, ProblemAlert } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { LoadMore } from "../../components/LoadMore";
import { LocaleSelect } from "../../components/LocaleSelect";
import { useDebounced, usePaged } from "../../components/hooks";

type Robot = components["schemas"]["ChatRobotRead"];
type RobotInput = components["schemas"]["ChatRobotInput"];
type Scope = RobotInput["scope"];
const SCOPES: Scope[] = ["org_unit", "position", "default"];
const PROVIDERS: RobotInput["provider"][] = ["wecom", "dingtalk", "feishu"];
const KEY = ["settings", "chat-robots"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a robot is for, in words: the org unit's path or the position's title. */
function Target({ robot }: { robot: Robot }) {
  const { t } = useTranslation("settings");
  const id = robot.scope_id ?? "";
  const unit = useQuery({
    queryKey: ["org-units", id],
    queryFn: () => data(api().org.GET("/api/v1/org-units/{unit_id}", { params: { path: { unit_id: id } } })),
    enabled: robot.scope === "org_unit",
    retry: false,
  });
  const position = useQuery({
    queryKey: ["positions", id],
    queryFn: () => data(api().org.GET("/api/v1/positions/{position_id}", { params: { path: { position_id: id } } })),
    enabled: robot.scope === "position",
    retry: false,
  });
  if (robot.scope === "default") return <>{t("robots.scope.default")}</>;
  const named = robot.scope === "org_unit" ? unit.data && unitLabel(unit.data) : position.data && positionLabel(position.data);
  return (
    <>
      {t(`robots.scope.${robot.scope}`)}: {named ?? id}
    </>
  );
}

function Row({ robot }: { robot: Robot }) {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: KEY });
  const path = { params: { path: { robot_id: robot.id } } };
  const toggle = useMutation({
    // PUT replaces the robot; the webhook URL and secret left out are kept.
    mutationFn: () =>
      data(
        api().notify.PUT("/api/v1/chat-robots/{robot_id}", {
          ...path,
          body: {
            name: robot.name,
            scope: robot.scope,
            scope_id: robot.scope_id,
            provider: robot.provider as RobotInput["provider"],
            locale: robot.locale,
            timezone: robot.timezone,
            enabled: !robot.enabled,
          },
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => data(api().notify.DELETE("/api/v1/chat-robots/{robot_id}", path)),
    onSuccess: refresh,
  });
  return (
    <li className="panel" data-testid="robot-row">
      <div className="panel-head">
        <strong>{robot.name}</strong>
        <span className={`badge ${robot.enabled ? "badge-ok" : "badge-warning"}`}>
          {robot.enabled ? t("robots.enabled") : t("robots.disabled")}
        </span>
      </div>
      <p>
        <Target robot={robot} />
      </p>
      <p className="hint">
        {t(`robots.provider.${robot.provider}`, robot.provider)} · {robot.webhook_host} ·{" "}
        {robot.has_secret ? t("robots.signed") : t("robots.unsigned")} · {robot.locale} · {robot.timezone} ·{" "}
        {t("robots.changed", { at: formatDateTime(robot.updated_at), by: robot.updated_by })}
      </p>
      <ProblemAlert error={toggle.error ?? remove.error} />
      <div className="row">
        <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
          {robot.enabled ? t("robots.disable") : t("robots.enable")}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(t("robots.confirmDelete", { name: robot.name }))) remove.mutate();
          }}
        >
          {t("robots.delete")}
        </button>
      </div>
    </li>
  );
}

const EMPTY = { name: "", scope: "org_unit" as Scope, target: "", provider: "wecom" as RobotInput["provider"], url: "", secret: "", locale: "zh-CN", timezone: "Asia/Shanghai" };

export function ChatRobots() {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const change = (c: Partial<typeof EMPTY>) => setForm((now) => ({ ...now, ...c }));
  // The target is typed or picked by name (an org unit by its path, a position by title).
  const settled = useDebounced(form.target, 250);
  const units = useQuery({ ...unitSearch(settled), enabled: form.scope === "org_unit" });
  const positions = useQuery({ ...positionSearch(settled), enabled: form.scope === "position" });
  const searching = settled !== form.target || units.isFetching || positions.isFetching;
  const targetId =
    form.scope === "org_unit"
      ? byLabel(units.data?.items ?? [], (u) => [unitLabel(u), u.name])(form.target)
      : byLabel(positions.data?.items ?? [], (p) => [positionLabel(p), p.title])(form.target);
  // A text that names several, or none (and is not an id pasted from elsewhere), is refused
  // here: notify cannot tell a mistyped name from an id.
  const typed = form.target.trim();
  const ambiguous =
    form.scope !== "default" && !searching && typed !== "" && (targetId === null || (targetId === typed && !UUID.test(typed)));
  const { query: list, items } = usePaged(KEY, (cursor) =>
    data(api().notify.GET("/api/v1/chat-robots", { params: { query: { limit: 20, cursor } } })),
  );
  const create = useMutation({
    mutationFn: () =>
      data(
        api().notify.POST("/api/v1/chat-robots", {
          body: {
            name: form.name.trim(),
            scope: form.scope,
            scope_id: form.scope === "default" ? null : (targetId ?? form.target.trim()) || null,
            provider: form.provider,
            webhook_url: form.url.trim() || null,
            secret: form.secret || null,
            locale: form.locale,
            timezone: form.timezone.trim(),
            enabled: true,
          },
          headers: { "Idempotency-Key": idempotencyKey() },
        }),
      ),
    onSuccess: () => {
      setForm(EMPTY);
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  const options =
    form.scope === "org_unit"
      ? (units.data?.items ?? []).map((u) => ({ id: u.id, label: unitLabel(u) }))
      : form.scope === "position"
        ? (positions.data?.items ?? []).map((p) => ({ id: p.id, label: positionLabel(p) }))
        : [];
  return (
    <>
      <form
        className="form panel"
        aria-labelledby="robot-new-h"
        onSubmit={(e) => {
          e.preventDefault();
          if (!searching && !ambiguous) create.mutate();
        }}
      >
        <h2 id="robot-new-h">{t("robots.new")}</h2>
        <p className="hint">{t("robots.hint")}</p>
        <label>
          {t("robots.name")}
          <input name="robot-name" value={form.name} maxLength={200} required onChange={(e) => change({ name: e.target.value })} />
          <FieldError error={create.error} field="body.name" />
        </label>
        <label>
          {t("robots.for")}
          <select name="robot-scope" value={form.scope} onChange={(e) => change({ scope: e.target.value as Scope, target: "" })}>
            {SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`robots.scope.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {form.scope !== "default" ? (
          <label>
            {t(`robots.scope.${form.scope}`)}
            <input name="robot-target" list="robot-targets" value={form.target} required onChange={(e) => change({ target: e.target.value })} />
            <datalist id="robot-targets">
              {options.map((o) => (
                <option key={o.id} value={o.label} />
              ))}
            </datalist>
            <FieldError error={create.error} field="body.scope_id" />
            {ambiguous ? (
              <span className="field-error" role="alert">
                {t("robots.ambiguous", { text: form.target.trim() })}
              </span>
            ) : null}
          </label>
        ) : null}
        <label>
          {t("robots.providerLabel")}
          <select name="robot-provider" value={form.provider} onChange={(e) => change({ provider: e.target.value as RobotInput["provider"] })}>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {t(`robots.provider.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("robots.url")}
          <input name="robot-url" type="url" value={form.url} required onChange={(e) => change({ url: e.target.value })} />
          <FieldError error={create.error} field="body.webhook_url" />
        </label>
        <label>
          {t("robots.secret")}
          <input name="robot-secret" type="password" autoComplete="off" value={form.secret} onChange={(e) => change({ secret: e.target.value })} />
        </label>
        <div className="row">
          <LocaleSelect label={t("robots.locale")} name="robot-locale" value={form.locale} onChange={(locale) => change({ locale })} />
          <label>
            {t("robots.timezone")}
            <input name="robot-timezone" value={form.timezone} onChange={(e) => change({ timezone: e.target.value })} />
            <FieldError error={create.error} field="body.timezone" />
          </label>
        </div>
        <ProblemAlert error={create.error} />
        <div>
          <button type="submit" className="primary" disabled={create.isPending || searching}>
            {t("robots.create")}
          </button>
        </div>
      </form>
      <section aria-labelledby="robot-list-h">
        <h2 id="robot-list-h">{t("robots.list")}</h2>
        <ListState query={list} count={items.length} empty={t("robots.empty")}>
          <ul className="stack plain-list">
            {items.map((r) => (
              <Row key={r.id} robot={r} />
            ))}
          </ul>
        </ListState>
        <LoadMore query={list} label={t("more")} />
      </section>
    </>
  );
}
