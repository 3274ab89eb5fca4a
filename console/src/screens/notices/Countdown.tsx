// A live countdown to a moment (a scheduled notice's send time).
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export function remaining(ms: number): { d: number; h: number; m: number; s: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    d: Math.floor(total / 86400),
    h: Math.floor((total % 86400) / 3600),
    m: Math.floor((total % 3600) / 60),
    s: total % 60,
  };
}

export function Countdown({ to }: { to: string }) {
  const { t } = useTranslation("notices");
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = new Date(to).getTime() - now;
  if (left <= 0) return <span data-testid="countdown">{t("countdown.due")}</span>;
  const { d, h, m, s } = remaining(left);
  return (
    <span data-testid="countdown">
      {t(d > 0 ? "countdown.in" : "countdown.inHours", {
        d,
        h,
        m: String(m).padStart(2, "0"),
        s: String(s).padStart(2, "0"),
      })}
    </span>
  );
}
