// Webhook subscriptions (notify /api/v1/webhook-subscriptions): list, create (the secret is
// shown once), disable/enable, rotate the secret, delete, and the delivery log.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, data, idempotencyKey } from "../../api/client";
import type { components } from "../../api/schema/notify";
import { ConflictNotice, ListState, ProblemAlert } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { FieldMsg, invalidProps, isConflict, splitList } from "../org/util";
import { LoadMore } from "../../components/LoadMore";
import { usePaged } from "../../components/hooks";

type Sub = components["schemas"]["SubscriptionRead"];

function Secret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation("settings");
  return (
    <div className="alert alert-warning" role="alert" data-testid="webhook-secret">
      <strong>{t("webhooks.secretTitle")}</strong>
      <p>{t("webhooks.secretOnce")}</p>
      <code className="secret">{secret}</code>
      <p>
        <button type="button" onClick={onDone}>
          {t("webhooks.secretStored")}
        </button>
      </p>
    </div>
  );
}

function Deliveries({ sub }: { sub: Sub }) {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const { query: log, items } = usePaged(["settings", "webhooks", sub.id, "deliveries"], (cursor) =>
    data(
      api().notify.GET("/api/v1/webhook-subscriptions/{subscription_id}/deliveries", {
        params: { path: { subscription_id: sub.id }, query: { limit: 20, cursor } },
      }),
    ),
  );
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) =>
      data(
        api().notify.POST("/api/v1/webhook-subscriptions/{subscription_id}/deliveries/{delivery_id}/redeliver", {
          params: { path: { subscription_id: sub.id, delivery_id: deliveryId } },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["settings", "webhooks", sub.id, "deliveries"] }),
  });
  return (
    <section aria-label={t("webhooks.log", { url: sub.url })}>
      <h3>{t("webhooks.logTitle")}</h3>
      {redeliver.isError ? <ProblemAlert error={redeliver.error} /> : null}
      <ListState query={log} count={items.length} empty={t("webhooks.noDeliveries")}>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("webhooks.event")}</th>
                <th scope="col">{t("webhooks.status")}</th>
                <th scope="col">{t("webhooks.attempts")}</th>
                <th scope="col">{t("webhooks.last")}</th>
                <th scope="col">{t("webhooks.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>{d.event_type}</td>
                  <td>
                    <span className={`badge ${d.status === "delivered" ? "badge-ok" : d.status === "failed" ? "badge-danger" : ""}`}>{t(`webhooks.deliveryStatus.${d.status}`, d.status)}</span>
                    {d.last_error ? <div className="hint">{d.last_error}</div> : null}
                  </td>
                  <td>{d.attempts}</td>
                  <td>
                    {formatDateTime(d.last_attempt_at)} {d.last_status_code ? `(${d.last_status_code})` : ""}
                  </td>
                  <td>
                    <button type="button" onClick={() => redeliver.mutate(d.id)} disabled={redeliver.isPending}>
                      {t("webhooks.redeliver")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListState>
      <LoadMore query={log} label={t("more")} />
    </section>
  );
}

function Row({ sub, onSecret }: { sub: Sub; onSecret: (s: string) => void }) {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: ["settings", "webhooks"] });
  const ifMatch = { "If-Match": `"${sub.version}"` };
  const path = { params: { path: { subscription_id: sub.id } } };
  const toggle = useMutation({
    mutationFn: () => data(api().notify.PATCH("/api/v1/webhook-subscriptions/{subscription_id}", { ...path, body: { active: !sub.active }, headers: ifMatch })),
    onSuccess: refresh,
  });
  const rotate = useMutation({
    mutationFn: () => data(api().notify.POST("/api/v1/webhook-subscriptions/{subscription_id}/rotate-secret", { ...path, headers: ifMatch })),
    onSuccess: (s) => {
      onSecret(s.secret);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => data(api().notify.DELETE("/api/v1/webhook-subscriptions/{subscription_id}", path)),
    onSuccess: refresh,
  });
  const error = toggle.error ?? rotate.error ?? remove.error;
  return (
    <li className="panel">
      <div className="panel-head">
        <strong>{sub.url}</strong>
        <span className={`badge ${sub.active ? "badge-ok" : "badge-warning"}`}>{sub.active ? t("webhooks.active") : t("webhooks.disabled")}</span>
      </div>
      {sub.description ? <p>{sub.description}</p> : null}
      <p className="hint">
        {t("webhooks.events")}: {sub.event_types?.length ? sub.event_types.join(", ") : t("webhooks.allEvents")}
        {sub.disabled_reason ? ` · ${t("webhooks.why")}: ${sub.disabled_reason}` : ""}
        {sub.secret_rotated_at ? ` · ${t("webhooks.rotatedAt", { at: formatDateTime(sub.secret_rotated_at) })}` : ""}
      </p>
      <ConflictNotice error={error} onReload={() => { toggle.reset(); rotate.reset(); refresh(); }} />
      {error && !isConflict(error) ? <ProblemAlert error={error} /> : null}
      <div className="row">
        <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
          {sub.active ? t("webhooks.disable") : t("webhooks.enable")}
        </button>
        <button type="button" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
          {t("webhooks.rotate")}
        </button>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t("webhooks.showLog")}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(t("webhooks.confirmDelete", { url: sub.url }))) remove.mutate();
          }}
        >
          {t("webhooks.delete")}
        </button>
      </div>
      {open ? <Deliveries sub={sub} /> : null}
    </li>
  );
}

