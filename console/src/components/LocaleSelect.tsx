// The languages notices, robots and suggestions are written in (the shipped language packs),
// and the one select that offers them.
import type { ReactNode } from "react";

export const NOTICE_LOCALES = ["zh-CN", "zh-TW", "en"] as const;

/** A labelled select of the notice languages; with `any`, a first option for "all". */
export function LocaleSelect({
  label,
  name,
  value,
  onChange,
  any,
}: {
  label: ReactNode;
  name?: string;
  value: string;
  onChange: (locale: string) => void;
  any?: string;
}) {
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {NOTICE_LOCALES.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}
