// A candidate HR meets outside any system (a referral, a walk-in, a CV by email): entered
// here and applied to this opening, screened at once; the application page shows the
// outcome. An email recruiting already knows is that person: they are applied as they
// are stored (their details are changed on their own page, not here).
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, data, idempotencyKey } from "../../api/client";
import { ProblemError } from "../../api/problem";
import type { components } from "../../api/schema/recruiting";
import { FieldError, ProblemAlert } from "../../components/states";
import { LocaleSelect } from "../../components/LocaleSelect";
import { splitList } from "../org/util";

type Create = components["schemas"]["CandidateCreate"];
const EDUCATION = ["none", "secondary", "associate", "bachelor", "master", "phd"] as const;

const EMPTY = {
  name: "",
  email: "",
  phone: "",
  years: "",
  skills: "",
  education: "none",
  locale: "zh-CN",
  timezone: "Asia/Shanghai",
  consent: false,
  source: "referral",
};
const SOURCES = ["referral", "direct", "job_fair"];

/** The candidate already stored under this email, when the create said it exists. */
async function existingByEmail(error: unknown, email: string): Promise<string | null> {
  if (!(error instanceof ProblemError) || error.status !== 409 || !String(error.problem.type ?? "").endsWith("duplicate-email")) {
    return null;
  }
  const page = await data(api().recruiting.GET("/api/v1/candidates", { params: { query: { email } } }));
  return page.items[0]?.id ?? null;
}

export function AddCandidate({ positionId }: { positionId: string }) {
  const { t } = useTranslation("pipeline");
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY);
  // One key per form: a double click or a retry applies the person once.
  const [key, setKey] = useState(idempotencyKey);
  const change = (c: Partial<typeof EMPTY>) => setForm((now) => ({ ...now, ...c }));
  const add = useMutation({
    mutationFn: async () => {
      const body: Create = {
        name: form.name.trim(),
        email: form.email.trim(),
        phone: form.phone.trim() || null,
        years_experience: form.years.trim() === "" ? null : Number(form.years),
        skills: splitList(form.skills),
        education: form.education as Create["education"],
        locale: form.locale,
        timezone: form.timezone.trim(),
        talent_pool_consent: form.consent,
      };
      let candidateId: string;
      try {
        const created = await data(
          api().recruiting.POST("/api/v1/candidates", { body, headers: { "Idempotency-Key": `${key}-candidate` } }),
        );
        candidateId = created.id;
      } catch (error) {
        const existing = await existingByEmail(error, body.email);
        if (!existing) throw error;
        candidateId = existing;
      }
      return data(
        api().recruiting.POST("/api/v1/applications", {
          body: { candidate_id: candidateId, position_id: positionId, source: form.source },
          headers: { "Idempotency-Key": `${key}-application` },
        }),
      );
    },
    onSuccess: (application) => {
      setForm(EMPTY);
      setKey(idempotencyKey());
      navigate(`/pipeline/applications/${application.id}`);
    },
  });
  if (!open) {
    return (
      <p>
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          {t("add.open")}
        </button>
      </p>
    );
  }
  const text = (field: keyof typeof EMPTY, apiField: string, props: Record<string, unknown> = {}) => (
    <label>
      {t(`add.${field}`)}
      <input
        name={`candidate-${field}`}
        value={String(form[field])}
        onChange={(e) => change({ [field]: e.target.value })}
        {...props}
      />
      <FieldError error={add.error} field={`body.${apiField}`} />
    </label>
  );
  return (
    <form
      className="form panel"
      aria-labelledby="add-title"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <h2 id="add-title">{t("add.title")}</h2>
      <p className="hint">{t("add.hint")}</p>
      {text("name", "name", { required: true, maxLength: 200 })}
      {text("email", "email", { required: true, type: "email" })}
      {text("phone", "phone", { type: "tel" })}
      {text("years", "years_experience", { type: "number", min: 0, max: 60, step: 0.5 })}
      {text("skills", "skills", { "aria-describedby": "candidate-skills-hint" })}
      <span className="hint" id="candidate-skills-hint">
        {t("add.skillsHint")}
      </span>
      <label>
        {t("add.education")}
        <select name="candidate-education" value={form.education} onChange={(e) => change({ education: e.target.value })}>
          {EDUCATION.map((level) => (
            <option key={level} value={level}>
              {t(`add.levels.${level}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <LocaleSelect label={t("add.locale")} name="candidate-locale" value={form.locale} onChange={(locale) => change({ locale })} />
        {text("timezone", "timezone")}
      </div>
      <label>
        {t("add.source")}
        <select name="candidate-source" value={form.source} onChange={(e) => change({ source: e.target.value })}>
          {SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`add.sources.${source}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" name="candidate-consent" checked={form.consent} onChange={(e) => change({ consent: e.target.checked })} />
        {t("add.consent")}
      </label>
      <ProblemAlert error={add.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={add.isPending}>
          {t("add.submit")}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t("add.cancel")}
        </button>
      </div>
    </form>
  );
}
