import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { loadConfig } from "./config";
import "./i18n";
import "./styles.css";
import { ProblemError } from "./api/problem";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A 4xx will not change by asking again.
      retry: (count, error) => !(error instanceof ProblemError && error.status < 500) && count < 2,
    },
  },
});

async function start() {
  await loadConfig();
  const [{ AuthProvider }, { App }] = await Promise.all([import("./auth/AuthProvider"), import("./App")]);
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <App />
        </AuthProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
