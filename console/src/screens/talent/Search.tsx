// Search the talent pool by words, skill or tag; newest first, paginated.
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import { Page } from "../../components/Page";
import { ListState } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { Tags, contactWish } from "./common";
import { TalentTabs } from "./Tabs";
import "./talent.css";
import { LoadMore } from "../../components/LoadMore";
import { usePaged } from "../../components/hooks";

export function TalentSearch() {
  const { t } = useTranslation("talent");
  const [params, setParams] = useSearchParams();
  const q = params.get("q") || undefined;
  const skill = params.get("skill") || undefined;
  const tag = params.get("tag") || undefined;
  const [form, setForm] = useState({ q: q ?? "", skill: skill ?? "", tag: tag ?? "" });
  const { query, items } = usePaged(["talent", "talents", { q, skill, tag }], (cursor) =>
    data(api().talent.GET("/api/v1/talents", { params: { query: { q, skill, tag, limit: 25, cursor } } })),
  );
  return (
    <Page title={t("title")}>
      <TalentTabs />
      <form
        className="panel tp-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams();
          for (const [k, v] of Object.entries(form)) if (v.trim()) next.set(k, v.trim());
          setParams(next, { replace: true });
        }}
      >
        <label>
          {t("search.q")}
          <input name="q" value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
        </label>
        <label>
          {t("search.skill")}
          <input name="skill" value={form.skill} onChange={(e) => setForm({ ...form, skill: e.target.value })} />
        </label>
        <label>
          {t("search.tag")}
          <input name="tag" value={form.tag} onChange={(e) => setForm({ ...form, tag: e.target.value })} />
        </label>
        <button type="submit" className="primary">
          {t("search.submit")}
        </button>
      </form>
      <ListState query={query} count={items.length} empty={t("search.empty")}>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("tabs.search")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("col.name")}</th>
                <th scope="col">{t("col.years")}</th>
                <th scope="col">{t("col.skills")}</th>
                <th scope="col">{t("col.strengths")}</th>
                <th scope="col">{t("col.gaps")}</th>
                <th scope="col">{t("col.contact")}</th>
                <th scope="col">{t("col.nextContact")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-testid="talent-row">
                  <td>
                    <Link to={`/talent/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                  </td>
                  <td>{p.years_experience ?? "—"}</td>
                  <td>
                    <Tags values={p.skills} label={t("col.skills")} />
                  </td>
                  <td>
                    <Tags values={p.strengths} label={t("col.strengths")} />
                  </td>
                  <td>
                    <Tags values={p.gaps} label={t("col.gaps")} />
                  </td>
                  <td>{t(contactWish(p))}</td>
                  <td>{formatDateTime(p.next_contact_at)}</td>
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
