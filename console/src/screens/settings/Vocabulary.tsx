// The company's vocabulary (org /api/v1/vocabularies): the skills synonym table and the
// education ladder's spellings that screening, candidate inputs, matching and tags accept.
// Shipped entries stay; HR adds spellings and labels to a skill (or a new skill), and
// spellings to a level, and can take their own part away again.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, data } from "../../api/client";
import type { components } from "../../api/schema/org";
import { ConflictNotice, FieldError, ListState, Loading, ProblemAlert } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { LoadMore } from "../../components/LoadMore";
import { isConflict, splitList } from "../org/util";
import { useDebounced, usePaged } from "../../components/hooks";

type Skill = components["schemas"]["SkillRead"];
type Level = components["schemas"]["EducationLevelRead"];
type LevelKey = "none" | "secondary" | "associate" | "bachelor" | "master" | "phd";
const KEY = ["settings", "vocabulary"];
const LABEL_LOCALES = ["zh-CN", "en"] as const;

const MAX_ALIASES = 20;
const spelling = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** The typed spellings another skill already has, as HR types (the server refuses them
 * with a 409 on save; this says so before): (spelling, the skill that has it). */
function useClashes(typed: string, own: string): [string, string][] {
  const text = useDebounced(typed, 400); // a string: an array would be new at every render
  const settled = [...new Set(splitList(text).slice(0, MAX_ALIASES).map(spelling))];
  const found = useQueries({
    queries: settled.map((s) => ({
      queryKey: [...KEY, "spelling", s],
      queryFn: () => data(api().org.GET("/api/v1/vocabularies/skills", { params: { query: { q: s, limit: 20 } } })),
      staleTime: 60_000,
    })),
  });
  const clashes: [string, string][] = [];
  settled.forEach((s, i) => {
    const owner = found[i]?.data?.items.find(
      (skill) =>
        spelling(skill.key) !== own &&
        [skill.key, ...skill.aliases, ...Object.values(skill.labels)].some((x) => spelling(x) === s),
    );
    if (owner) clashes.push([s, owner.key]);
  });
  return clashes;
}

/** HR's part of a skill (aliases and labels), edited as text; put as the whole entry. */
function SkillForm({ skill, onDone }: { skill?: Skill; onDone: () => void }) {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const ours = skill?.custom;
  const [name, setName] = useState("");
  const [aliases, setAliases] = useState((ours?.aliases ?? []).join(", "));
  const [labels, setLabels] = useState<Record<string, string>>({ ...(ours?.labels ?? {}) });
  const clashes = useClashes(aliases, spelling(skill?.key ?? name));
  const save = useMutation({
    mutationFn: () =>
      data(
        api().org.PUT("/api/v1/vocabularies/skills/{skill}", {
          params: { path: { skill: skill?.key ?? name.trim() } },
          headers: ours ? { "If-Match": `"${ours.version}"` } : {},
          body: {
            aliases: splitList(aliases),
            labels: Object.fromEntries(Object.entries(labels).filter(([, v]) => v.trim())),
          },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: KEY });
      onDone();
    },
  });
  const title = skill ? t("vocabulary.editOf", { skill: skill.key }) : t("vocabulary.add");
  return (
    <form
      className="form panel"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h3>{title}</h3>
      {!skill ? (
        <label>
          {t("vocabulary.skill")}
          <input name="skill-name" value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
        </label>
      ) : null}
      <label>
        {t("vocabulary.ourAliases")}
        <input name="skill-aliases" value={aliases} onChange={(e) => setAliases(e.target.value)} aria-describedby="skill-aliases-hint" />
        <span className="hint" id="skill-aliases-hint">
          {t("vocabulary.aliasesHint")}
        </span>
        <FieldError error={save.error} field="body.aliases" />
      </label>
      {clashes.length ? (
        <ul className="alert alert-warning" role="status" data-testid="alias-clashes">
          {clashes.map(([s, owner]) => (
            <li key={s}>{t("vocabulary.clash", { spelling: s, skill: owner })}</li>
          ))}
        </ul>
      ) : null}
      {LABEL_LOCALES.map((locale) => (
        <label key={locale}>
          {t("vocabulary.label", { locale })}
          <input
            name={`skill-label-${locale}`}
            value={labels[locale] ?? ""}
            onChange={(e) => setLabels((now) => ({ ...now, [locale]: e.target.value }))}
          />
        </label>
      ))}
      <ConflictNotice error={save.error} onReload={onDone} />
      {save.error && !isConflict(save.error) ? <ProblemAlert error={save.error} /> : null}
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("vocabulary.save")}
        </button>
        <button type="button" onClick={onDone}>
          {t("vocabulary.cancel")}
        </button>
      </div>
    </form>
  );
}