export function Webhooks() {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const { query: list, items } = usePaged(["settings", "webhooks"], (cursor) =>
    data(api().notify.GET("/api/v1/webhook-subscriptions", { params: { query: { limit: 20, cursor } } })),
  );
  const create = useMutation({
    mutationFn: () =>
      data(
        api().notify.POST("/api/v1/webhook-subscriptions", {
          body: { url: url.trim(), description, active: true, event_types: splitList(events).length ? splitList(events) : null },
          headers: { "Idempotency-Key": idempotencyKey() },
        }),
      ),
    onSuccess: (s) => {
      setSecret(s.secret);
      setUrl("");
      setDescription("");
      setEvents("");
      void qc.invalidateQueries({ queryKey: ["settings", "webhooks"] });
    },
  });
  return (
    <>
      {secret ? <Secret secret={secret} onDone={() => setSecret(null)} /> : null}
      <form
        className="form panel"
        aria-labelledby="webhook-new-h"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h2 id="webhook-new-h">{t("webhooks.new")}</h2>
        <label>
          {t("webhooks.url")}
          <input name="webhook-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} {...invalidProps(create.error, "url", "err-webhook-url")} />
          <FieldMsg error={create.error} path="url" id="err-webhook-url" />
        </label>
        <label>
          {t("webhooks.description")}
          <input name="webhook-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label>
          {t("webhooks.eventTypes")}
          <input name="webhook-events" value={events} onChange={(e) => setEvents(e.target.value)} aria-describedby="webhook-events-hint" />
          <span className="hint" id="webhook-events-hint">{t("webhooks.eventTypesHint")}</span>
          <FieldMsg error={create.error} path="event_types" id="err-webhook-events" />
        </label>
        {create.isError && !(create.error as { problem?: { errors?: unknown[] } }).problem?.errors?.length ? <ProblemAlert error={create.error} /> : null}
        <div>
          <button type="submit" className="primary" disabled={create.isPending}>
            {t("webhooks.create")}
          </button>
        </div>
      </form>
      <section aria-labelledby="webhook-list-h">
        <h2 id="webhook-list-h">{t("webhooks.list")}</h2>
        <ListState query={list} count={items.length} empty={t("webhooks.empty")}>
          <ul className="stack plain-list">
            {items.map((s) => (
              <Row key={s.id} sub={s} onSecret={setSecret} />
            ))}
          </ul>
        </ListState>
        <LoadMore query={list} label={t("more")} />
      </section>
    </>
  );
}
