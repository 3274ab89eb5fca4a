// The suggestion library (recruiting /api/v1/suggestions): the sentence a rejection
// notice suggests for each reason code or scorecard dimension, per language; `{subject}`
// is filled in with the skill, industry or language it is about. HR rewords one or adds
// one for a code; recruiters read them.
import { useState } from "react";
import { Link } from "react-router-dom";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, data } from "../../api/client";
import type { components } from "../../api/schema/recruiting";
import { useAuth } from "../../auth/AuthProvider";
import { Page } from "../../components/Page";
import { Empty, FieldError, Loading, ProblemAlert } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { LocaleSelect } from "../../components/LocaleSelect";
import "./notices.css";

type Suggestion = components["schemas"]["SuggestionRead"];
const KEY = ["recruiting", "suggestions"];

function useSave(onDone: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, locale, text }: { code: string; locale: string; text: string }) =>
      data(
        api().recruiting.PUT("/api/v1/suggestions/{code}", {
          params: { path: { code }, query: { locale } },
          body: { text },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: KEY });
      onDone();
    },
  });
}

function Row({ suggestion, canEdit }: { suggestion: Suggestion; canEdit: boolean }) {
  const { t } = useTranslation("templates");
  const [text, setText] = useState<string | null>(null);
  const save = useSave(() => setText(null));
  return (
    <tr data-testid="suggestion-row">
      <td>
        <code>{suggestion.code}</code>
      </td>
      <td>{suggestion.locale}</td>
      <td>
        {text === null ? (
          suggestion.text
        ) : (
          <form
            aria-label={t("suggestions.editOf", { code: suggestion.code, locale: suggestion.locale })}
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ code: suggestion.code, locale: suggestion.locale, text });
            }}
          >
            <textarea name="suggestion-text" rows={3} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
            <FieldError error={save.error} field="body.text" />
            <ProblemAlert error={save.error} />
            <div className="row">
              <button type="submit" className="primary" disabled={save.isPending}>
                {t("suggestions.save")}
              </button>
              <button type="button" onClick={() => setText(null)}>
                {t("suggestions.cancel")}
              </button>
            </div>
          </form>
        )}
      </td>
      <td>
        {formatDateTime(suggestion.updated_at)} · {suggestion.updated_by}
      </td>
      <td>
        {canEdit && text === null ? (
          <button type="button" onClick={() => setText(suggestion.text)}>
            {t("suggestions.edit")}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

function AddSuggestion() {
  const { t } = useTranslation("templates");
  const [form, setForm] = useState({ code: "", locale: "zh-CN", text: "" });
  const save = useSave(() => setForm((now) => ({ ...now, code: "", text: "" })));
  return (
    <form
      className="form panel"
      aria-labelledby="suggestion-add-h"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ code: form.code.trim(), locale: form.locale, text: form.text });
      }}
    >
      <h2 id="suggestion-add-h">{t("suggestions.add")}</h2>
      <div className="row">
        <label>
          {t("suggestions.code")}
          <input name="suggestion-code" value={form.code} required maxLength={100} onChange={(e) => setForm({ ...form, code: e.target.value })} />
        </label>
        <LocaleSelect label={t("field.locale")} name="suggestion-locale" value={form.locale} onChange={(locale) => setForm({ ...form, locale })} />
      </div>
      <label>
        {t("suggestions.text")}
        <textarea name="suggestion-new-text" rows={3} required maxLength={1000} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />
        <FieldError error={save.error} field="body.text" />
      </label>
      <ProblemAlert error={save.error} />
      <div>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("suggestions.save")}
        </button>
      </div>
    </form>
  );
}

export function SuggestionLibrary() {
  const { t } = useTranslation("templates");
  const { hasRole } = useAuth();
  const [locale, setLocale] = useState("");
  const list = useQuery({
    queryKey: [...KEY, locale],
    queryFn: () => data(api().recruiting.GET("/api/v1/suggestions", { params: { query: { locale: locale || undefined } } })),
  });
  return (
    <Page title={t("suggestions.title")} actions={<Link to="/notices/templates">{t("detail.back")}</Link>}>
      <p className="hint">{t("suggestions.intro")}</p>
      {hasRole("hr_admin") ? <AddSuggestion /> : null}
      <form className="panel nt-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <LocaleSelect label={t("field.locale")} value={locale} onChange={setLocale} any={t("any")} />
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty>{t("suggestions.empty")}</Empty>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("suggestions.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("suggestions.code")}</th>
                <th scope="col">{t("field.locale")}</th>
                <th scope="col">{t("suggestions.text")}</th>
                <th scope="col">{t("field.updated")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("suggestions.edit")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((s) => (
                <Row key={`${s.code}/${s.locale}`} suggestion={s} canEdit={hasRole("hr_admin")} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