function SkillRow({ skill }: { skill: Skill }) {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const ours = new Set(skill.custom?.aliases ?? []);
  const remove = useMutation({
    mutationFn: () =>
      data(
        api().org.DELETE("/api/v1/vocabularies/skills/{skill}", {
          params: { path: { skill: skill.key } },
          headers: skill.custom ? { "If-Match": `"${skill.custom.version}"` } : {},
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
  return (
    <li className="panel" data-testid="skill-row">
      <div className="panel-head">
        <strong>{skill.key}</strong>
        <span className={`badge ${skill.source === "custom" ? "badge-ok" : ""}`}>{t(`vocabulary.source.${skill.source}`)}</span>
      </div>
      <p>
        {Object.entries(skill.labels)
          .map(([locale, label]) => `${locale}: ${label}`)
          .join(" · ")}
      </p>
      <p className="hint">
        {t("vocabulary.aliases")}:{" "}
        {skill.aliases.map((a, i) => (
          <span key={a}>
            {i ? ", " : ""}
            {ours.has(a) ? <mark title={t("vocabulary.ours")}>{a}</mark> : a}
          </span>
        ))}
        {skill.custom ? ` · ${t("vocabulary.changed", { at: formatDateTime(skill.custom.updated_at), by: skill.custom.updated_by })}` : ""}
      </p>
      <ConflictNotice error={remove.error} onReload={() => void qc.invalidateQueries({ queryKey: KEY })} />
      {remove.error && !isConflict(remove.error) ? <ProblemAlert error={remove.error} /> : null}
      {editing ? (
        <SkillForm skill={skill} onDone={() => setEditing(false)} />
      ) : (
        <div className="row">
          <button type="button" onClick={() => setEditing(true)}>
            {t("vocabulary.edit")}
          </button>
          {skill.custom ? (
            <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
              {t("vocabulary.removeOurs")}
            </button>
          ) : null}
        </div>
      )}
    </li>
  );
}

function EducationRow({ level }: { level: Level }) {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const [aliases, setAliases] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      data(
        api().org.PUT("/api/v1/vocabularies/education/{level}", {
          params: { path: { level: level.level as LevelKey } },
          headers: level.custom ? { "If-Match": `"${level.custom.version}"` } : {},
          body: { aliases: splitList(aliases ?? "") },
        }),
      ),
    onSuccess: () => {
      setAliases(null);
      void qc.invalidateQueries({ queryKey: [...KEY, "education"] });
    },
  });
  return (
    <tr data-testid="education-row">
      <th scope="row">{t(`vocabulary.level.${level.level}`, level.level)}</th>
      <td>{level.spellings.join(", ")}</td>
      <td>
        {aliases === null ? (
          <button type="button" onClick={() => setAliases((level.custom?.aliases ?? []).join(", "))}>
            {t("vocabulary.edit")}
          </button>
        ) : (
          <form
            className="row"
            aria-label={t("vocabulary.levelEdit", { level: level.level })}
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <input
              name={`education-${level.level}`}
              aria-label={t("vocabulary.ourAliases")}
              value={aliases}
              onChange={(e) => setAliases(e.target.value)}
            />
            <button type="submit" className="primary" disabled={save.isPending}>
              {t("vocabulary.save")}
            </button>
          </form>
        )}
        <ConflictNotice error={save.error} onReload={() => void qc.invalidateQueries({ queryKey: [...KEY, "education"] })} />
        {save.error && !isConflict(save.error) ? <ProblemAlert error={save.error} /> : null}
      </td>
    </tr>
  );
}

export function Vocabulary() {
  const { t } = useTranslation("settings");
  const [q, setQ] = useState("");
  const [customOnly, setCustomOnly] = useState(false);
  const [adding, setAdding] = useState(false);
  const settled = useDebounced(q.trim(), 300);
  const { query: skills, items } = usePaged([...KEY, "skills", settled, customOnly], (cursor) =>
    data(
      api().org.GET("/api/v1/vocabularies/skills", {
        params: { query: { q: settled || undefined, custom_only: customOnly, limit: 25, cursor } },
      }),
    ),
  );
  const education = useQuery({
    queryKey: [...KEY, "education"],
    queryFn: () => data(api().org.GET("/api/v1/vocabularies/education")),
  });
  return (
    <>
      <section aria-labelledby="skills-h">
        <h2 id="skills-h">{t("vocabulary.skills")}</h2>
        <p className="hint">{t("vocabulary.hint")}</p>
        <div className="row">
          <label>
            {t("vocabulary.search")}
            <input name="skill-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </label>
          <label className="check">
            <input type="checkbox" checked={customOnly} onChange={(e) => setCustomOnly(e.target.checked)} />
            {t("vocabulary.customOnly")}
          </label>
          {!adding ? (
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              {t("vocabulary.add")}
            </button>
          ) : null}
        </div>
        {adding ? <SkillForm onDone={() => setAdding(false)} /> : null}
        <ListState query={skills} count={items.length} empty={t("vocabulary.empty")}>
          <ul className="stack plain-list">
            {items.map((s) => (
              <SkillRow key={`${s.key}:${s.custom?.version ?? 0}`} skill={s} />
            ))}
          </ul>
        </ListState>
        <LoadMore query={skills} label={t("more")} />
      </section>
      <section className="panel" aria-labelledby="education-h">
        <h2 id="education-h">{t("vocabulary.education")}</h2>
        {education.isPending ? (
          <Loading />
        ) : education.isError ? (
          <ProblemAlert error={education.error} onRetry={() => void education.refetch()} />
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("vocabulary.levelCol")}</th>
                  <th scope="col">{t("vocabulary.spellings")}</th>
                  <th scope="col">{t("vocabulary.ourAliases")}</th>
                </tr>
              </thead>
              <tbody>
                {education.data.map((level) => (
                  <EducationRow key={`${level.level}:${level.custom?.version ?? 0}`} level={level} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
