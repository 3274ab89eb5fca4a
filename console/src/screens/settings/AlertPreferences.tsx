// One's own alert preferences (notify /api/v1/alert-preferences): each alert by channel.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, data } from "../../api/client";
import { ProblemAlert, QueryState } from "../../components/states";

type Matrix = Record<string, Record<string, boolean>>;

function Form({ initial }: { initial: Matrix }) {
  const { t } = useTranslation("settings");
  const qc = useQueryClient();
  const [m, setM] = useState<Matrix>(initial);
  const channels = [...new Set(Object.values(initial).flatMap((c) => Object.keys(c)))];
  const save = useMutation({
    mutationFn: () =>
      data(api().notify.PUT("/api/v1/alert-preferences", { body: { preferences: m as never } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["settings", "alerts"] }),
  });
  return (
    <form
      className="panel"
      aria-labelledby="alerts-h"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="alerts-h">{t("alerts.title")}</h2>
      <p className="hint">{t("alerts.hint")}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("alerts.alert")}</th>
              {channels.map((c) => (
                <th scope="col" key={c}>
                  {t(`alerts.channel.${c}`, c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.keys(m).map((kind) => (
              <tr key={kind} data-kind={kind}>
                <th scope="row">{t(`alerts.kind.${kind}`, kind)}</th>
                {channels.map((c) => (
                  <td key={c}>
                    <label>
                      <input
                        type="checkbox"
                        checked={!!m[kind][c]}
                        onChange={(e) => setM({ ...m, [kind]: { ...m[kind], [c]: e.target.checked } })}
                      />{" "}
                      {m[kind][c] ? t("alerts.on") : t("alerts.off")}
                      <span className="visually-hidden">
                        {" "}
                        {t(`alerts.kind.${kind}`, kind)} · {t(`alerts.channel.${c}`, c)}
                      </span>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
      {save.isSuccess ? (
        <p className="alert alert-ok" role="status">
          {t("saved")}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t("alerts.save")}
      </button>
    </form>
  );
}

export function AlertPreferences() {
  const query = useQuery({
    queryKey: ["settings", "alerts"],
    queryFn: () => data(api().notify.GET("/api/v1/alert-preferences")),
  });
  return (
    <QueryState query={query} isEmpty={(d) => Object.keys(d.preferences).length === 0}>
      {(d) => <Form initial={d.preferences as Matrix} />}
    </QueryState>
  );
}
