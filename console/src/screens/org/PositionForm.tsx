// Creating and editing a position: title, unit, requirements, responsibilities, reporting
// line and the evaluation scheme; the service's message for a field is shown beside it.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { api, data } from "../../api/client";
import { ProblemAlert } from "../../components/states";
import { ProblemError } from "../../api/problem";
import { EDUCATION, FieldMsg, flatten, invalidProps, otherProblems, type Position } from "./util";
import { useOrgTree } from "./OrgPage";

export interface DimensionDraft {
  key: string;
  name: string;
  weight: string;
}

export interface PositionDraft {
  title: string;
  code: string;
  org_unit_id: string;
  job_family: string;
  headcount: string;
  location: string;
  reports_to_position_id: string;
  required_skills: string;
  preferred_skills: string;
  industries: string;
  languages: string;
  education: string;
  min_years_experience: string;
  responsibilities: string;
  dimensions: DimensionDraft[];
}

export function draftOf(p: Position | null, unitId = ""): PositionDraft {
  return {
    title: p?.title ?? "",
    code: p?.code ?? "",
    org_unit_id: p?.org_unit.id ?? unitId,
    job_family: p?.job_family ?? "general",
    headcount: String(p?.headcount ?? 1),
    location: p?.location ?? "",
    reports_to_position_id: p?.reports_to_position_id ?? "",
    required_skills: (p?.requirements.required_skills ?? []).join(", "),
    preferred_skills: (p?.requirements.preferred_skills ?? []).join(", "),
    industries: (p?.requirements.industries ?? []).join(", "),
    languages: (p?.requirements.languages ?? []).join(", "),
    education: p?.requirements.education ?? "none",
    min_years_experience: String(p?.requirements.min_years_experience ?? 0),
    responsibilities: (p?.responsibilities ?? []).join("\n"),
    dimensions: (p?.evaluation_scheme.dimensions ?? []).map((d) => ({ key: d.key, name: d.name, weight: String(d.weight) })),
  };
}

const list = (text: string) =>
  text
    .split(/[,，;]/)
    .map((s) => s.trim())
    .filter(Boolean);

const num = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** The request body both POST and PATCH take (PATCH ignores nothing: the whole form). */
export function bodyOf(d: PositionDraft) {
  return {
    title: d.title.trim(),
    code: d.code.trim() || null,
    org_unit_id: d.org_unit_id,
    job_family: d.job_family.trim() || "general",
    headcount: num(d.headcount),
    location: d.location.trim() || null,
    reports_to_position_id: d.reports_to_position_id || null,
    responsibilities: d.responsibilities
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
    requirements: {
      required_skills: list(d.required_skills),
      preferred_skills: list(d.preferred_skills),
      industries: list(d.industries),
      languages: list(d.languages),
      education: d.education as (typeof EDUCATION)[number],
      min_years_experience: num(d.min_years_experience),
    },
    evaluation_scheme: {
      dimensions: d.dimensions.map((x) => ({ key: x.key.trim(), name: x.name.trim(), weight: num(x.weight) })),
    },
  };
}

const SIMPLE: { field: keyof PositionDraft; path: string; type?: string }[] = [
  { field: "title", path: "title" },
  { field: "code", path: "code" },
  { field: "job_family", path: "job_family" },
  { field: "headcount", path: "headcount", type: "number" },
  { field: "location", path: "location" },
];
const LISTS: { field: keyof PositionDraft; path: string }[] = [
  { field: "required_skills", path: "requirements.required_skills" },
  { field: "preferred_skills", path: "requirements.preferred_skills" },
  { field: "industries", path: "requirements.industries" },
  { field: "languages", path: "requirements.languages" },
];

