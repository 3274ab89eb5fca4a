// Pooled candidates due for re-contact, earliest first; mark one contacted.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import { Page } from "../../components/Page";
import { ListState, ProblemAlert } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { TalentTabs } from "./Tabs";
import "./talent.css";
import { LoadMore } from "../../components/LoadMore";
import { usePaged } from "../../components/hooks";

export function TalentReminders() {
  const { t } = useTranslation("talent");
  const client = useQueryClient();
  const { query, items } = usePaged(["talent", "reminders"], (cursor) =>
    data(api().talent.GET("/api/v1/reminders", { params: { query: { limit: 25, cursor } } })),
  );
  const contacted = useMutation({
    mutationFn: (id: string) =>
      data(api().talent.POST("/api/v1/talents/{talent_id}/contacted", { params: { path: { talent_id: id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["talent"] }),
  });
  return (
    <Page title={t("title")}>
      <TalentTabs />
      <h2>{t("reminders.title")}</h2>
      <ProblemAlert error={contacted.error} />
      <ListState query={query} count={items.length} empty={t("reminders.empty")}>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("reminders.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("col.name")}</th>
                <th scope="col">{t("reminders.due")}</th>
                <th scope="col">{t("detail.lastContacted")}</th>
                <th scope="col">{t("reminders.reach")}</th>
                <th scope="col">{t("reminders.action")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.talent_id}>
                  <td>
                    <Link to={`/talent/${encodeURIComponent(r.talent_id)}`}>{r.name}</Link>
                  </td>
                  <td>{formatDateTime(r.next_contact_at)}</td>
                  <td>{formatDateTime(r.last_contacted_at)}</td>
                  <td>
                    {[r.email, r.phone].filter(Boolean).join(" · ") || "—"}
                    {!r.open_to_contact ? <div className="hint">{t("notOpen")}</div> : null}
                  </td>
                  <td>
                    <button type="button" onClick={() => contacted.mutate(r.talent_id)} disabled={contacted.isPending}>
                      {t("detail.markContacted")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListState>
      <LoadMore query={query} />
    </Page>
  );
}
