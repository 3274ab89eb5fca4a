// RFC 9457 problem details as the services send them, and helpers to show them.
export interface FieldProblem {
  loc: (string | number)[];
  msg: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[] | null;
  [extension: string]: unknown;
}

export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  /** The message for a field, by its last name in `loc` (e.g. "title" for body.title). */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.loc[e.loc.length - 1] === field || e.loc.join(".") === field)?.msg;
  }
}

export async function problemFrom(response: Response): Promise<ProblemError> {
  let body: Partial<Problem> = {};
  try {
    body = (await response.clone().json()) as Partial<Problem>;
  } catch {
    /* not JSON: keep the status line */
  }
  return new ProblemError({
    type: body.type ?? "about:blank",
    title: body.title ?? response.statusText,
    status: body.status ?? response.status,
    detail: body.detail ?? `${response.status} ${response.statusText}`,
    errors: body.errors ?? null,
    ...body,
  });
}
