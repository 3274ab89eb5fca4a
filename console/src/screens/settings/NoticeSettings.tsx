// Notice settings (notify GET/PUT /api/v1/settings): delay, quiet hours, HR copy, review.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, data } from "../../api/client";
import type { components } from "../../api/schema/notify";
import { ProblemAlert, QueryState } from "../../components/states";
import { formatDateTime } from "../../components/format";
import { FieldMsg, invalidProps } from "../org/util";
import { LocaleSelect } from "../../components/LocaleSelect";

type Settings = components["schemas"]["NoticeSettingsRead"];

function Form({ initial }: { initial: Settings }) {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const [s, setS] = useState({
    default_delay_minutes: String(initial.default_delay_minutes),
    start: (initial.quiet_hours.start ?? "21:00").slice(0, 5),
    end: (initial.quiet_hours.end ?? "08:00").slice(0, 5),
    cc_hr: initial.cc_hr ?? "",
    review_required: initial.review_required,
    company_name: initial.company_name,
    survey_expiry_days: String(initial.survey_expiry_days),
    hr_alert_email: initial.hr_alert_email ?? "",
    hr_alert_locale: initial.hr_alert_locale ?? "",
    hr_alert_timezone: initial.hr_alert_timezone ?? "",
  });
  const save = useMutation({
    mutationFn: () =>
      data(
        api().notify.PUT("/api/v1/settings", {
          body: {
            default_delay_minutes: Number(s.default_delay_minutes),
            quiet_hours: { start: s.start, end: s.end },
            cc_hr: s.cc_hr.trim() || null,
            review_required: s.review_required,
            company_name: s.company_name,
            survey_expiry_days: Number(s.survey_expiry_days),
            // Empty: the deployment's NOTIFY_HR_ALERT_* apply.
            hr_alert_email: s.hr_alert_email.trim() || null,
            hr_alert_locale: s.hr_alert_locale || null,
            hr_alert_timezone: s.hr_alert_timezone.trim() || null,
          },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["settings", "notices"] }),
  });
  const text = (key: keyof typeof s, path: string, type = "text") => (
    <label>
      {t(`notices.${key}`)}
      <input
        name={key}
        type={type}
        value={s[key] as string}
        onChange={(e) => setS({ ...s, [key]: e.target.value })}
        {...invalidProps(save.error, path, `err-${key}`)}
      />
      <FieldMsg error={save.error} path={path} id={`err-${key}`} />
    </label>
  );
  return (
    <form
      className="form panel"
      aria-labelledby="notices-h"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="notices-h">{t("notices.title")}</h2>
      <p className="hint">{t("notices.updated", { by: initial.updated_by, at: formatDateTime(initial.updated_at) })}</p>
      {text("default_delay_minutes", "default_delay_minutes", "number")}
      <fieldset className="row">
        <legend>{t("notices.quietHours")}</legend>
        {text("start", "quiet_hours.start", "time")}
        {text("end", "quiet_hours.end", "time")}
      </fieldset>
      {text("cc_hr", "cc_hr", "email")}
      <label className="check">
        <input type="checkbox" name="review_required" checked={s.review_required} onChange={(e) => setS({ ...s, review_required: e.target.checked })} />
        {t("notices.review_required")}
      </label>
      {text("company_name", "company_name")}
      {text("survey_expiry_days", "survey_expiry_days", "number")}
      <fieldset>
        <legend>{t("notices.hrAlerts")}</legend>
        <p className="hint">{t("notices.hrAlertsHint")}</p>
        {text("hr_alert_email", "hr_alert_email", "email")}
        <LocaleSelect
          label={t("notices.hr_alert_locale")}
          name="hr_alert_locale"
          value={s.hr_alert_locale}
          onChange={(locale) => setS({ ...s, hr_alert_locale: locale })}
          any={t("notices.deploymentDefault")}
        />
        {text("hr_alert_timezone", "hr_alert_timezone")}
      </fieldset>
      {save.isError && !(save.error as { problem?: { errors?: unknown[] } }).problem?.errors?.length ? <ProblemAlert error={save.error} /> : null}
      {save.isSuccess ? (
        <p className="alert alert-ok" role="status">
          {t("saved")}
        </p>
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("notices.save")}
        </button>
      </div>
    </form>
  );
}

export function NoticeSettings() {
  const query = useQuery({
    queryKey: ["settings", "notices"],
    queryFn: () => data(api().notify.GET("/api/v1/settings")),
  });
  return <QueryState query={query}>{(s) => <Form initial={s} />}</QueryState>;
}
