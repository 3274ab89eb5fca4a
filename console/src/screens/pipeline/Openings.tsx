import { Link } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import { Page } from "../../components/Page";
import { ListState } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { usePaged } from "../../components/hooks";
import { LoadMore } from "../../components/LoadMore";

export function Openings() {
  const { t } = useTranslation("pipeline");
  const { query, items } = usePaged(["openings"], (cursor) =>
    data(api().recruiting.GET("/api/v1/openings", { params: { query: { limit: 50, cursor } } })),
  );
  return (
    <Page title={t("openings.title")}>
      <p className="hint">{t("openings.hint")}</p>
      <ListState query={query} count={items.length} empty={t("openings.empty")}>
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("openings.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("openings.position")}</th>
                <th scope="col">{t("openings.unit")}</th>
                <th scope="col">{t("openings.family")}</th>
                <th scope="col">{t("openings.status")}</th>
                <th scope="col">{t("openings.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.position_id}>
                  <td>
                    <Link to={`/pipeline/${o.position_id}`}>{o.title}</Link>
                  </td>
                  <td>{(o.org_unit.path ?? []).join(" / ") || o.org_unit.name}</td>
                  <td>{o.job_family}</td>
                  <td>
                    <span className={`badge ${o.status === "open" ? "badge-ok" : ""}`}>{t(`openings.${o.status}`)}</span>
                  </td>
                  <td>{formatDateTime(o.updated_at)}</td>
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
