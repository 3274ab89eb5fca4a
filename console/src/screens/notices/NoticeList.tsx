// Notices: filter by status, newest first, paginated; each links to its detail.
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import type { components } from "../../api/schema/notify";
import { Page } from "../../components/Page";
import { ListState } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { Countdown } from "./Countdown";
import { StatusBadge } from "./StatusBadge";
import { NOTICE_KINDS } from "./kinds";
import "./notices.css";
import { LoadMore } from "../../components/LoadMore";
import { usePaged, useUrlFilters } from "../../components/hooks";

type Status = NonNullable<components["schemas"]["NotificationRead"]["status"]>;
export const STATUSES: Status[] = [
  "pending_review",
  "scheduled",
  "sending",
  "sent",
  "failed",
  "unknown",
  "cancelled",
];

/** The kinds a list can be narrowed to; "alert.*" is every staff alert. */
const KINDS = [...NOTICE_KINDS, "alert.*"];

export function NoticeList() {
  const { t } = useTranslation("notices");
  const { params, setFilter } = useUrlFilters();
  const status = (params.get("status") || undefined) as Status | undefined;
  const candidate = params.get("candidate_id") || undefined;
  const kind = params.get("kind") || undefined;
  const { query, items } = usePaged(["notify", "notifications", { status, candidate, kind }], (cursor) =>
    data(
      api().notify.GET("/api/v1/notifications", {
        params: { query: { status, candidate_id: candidate, kind, limit: 25, cursor } },
      }),
    ),
  );

  return (
    <Page title={t("title")} actions={<Link to="/notices/templates">{t("templates")}</Link>}>
      <form className="panel nt-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("filter.status")}
          <select name="status" value={status ?? ""} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="">{t("filter.any")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filter.kind")}
          <select name="kind" value={kind ?? ""} onChange={(e) => setFilter("kind", e.target.value)}>
            <option value="">{t("filter.any")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k === "alert.*" ? t("filter.alerts") : t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filter.candidate")}
          <input
            defaultValue={candidate ?? ""}
            onBlur={(e) => setFilter("candidate_id", e.target.value.trim())}
            onKeyDown={(e) => {
              if (e.key === "Enter") setFilter("candidate_id", e.currentTarget.value.trim());
            }}
          />
        </label>
      </form>
      <ListState query={query} count={items.length} empty={t("empty")}>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("title")}>
          <table>
            <caption className="hint">{t("caption", { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("col.status")}</th>
                <th scope="col">{t("col.kind")}</th>
                <th scope="col">{t("col.recipient")}</th>
                <th scope="col">{t("col.subject")}</th>
                <th scope="col">{t("col.when")}</th>
                <th scope="col">{t("col.flags")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((n) => (
                <tr key={n.id} data-testid="notice-row" data-notice-id={n.id}>
                  <td>
                    <StatusBadge status={n.status} />
                  </td>
                  <td>
                    {t(`kind.${n.kind}`, { defaultValue: n.kind })} · {n.channel}
                  </td>
                  <td>{n.recipient ?? "—"}</td>
                  <td>
                    <Link to={`/notices/${n.id}`}>{n.subject || n.template_name || t("untitled")}</Link>
                  </td>
                  <td>
                    {n.status === "scheduled" && n.send_at ? (
                      <Countdown to={n.send_at} />
                    ) : (
                      formatDateTime(n.sent_at ?? n.send_at ?? n.created_at)
                    )}
                  </td>
                  <td>{n.flags.length ? t("flagCount", { count: n.flags.length }) : "—"}</td>
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
