import { useEffect, useState, type FormEvent } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { returnPath, useAuth } from "./auth/AuthProvider";
import type { Role } from "./auth/token";
import { config } from "./config";
import { LanguagePicker } from "./Layout";

const DEV_ROLES: Role[] = ["hr_admin", "recruiter", "interviewer"];

export function SignIn() {
  const { t } = useTranslation();
  const { session, signInDev, signInOidc } = useAuth();
  const [role, setRole] = useState<Role>("hr_admin");
  const [sub, setSub] = useState("hr-1");
  const [error, setError] = useState<string | null>(null);
  const cfg = config();
  const from = returnPath((useLocation().state as { from?: unknown } | null)?.from);
  if (session) return <Navigate to={from} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await signInDev([role], sub);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <main id="main" className="signin">
      <h1>{t("app")}</h1>
      <LanguagePicker />
      {cfg.oidc ? (
        <section>
          <h2>{t("signIn.title")}</h2>
          <button type="button" className="primary" onClick={() => void signInOidc(from)}>
            {t("signIn.oidc")}
          </button>
        </section>
      ) : null}
      {cfg.devSignIn ? (
        <section>
          <h2>{t("signIn.dev")}</h2>
          <p className="hint">{t("signIn.devHint")}</p>
          <form onSubmit={(e) => void submit(e)} className="form">
            <label>
              {t("signIn.role")}
              <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {DEV_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("signIn.user")}
              <input name="sub" value={sub} onChange={(e) => setSub(e.target.value)} required maxLength={100} />
            </label>
            <button type="submit" className="primary">
              {t("signIn.submit")}
            </button>
          </form>
          {error ? (
            <p className="alert alert-error" role="alert">
              {t("signIn.failed", { message: error })}
            </p>
          ) : null}
        </section>
      ) : null}
    </main>
  );
}

export function OidcCallback() {
  const { t } = useTranslation();
  const { completeOidc } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    completeOidc().then(
      (to) => navigate(to, { replace: true }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    // Once: the authorization code can be exchanged only once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <main id="main" className="signin">
      {error ? (
        <p className="alert alert-error" role="alert">
          {t("signIn.failed", { message: error })}
        </p>
      ) : (
        <p role="status">{t("signIn.completing")}</p>
      )}
    </main>
  );
}