export function PositionForm({
  initial,
  error,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
  selfId,
  children,
}: {
  initial: PositionDraft;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: (draft: PositionDraft) => void;
  onCancel?: () => void;
  selfId?: string;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation("org");
  const [d, setD] = useState<PositionDraft>(initial);
  const tree = useOrgTree();
  const others = useQuery({
    queryKey: ["org", "positions", "picker"],
    queryFn: () => data(api().org.GET("/api/v1/positions", { params: { query: { limit: 200 } } })),
  });
  const set = (field: keyof PositionDraft) => (e: { target: { value: string } }) => setD({ ...d, [field]: e.target.value });
  const setDim = (i: number, field: keyof DimensionDraft, value: string) =>
    setD({ ...d, dimensions: d.dimensions.map((x, j) => (j === i ? { ...x, [field]: value } : x)) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(d);
  };
  const shownPaths = new Set<string>([
    ...SIMPLE.map((s) => s.path),
    ...LISTS.map((s) => s.path),
    "org_unit_id",
    "reports_to_position_id",
    "responsibilities",
    "requirements.education",
    "requirements.min_years_experience",
    "evaluation_scheme.dimensions",
    "evaluation_scheme",
  ]);
  const shown = (path: string) => shownPaths.has(path) || /^evaluation_scheme\.dimensions\.\d+\.(key|name|weight)$/.test(path);
  const rest = otherProblems(error, shown);
  const weightSum = d.dimensions.reduce((s, x) => s + (Number(x.weight) || 0), 0);
  return (
    <form className="form position-form" onSubmit={submit} noValidate>
      {error instanceof ProblemError && error.status === 422 ? (
        <div className="alert alert-error" role="alert">
          <strong>{t("form.invalid")}</strong>
          {rest.length ? (
            <ul>
              {rest.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : error && !(error instanceof ProblemError && error.status === 412) ? (
        <ProblemAlert error={error} />
      ) : null}
      {children}
      <fieldset>
        <legend>{t("form.basics")}</legend>
        {SIMPLE.map(({ field, path, type }) => (
          <label key={field}>
            {t(`position.${field}`)}
            <input
              name={field}
              type={type ?? "text"}
              value={d[field] as string}
              onChange={set(field)}
              {...invalidProps(error, path, `err-${field}`)}
            />
            <FieldMsg error={error} path={path} id={`err-${field}`} />
          </label>
        ))}
        <label>
          {t("position.unit")}
          <select name="org_unit_id" value={d.org_unit_id} onChange={set("org_unit_id")} {...invalidProps(error, "org_unit_id", "err-unit")}>
            <option value="">{t("form.pickUnit")}</option>
            {flatten(tree.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {"\u00a0\u00a0".repeat(u.depth) + u.name}
              </option>
            ))}
          </select>
          <FieldMsg error={error} path="org_unit_id" id="err-unit" />
        </label>
        <label>
          {t("position.reportsTo")}
          <select name="reports_to_position_id" value={d.reports_to_position_id} onChange={set("reports_to_position_id")}>
            <option value="">{t("form.noReportsTo")}</option>
            {(others.data?.items ?? [])
              .filter((p) => p.id !== selfId)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title} ({p.org_unit.name})
                </option>
              ))}
          </select>
          <FieldMsg error={error} path="reports_to_position_id" id="err-reports" />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("position.requirements")}</legend>
        <p className="hint">{t("form.listHint")}</p>
        {LISTS.map(({ field, path }) => (
          <label key={field}>
            {t(`req.${field}`)}
            <input name={field} value={d[field] as string} onChange={set(field)} {...invalidProps(error, path, `err-${field}`)} />
            <FieldMsg error={error} path={path} id={`err-${field}`} />
          </label>
        ))}
        <div className="row">
          <label>
            {t("req.education")}
            <select name="education" value={d.education} onChange={set("education")}>
              {EDUCATION.map((e) => (
                <option key={e} value={e}>
                  {t(`education.${e}`)}
                </option>
              ))}
            </select>
            <FieldMsg error={error} path="requirements.education" id="err-education" />
          </label>
          <label>
            {t("req.min_years_experience")}
            <input
              name="min_years_experience"
              type="number"
              step="0.5"
              value={d.min_years_experience}
              onChange={set("min_years_experience")}
              {...invalidProps(error, "requirements.min_years_experience", "err-years")}
            />
            <FieldMsg error={error} path="requirements.min_years_experience" id="err-years" />
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("position.responsibilities")}</legend>
        <label>
          {t("form.responsibilities")}
          <textarea name="responsibilities" rows={4} value={d.responsibilities} onChange={set("responsibilities")} />
          <FieldMsg error={error} path="responsibilities" id="err-resp" />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("position.scheme")}</legend>
        <p className="hint">{t("form.weightHint", { sum: Math.round(weightSum * 1000) / 1000 })}</p>
        <FieldMsg error={error} path="evaluation_scheme.dimensions" id="err-dimensions" />
        {d.dimensions.map((x, i) => (
          <div className="row dimension" key={i} role="group" aria-label={t("form.dimension", { n: i + 1 })}>
            <label>
              {t("dimension.key")}
              <input name={`dimension-${i}-key`} value={x.key} onChange={(e) => setDim(i, "key", e.target.value)} {...invalidProps(error, `evaluation_scheme.dimensions.${i}.key`, `err-dim-${i}-key`)} />
              <FieldMsg error={error} path={`evaluation_scheme.dimensions.${i}.key`} id={`err-dim-${i}-key`} />
            </label>
            <label>
              {t("dimension.name")}
              <input name={`dimension-${i}-name`} value={x.name} onChange={(e) => setDim(i, "name", e.target.value)} {...invalidProps(error, `evaluation_scheme.dimensions.${i}.name`, `err-dim-${i}-name`)} />
              <FieldMsg error={error} path={`evaluation_scheme.dimensions.${i}.name`} id={`err-dim-${i}-name`} />
            </label>
            <label>
              {t("dimension.weight")}
              <input
                name={`dimension-${i}-weight`}
                type="number"
                step="0.05"
                value={x.weight}
                onChange={(e) => setDim(i, "weight", e.target.value)}
                {...invalidProps(error, `evaluation_scheme.dimensions.${i}.weight`, `err-dim-${i}-weight`)}
              />
              <FieldMsg error={error} path={`evaluation_scheme.dimensions.${i}.weight`} id={`err-dim-${i}-weight`} />
            </label>
            <button type="button" onClick={() => setD({ ...d, dimensions: d.dimensions.filter((_, j) => j !== i) })}>
              {t("form.removeDimension", { n: i + 1 })}
            </button>
          </div>
        ))}
        <div>
          <button type="button" onClick={() => setD({ ...d, dimensions: [...d.dimensions, { key: "", name: "", weight: "" }] })}>
            {t("form.addDimension")}
          </button>
        </div>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t("form.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
