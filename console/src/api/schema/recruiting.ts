// Generated from docs/openapi/recruiting.json by `npm run gen:api` (make docs). Do not edit.
export interface paths {
    "/api/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List applications */
        get: operations["list_applications_api_v1_applications_get"];
        put?: never;
        /**
         * Apply a candidate to an opening (screened at once)
         * @description HR, recruiters and integrations. `Idempotency-Key` makes a retry safe: the same key and body return the first response and create one application.
         */
        post: operations["create_application_api_v1_applications_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/bulk-reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject many applications; one candidate-rejected each */
        post: operations["bulk_reject_api_v1_applications_bulk_reject_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an application with screening and history */
        get: operations["get_application_api_v1_applications__application_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Advance to the next stage */
        post: operations["advance_api_v1_applications__application_id__advance_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The policy's latest decision on an application */
        get: operations["get_decision_api_v1_applications__application_id__decision_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a pending decision's strengths, reasons or suggestions */
        patch: operations["edit_decision_api_v1_applications__application_id__decision_patch"];
        trace?: never;
    };
    "/api/v1/applications/{application_id}/decision/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a pending decision: the rejection goes out now */
        post: operations["confirm_decision_api_v1_applications__application_id__decision_confirm_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/decision/overturn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Overturn a pending decision: the candidate stays, nothing is sent */
        post: operations["overturn_decision_api_v1_applications__application_id__decision_overturn_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/hire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hire (closes the application); publishes candidate-hired with the gaps */
        post: operations["hire_api_v1_applications__application_id__hire_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/interviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule an interview with its panel; publishes interview-scheduled */
        post: operations["schedule_interview_api_v1_applications__application_id__interviews_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject; publishes candidate-rejected with strengths, reasons and suggestions
         * @description The answer's `notice_preview` shows each strength, reason and suggestion as the candidate will read it, phrased for their locale, and `review` lists what could not be fitted into the notice safely (quoted remarks, vague reasons, gaps written as strengths, filler advice), each explained. The rejection is not held for them: notify-service holds a flagged notice for review before it is sent.
         */
        post: operations["reject_api_v1_applications__application_id__reject_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/rejection-draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What rejecting now would say: the pending decision's words, or the default draft
         * @description The strengths, reasons and suggestions a rejection without HR's own words would carry (a pending policy decision's, else drafted from screening and the panel in the candidate's language), with the stage and the panel's scores. A form starts from it, HR edits it and sends it back to `reject`; notify's `POST /api/v1/notices/preview` shows the notice it makes. Nothing changes; 409 when the application cannot be rejected.
         */
        get: operations["rejection_draft_api_v1_applications__application_id__rejection_draft_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/scorecard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The panel scorecard: weighted composite, dimension means, consistency */
        get: operations["get_scorecard_api_v1_applications__application_id__scorecard_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the candidate withdrew */
        post: operations["withdraw_api_v1_applications__application_id__withdraw_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List candidates (or find one by email) */
        get: operations["list_candidates_api_v1_candidates_get"];
        put?: never;
        /**
         * Register a candidate
         * @description HR, recruiters and integrations. `Idempotency-Key` makes a retry safe: the same key and body return the first response (`Idempotent-Replayed: true`) and register no one twice. Education, skills and languages accept the spellings people type (本科, 大专, BSc; Postgres; 普通话) and are stored canonically.
         */
        post: operations["create_candidate_api_v1_candidates_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/candidates/by-external-id/{external_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a candidate by an integration's id */
        get: operations["get_candidate_by_external_id_api_v1_candidates_by_external_id__external_id__get"];
        /**
         * Create or update a candidate by an integration's id (idempotent)
         * @description 201 when created, 200 when updated or unchanged. Fields you send replace the stored ones; fields you leave out keep their value (a new candidate needs `name` and `email`). Sending what is stored changes nothing: same version, same `updated_at`, so a nightly sync can PUT everyone every night. A candidate HR or an import already registered with that email (and no external id) is linked to this id. `If-Match` is optional (412 on a stale version, or on any version of a candidate not yet created). 409 `candidate-erased` for a person erased at their request; 409 `duplicate-email` when the email belongs to a candidate with another external id.
         */
        put: operations["upsert_candidate_api_v1_candidates_by_external_id__external_id__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/candidates/{candidate_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a candidate */
        get: operations["get_candidate_api_v1_candidates__candidate_id__get"];
        put?: never;
        post?: never;
        /**
         * Erase a person's data at their request (publishes candidate-erased)
         * @description Erases the candidate's personal data for good, at the person's request (hr_admin only). The candidate keeps its id, anonymised (`name` `(erased)`, contact and profile cleared, `erased_at` set); open applications are withdrawn; rejection notices, the candidate's own screening values, interviewers' comments and free-text history reasons are removed, while ids, statuses, timestamps and scores stay for the statistics. `candidate-erased` is published in the same transaction, so every other service erases its copy (the talent pool included, whether or not the person consented to it). Afterwards writes to this candidate are refused with 409 `candidate-erased`; a second erasure is refused the same way.
         */
        delete: operations["erase_candidate_api_v1_candidates__candidate_id__delete"];
        options?: never;
        head?: never;
        /** Change a candidate (If-Match honoured) */
        patch: operations["update_candidate_api_v1_candidates__candidate_id__patch"];
        trace?: never;
    };
    "/api/v1/decision-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The default decision policy (what a complete panel's no-hire leads to) */
        get: operations["get_decision_policy_api_v1_decision_policy_get"];
        /** Set the default decision policy (mode, threshold, review_minutes) */
        put: operations["put_decision_policy_api_v1_decision_policy_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decision-policy/positions/{position_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The decision policy in force for a position (its override, or the default) */
        get: operations["get_position_decision_policy_api_v1_decision_policy_positions__position_id__get"];
        /** Override the default decision policy for one position */
        put: operations["put_position_decision_policy_api_v1_decision_policy_positions__position_id__put"];
        post?: never;
        /** Drop a position's override: the default policy applies to it again */
        delete: operations["delete_position_decision_policy_api_v1_decision_policy_positions__position_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The policy's decisions by deadline (status=pending: HR's review queue) */
        get: operations["list_decisions_api_v1_decisions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import candidates from CSV or XLSX (dry run or all-or-nothing)
         * @description `dry_run=true` (the default) validates every row and, when the file has no problem, runs the whole import in a transaction it rolls back, so the report shows exactly what a real run would do. `dry_run=false` is all-or-nothing: any problem → 422 listing them, nothing written. Rows are matched by email (created, updated or unchanged; an empty cell keeps the stored value). The reconciliation gives the counts before and after and a checksum of the key fields (email, name, phone) of the file's rows against the same over what the database holds for them after the run. Columns: name, email, phone, locale, timezone, years_experience, skills, industries, education, languages, talent_pool_consent (lists separated by `;` `,` `、`). Headers old systems export in Chinese and English are understood (姓名, 邮箱, 手机, 学历, 技能, 工作年限, Full Name, Mobile, Degree…), and cells accept what the API accepts (本科, 大专, BSc; Postgres; 普通话; 是/否).
         */
        post: operations["import_file_api_v1_imports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/interviewers/{interviewer_id}/calibration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How an interviewer scores compared with co-panelists */
        get: operations["get_calibration_api_v1_interviewers__interviewer_id__calibration_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/interviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List interviews (an interviewer sees only their own) */
        get: operations["list_interviews_api_v1_interviews_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/interviews/{interview_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an interview */
        get: operations["get_interview_api_v1_interviews__interview_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Reschedule (time, place, notes, panel); publishes interview-rescheduled */
        patch: operations["reschedule_interview_api_v1_interviews__interview_id__patch"];
        trace?: never;
    };
    "/api/v1/interviews/{interview_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an interview nobody has scored; publishes interview-cancelled */
        post: operations["cancel_interview_api_v1_interviews__interview_id__cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/interviews/{interview_id}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a panel member's scorecard (their own, or hr_admin; once per member) */
        post: operations["submit_evaluation_api_v1_interviews__interview_id__evaluation_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/my/interviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My interviews to prepare or to score: upcoming ones, and past ones whose scorecard I still owe */
        get: operations["my_interviews_api_v1_my_interviews_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List open openings */
        get: operations["list_openings_api_v1_openings_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openings/{position_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an opening (open or closed) */
        get: operations["get_opening_api_v1_openings__position_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The suggestion library of rejection notices (all locales, or one) */
        get: operations["list_suggestions_api_v1_suggestions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/suggestions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or replace a suggestion template in one locale (default 'en') */
        put: operations["put_suggestion_api_v1_suggestions__code__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["healthz_healthz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["metrics_metrics_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database, schema and broker are ready */
        get: operations["readyz_readyz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * ApplicationCreate
         * @description Apply a candidate to an open opening; screened at once.
         */
        ApplicationCreate: {
            /**
             * Candidate Id
             * Format: uuid
             */
            candidate_id: string;
            /**
             * Position Id
             * Format: uuid
             */
            position_id: string;
            /**
             * Source
             * @default direct
             */
            source: string;
        };
        /**
         * ApplicationRead
         * @description An application with its history, allowed moves and decision.
         */
        ApplicationRead: {
            /** Allowed Actions */
            allowed_actions: string[];
            /**
             * Candidate Id
             * Format: uuid
             */
            candidate_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            decision?: components["schemas"]["DecisionSummary"] | null;
            /** Flags */
            flags: components["schemas"]["FlagRead"][];
            /** History */
            history: components["schemas"]["StatusChangeRead"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Position Id
             * Format: uuid
             */
            position_id: string;
            rejection?: components["schemas"]["RejectionRead"] | null;
            screening: components["schemas"]["ScreeningRead"];
            /** Source */
            source: string;
            /**
             * Status
             * @enum {string}
             */
            status: "screening" | "screened_out" | "interviewing" | "offer" | "hired" | "rejected" | "withdrawn";
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * ApplicationSummary
         * @description An application in a list.
         */
        ApplicationSummary: {
            /**
             * Candidate Id
             * Format: uuid
             */
            candidate_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Flags */
            flags: components["schemas"]["FlagRead"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Position Id
             * Format: uuid
             */
            position_id: string;
            screening: components["schemas"]["ScreeningRead"];
            /** Source */
            source: string;
            /**
             * Status
             * @enum {string}
             */
            status: "screening" | "screened_out" | "interviewing" | "offer" | "hired" | "rejected" | "withdrawn";
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** Body_import_file_api_v1_imports_post */
        Body_import_file_api_v1_imports_post: {
            /**
             * Column Map
             * @description Your own mapping of the file's headers to our columns, as JSON: `{"Their header": "our_column"}` (null leaves a column out); it wins over the known aliases. The report's `column_mapping` says how each header was understood.
             */
            column_map?: string | null;
            /**
             * File
             * @description CSV (UTF-8 or GB 18030) or XLSX; header row first
             */
            file: string;
        };
        /**
         * BulkRejectOutcome
         * @description What a bulk rejection did with one application.
         */
        BulkRejectOutcome: {
            /**
             * Application Id
             * Format: uuid
             */
            application_id: string;
            /** Detail */
            detail?: string | null;
            /**
             * Outcome
             * @enum {string}
             */
            outcome: "rejected" | "not_found" | "conflict";
        };
        /**
         * BulkRejectRequest
         * @description Reject many: by `application_ids`, or by `position_id` + `status`.
         */
        BulkRejectRequest: {
            /** Application Ids */
            application_ids?: string[] | null;
            notify?: components["schemas"]["NotifyIn"] | null;
            /** Position Id */
            position_id?: string | null;
            /** Reasons */
            reasons?: components["schemas"]["ReasonIn"][] | null;
            /** Status */
            status?: ("screening" | "screened_out" | "interviewing" | "offer" | "hired" | "rejected" | "withdrawn") | null;
            /** Strengths */
            strengths?: string[] | null;
            /** Suggestions */
            suggestions?: string[] | null;
        };
        /**
         * BulkRejectResult
         * @description Per-application outcome of a bulk rejection.
         */
        BulkRejectResult: {
            /** Failed */
            failed: number;
            /** Items */
            items: components["schemas"]["BulkRejectOutcome"][];
            /** Rejected */
            rejected: number;
        };
        /**
         * CalibrationRead
         * @description How an interviewer scores compared with co-panelists (positive: higher).
         */
        CalibrationRead: {
            /** Count */
            count: number;
            /** Interviewer Id */
            interviewer_id: string;
            /** Mean Deviation */
            mean_deviation: number | null;
        };
        /**
         * CandidateCreate
         * @description A new candidate; email is the unique key (normalised to lower case).
         */
        CandidateCreate: {
            /**
             * Education
             * @default none
             * @enum {string}
             */
            education: "none" | "secondary" | "associate" | "bachelor" | "master" | "phd";
            /**
             * Email
             * Format: email
             */
            email: string;
            /** Industries */
            industries?: string[];
            /** Languages */
            languages?: string[];
            /**
             * Locale
             * @description BCP 47, e.g. 'zh-CN', 'en'
             * @default en
             * @example en
             * @example zh-CN
             */
            locale: string;
            /** Name */
            name: string;
            /**
             * Phone
             * @description any format; stored as E.164
             */
            phone?: string | null;
            /** Skills */
            skills?: string[];
            /**
             * Talent Pool Consent
             * @default false
             */
            talent_pool_consent: boolean;
            /**
             * Timezone
             * @description IANA, e.g. 'Asia/Shanghai'
             * @default UTC
             * @example Asia/Shanghai
             */
            timezone: string;
            /** Years Experience */
            years_experience?: number | null;
        };
        /**
         * CandidateRead
         * @description A candidate.
         */
        CandidateRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Education */
            education: string;
            /** Email */
            email: string | null;
            /**
             * Erased At
             * @description when the person's data was erased on their request; null unless erased
             */
            erased_at?: string | null;
            /**
             * External Id
             * @description the id an integration knows the person by, if any
             */
            external_id?: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Industries */
            industries: string[];
            /** Languages */
            languages: string[];
            /** Locale */
            locale: string;
            /** Name */
            name: string;
            /** Phone */
            phone: string | null;
            /** Skills */
            skills: string[];
            /** Talent Pool Consent */
            talent_pool_consent: boolean;
            /** Timezone */
            timezone: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
            /** Years Experience */
            years_experience: number | null;
        };
        /**
         * CandidateUpdate
         * @description A partial update: only the fields given change.
         */
        CandidateUpdate: {
            /** Education */
            education?: ("none" | "secondary" | "associate" | "bachelor" | "master" | "phd") | null;
            /** Email */
            email?: string | null;
            /** Industries */
            industries?: string[] | null;
            /** Languages */
            languages?: string[] | null;
            /** Locale */
            locale?: string | null;
            /** Name */
            name?: string | null;
            /** Phone */
            phone?: string | null;
            /** Skills */
            skills?: string[] | null;
            /** Talent Pool Consent */
            talent_pool_consent?: boolean | null;
            /** Timezone */
            timezone?: string | null;
            /** Years Experience */
            years_experience?: number | null;
        };
        /**
         * CandidateUpsert
         * @description A candidate by an integration's id (`PUT …/candidates/by-external-id/{id}`).
         *
         *     Fields you send replace the stored ones; fields you leave out keep their value (a new
         *     candidate needs `name` and `email`). The same field types as create and update, so
         *     "本科", "Postgres" and "普通话" are accepted here too.
         */
        CandidateUpsert: {
            /** Education */
            education?: ("none" | "secondary" | "associate" | "bachelor" | "master" | "phd") | null;
            /** Email */
            email?: string | null;
            /** Industries */
            industries?: string[] | null;
            /** Languages */
            languages?: string[] | null;
            /** Locale */
            locale?: string | null;
            /** Name */
            name?: string | null;
            /** Phone */
            phone?: string | null;
            /** Skills */
            skills?: string[] | null;
            /** Talent Pool Consent */
            talent_pool_consent?: boolean | null;
            /** Timezone */
            timezone?: string | null;
            /** Years Experience */
            years_experience?: number | null;
        };
        /**
         * ChecksumRead
         * @description The file's key fields against what the database holds for those rows after the run.
         */
        ChecksumRead: {
            /**
             * Database
             * @description the same checksum over the stored candidates
             */
            database: string;
            /**
             * File
             * @description sha256 over each row's key fields (email, name, and phone when its cell is filled: an empty cell keeps the stored phone), independent of row order
             */
            file: string;
            /** Key Fields */
            key_fields: string[];
            /** Match */
            match: boolean;
        };
        /**
         * DecisionEdit
         * @description HR's words for a pending policy decision; only the parts given change.
         */
        DecisionEdit: {
            /** Reasons */
            reasons?: components["schemas"]["ReasonIn"][] | null;
            /** Strengths */
            strengths?: string[] | null;
            /** Suggestions */
            suggestions?: string[] | null;
        };
        /**
         * DecisionPolicyRead
         * @description A decision policy: when a complete panel's scorecards make a rejection, and how
         *     long HR has to confirm, edit or overturn it.
         */
        DecisionPolicyRead: {
            /**
             * Mode
             * @enum {string}
             */
            mode: "unanimous_no_hire" | "majority_no_hire" | "composite_below" | "off";
            /** Position Id */
            position_id: string | null;
            /** Review Minutes */
            review_minutes: number;
            /**
             * Scope
             * @description 'position': this position's override; 'default': the default applies
             * @enum {string}
             */
            scope: "default" | "position";
            /** Threshold */
            threshold: number | null;
            /** Updated At */
            updated_at: string | null;
            /** Updated By */
            updated_by: string | null;
            /**
             * Version
             * @description 0 until HR sets the policy (the built-in default)
             */
            version: number;
        };
        /**
         * DecisionPolicyUpdate
         * @description The decision policy: when a complete panel's scorecards make a rejection, and how
         *     long HR has to confirm, edit or overturn it (0: at once).
         */
        DecisionPolicyUpdate: {
            /**
             * Mode
             * @default unanimous_no_hire
             * @enum {string}
             */
            mode: "unanimous_no_hire" | "majority_no_hire" | "composite_below" | "off";
            /**
             * Review Minutes
             * @default 120
             */
            review_minutes: number;
            /**
             * Threshold
             * @description composite_below only: reject below this
             */
            threshold?: number | null;
        };
        /**
         * DecisionRead
         * @description A rejection the decision policy made: what the notice will say, the deadline for
         *     HR, and how it ended.
         */
        DecisionRead: {
            /**
             * Application Id
             * Format: uuid
             */
            application_id: string;
            /**
             * Application Status
             * @enum {string}
             */
            application_status: "screening" | "screened_out" | "interviewing" | "offer" | "hired" | "rejected" | "withdrawn";
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Decides At
             * Format: date-time
             */
            decides_at: string;
            /** Edited At */
            edited_at: string | null;
            /** Edited By */
            edited_by: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Mode */
            mode: string;
            /** Reasons */
            reasons: components["schemas"]["ReasonRead"][];
            /** Resolution Note */
            resolution_note: string | null;
            /** Resolved At */
            resolved_at: string | null;
            /** Resolved By */
            resolved_by: string | null;
            /** Review Minutes */
            review_minutes: number;
            scorecard: components["schemas"]["ScorecardSummary"] | null;
            /**
             * Stage
             * @enum {string}
             */
            stage: "screening" | "interview" | "offer";
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "decided" | "confirmed" | "overturned" | "superseded";
            /** Strengths */
            strengths: string[];
            /** Suggestions */
            suggestions: string[];
            /** Threshold */
            threshold: number | null;
            /** Version */
            version: number;
        };
        /**
         * DecisionSummary
         * @description The decision policy's latest decision on an application (details:
         *     `GET /api/v1/applications/{id}/decision`).
         */
        DecisionSummary: {
            /**
             * Decides At
             * Format: date-time
             */
            decides_at: string;
            /** Mode */
            mode: string;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "decided" | "confirmed" | "overturned" | "superseded";
        };
        /** Dimension */
        Dimension: {
            /** Department Id */
            department_id?: string | null;
            /** Key */
            key: string;
            /** Name */
            name: string;
            /** Names */
            names?: {
                [key: string]: string;
            };
            /** Weight */
            weight: number;
        };
        /**
         * DimensionRead
         * @description A dimension of the evaluation scheme an interview scores.
         */
        DimensionRead: {
            /** Key */
            key: string;
            /** Name */
            name: string;
            /** Weight */
            weight: number;
        };
        /**
         * DraftScorecardRead
         * @description The panel's scores as the rejection would carry them (the band picks the notice's
         *     template).
         */
        DraftScorecardRead: {
            /** Band */
            band?: ("close" | "far") | null;
            /** Composite */
            composite?: number | null;
            /** Dimensions */
            dimensions?: {
                [key: string]: number;
            };
        };
        /**
         * EvaluationCreate
         * @description A scorecard: exactly the interview's dimensions, each 1–10.
         */
        EvaluationCreate: {
            /** Concerns */
            concerns?: string[];
            /**
             * Interviewer Id
             * @description the panel member this scorecard is for (default: the caller's seat); hr_admin may submit for any member
             */
            interviewer_id?: string | null;
            /**
             * Recommendation
             * @enum {string}
             */
            recommendation: "strong_hire" | "hire" | "no_hire" | "strong_no_hire";
            /** Scores */
            scores: components["schemas"]["ScoreIn"][];
            /** Strengths */
            strengths?: string[];
        };
        /**
         * EvaluationRead
         * @description A submitted scorecard.
         */
        EvaluationRead: {
            /**
             * Application Id
             * Format: uuid
             */
            application_id: string;
            /** Concerns */
            concerns: string[];
            /** Department Id */
            department_id: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Interview Id
             * Format: uuid
             */
            interview_id: string;
            /** Interviewer Id */
            interviewer_id: string;
            /**
             * Recommendation
             * @enum {string}
             */
            recommendation: "strong_hire" | "hire" | "no_hire" | "strong_no_hire";
            /** Scores */
            scores: components["schemas"]["ScoreRead"][];
            /** Strengths */
            strengths: string[];
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
            /** Submitted By */
            submitted_by: string;
        };
        /** EvaluationScheme */
        EvaluationScheme: {
            /** Dimensions */
            dimensions?: components["schemas"]["Dimension"][];
        };
        /** FieldProblem */
        FieldProblem: {
            /** Loc */
            loc: (string | number)[];
            /** Msg */
            msg: string;
        };
        /**
         * FlagRead
         * @description Something HR should review (e.g. the requirements changed after screening).
         */
        FlagRead: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /**
             * Code
             * @enum {string}
             */
            code: "requirements_changed" | "position_closed";
            /** Detail */
            detail: string;
            /** Position Version */
            position_version: number;
        };
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /**
         * ImportProblem
         * @description A problem in the file: its row (1 = the header) and column.
         */
        ImportProblem: {
            /** Column */
            column: string | null;
            /** Msg */
            msg: string;
            /** Row */
            row: number;
        };
        /**
         * ImportReport
         * @description Validation report (dry run) or reconciliation report (real run).
         */
        ImportReport: {
            /** Applied */
            applied: boolean;
            /**
             * Column Mapping
             * @description How each header of the file was understood, in file order: the column it was read as (through the known aliases or your column_map), or null when it is not read
             */
            column_mapping: {
                [key: string]: string | null;
            };
            /** Created */
            created: number;
            /** Dry Run */
            dry_run: boolean;
            /**
             * Kind
             * @constant
             */
            kind: "candidates";
            /** Outcomes */
            outcomes: components["schemas"]["ImportRowOutcome"][];
            /** Problems */
            problems: components["schemas"]["ImportProblem"][];
            reconciliation: components["schemas"]["Reconciliation"];
            /** Rows */
            rows: number;
            /** Unchanged */
            unchanged: number;
            /** Updated */
            updated: number;
            /** Valid Rows */
            valid_rows: number;
        };
        /**
         * ImportRowOutcome
         * @description What a valid row does to the candidate its email names.
         */
        ImportRowOutcome: {
            /**
             * Action
             * @enum {string}
             */
            action: "create" | "update" | "unchanged";
            /** Changed Fields */
            changed_fields?: string[];
            /** Email */
            email: string;
            /** Row */
            row: number;
        };
        /**
         * InterviewCancel
         * @description Why the interview is cancelled (the candidate and the panel are told).
         */
        InterviewCancel: {
            /** Reason */
            reason?: string | null;
        };
        /**
         * InterviewCreate
         * @description Plan an interview: when, where (a place or a video link), who sits on the panel,
         *     and what the candidate should know. Each panel member scores the dimensions of their
         *     department: the one given for them, else the interview's `department_id`, else their
         *     own org unit in the staff directory.
         *
         *     `interviewer_id` + `scheduled_at` (one interviewer) still work: a panel of one.
         */
        InterviewCreate: {
            /**
             * Allow Overlap
             * @description book panel members who already have an interview then
             * @default false
             */
            allow_overlap: boolean;
            /** Department Id */
            department_id?: string | null;
            /**
             * Duration Minutes
             * @description minutes, 5 to 1440
             * @default 60
             */
            duration_minutes: number;
            /**
             * Interviewer Id
             * @description a panel of one
             */
            interviewer_id?: string | null;
            /** Location */
            location?: string | null;
            /** Notes For Candidate */
            notes_for_candidate?: string | null;
            /**
             * Panel
             * @description person ids of the staff directory, or {person_id, department_id}
             */
            panel?: (string | components["schemas"]["PanelMemberIn"])[] | null;
            /**
             * Scheduled At
             * @description the same as `start`
             */
            scheduled_at?: string | null;
            /** Start */
            start?: string | null;
            /** Video Url */
            video_url?: string | null;
        };
        /**
         * InterviewRead
         * @description An interview: when, where, its panel and the scorecards submitted so far.
         */
        InterviewRead: {
            /**
             * Application Id
             * Format: uuid
             */
            application_id: string;
            /** Cancel Reason */
            cancel_reason: string | null;
            /** Cancelled At */
            cancelled_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string;
            /**
             * Department Id
             * @description the first panel member's department
             */
            department_id: string;
            /**
             * Dimensions
             * @description every dimension the panel scores
             */
            dimensions: components["schemas"]["DimensionRead"][];
            /** Duration Minutes */
            duration_minutes: number;
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /** @description the first panel member's scorecard */
            evaluation: components["schemas"]["EvaluationRead"] | null;
            /** Evaluations */
            evaluations: components["schemas"]["EvaluationRead"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Interviewer Id
             * @description the first panel member
             */
            interviewer_id: string;
            /** Location */
            location: string | null;
            /** Notes For Candidate */
            notes_for_candidate: string | null;
            /** Panel */
            panel: components["schemas"]["PanelSeatRead"][];
            /**
             * Scheduled At
             * Format: date-time
             * @description the same as `start`
             */
            scheduled_at: string;
            /**
             * Sequence
             * @description raised on every reschedule (calendar SEQUENCE)
             */
            sequence: number;
            /**
             * Start
             * Format: date-time
             */
            start: string;
            /**
             * Status
             * @enum {string}
             */
            status: "scheduled" | "cancelled";
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
            /** Video Url */
            video_url: string | null;
        };
        /**
         * InterviewUpdate
         * @description Reschedule: only the fields given change (null clears location, video link or
         *     notes). Members who already submitted their scorecard stay on the panel.
         */
        InterviewUpdate: {
            /**
             * Allow Overlap
             * @default false
             */
            allow_overlap: boolean;
            /** Department Id */
            department_id?: string | null;
            /** Duration Minutes */
            duration_minutes?: number | null;
            /** Location */
            location?: string | null;
            /** Notes For Candidate */
            notes_for_candidate?: string | null;
            /** Panel */
            panel?: (string | components["schemas"]["PanelMemberIn"])[] | null;
            /** Start */
            start?: string | null;
            /** Video Url */
            video_url?: string | null;
        };
        /**
         * MyInterviewRead
         * @description One of my upcoming interviews: whom, when, where, and what I will score.
         */
        MyInterviewRead: {
            /**
             * Application Id
             * Format: uuid
             */
            application_id: string;
            /** Candidate Name */
            candidate_name: string;
            /** Department Id */
            department_id: string;
            /**
             * Dimensions
             * @description the dimensions I score
             */
            dimensions: components["schemas"]["DimensionRead"][];
            /** Duration Minutes */
            duration_minutes: number;
            /**
             * Ends At
             * Format: date-time
             */
            ends_at: string;
            /**
             * Interview Id
             * Format: uuid
             */
            interview_id: string;
            /** Location */
            location: string | null;
            /**
             * Member Id
             * @description how this interview names me
             */
            member_id: string;
            /**
             * Panel
             * @description everyone on the panel, by name
             */
            panel: string[];
            /**
             * Position Id
             * Format: uuid
             */
            position_id: string;
            /** Position Title */
            position_title: string;
            /** Sequence */
            sequence: number;
            /**
             * Start
             * Format: date-time
             */
            start: string;
            /**
             * Submitted
             * @description my scorecard is in
             */
            submitted: boolean;
            /** Video Url */
            video_url: string | null;
        };
        /**
         * NoticePreviewRead
         * @description The rejection notice's phrases for the candidate's locale, and what to review.
         */
        NoticePreviewRead: {
            /**
             * Flagged
             * @description true when `review` is not empty
             */
            flagged: boolean;
            /** Locale */
            locale: string;
            /** Reasons */
            reasons: components["schemas"]["PhrasedRead"][];
            /** Review */
            review: components["schemas"]["ReviewRead"][];
            /** Strengths */
            strengths: components["schemas"]["PhrasedRead"][];
            /** Suggestions */
            suggestions: components["schemas"]["PhrasedRead"][];
        };
        /**
         * NotifyIn
         * @description How notify-service should tell the candidate (null delay: its configured default).
         */
        NotifyIn: {
            /** Channels */
            channels?: ("email" | "sms")[];
            /** Delay Minutes */
            delay_minutes?: number | null;
            /**
             * Send
             * @default true
             */
            send: boolean;
        };
        /**
         * OpeningRead
         * @description The local copy of a position, as org-service last published it.
         */
        OpeningRead: {
            evaluation_scheme: components["schemas"]["EvaluationScheme"];
            /** Headcount */
            headcount: number;
            /** Job Family */
            job_family: string;
            /** Last Change */
            last_change: string;
            /** Location */
            location: string | null;
            org_unit: components["schemas"]["OrgUnitRef"];
            /** @description who answers for the position's hiring */
            owners: components["schemas"]["PositionOwners"];
            /**
             * Position Id
             * Format: uuid
             */
            position_id: string;
            requirements: components["schemas"]["Requirements"];
            /** Responsibilities */
            responsibilities: string[];
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "closed";
            /** Title */
            title: string;
            /**
             * Titles
             * @description the title in other languages, by locale
             */
            titles: {
                [key: string]: string;
            };
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /** OrgUnitRef */
        OrgUnitRef: {
            /** Id */
            id: string;
            /** Name */
            name: string;
            /** Path */
            path?: string[];
        };
        /**
         * OverturnRequest
         * @description Why HR keeps the candidate in the process (kept with the decision).
         */
        OverturnRequest: {
            /** Reason */
            reason?: string | null;
        };
        /** Page[ApplicationSummary] */
        Page_ApplicationSummary_: {
            /** Items */
            items: components["schemas"]["ApplicationSummary"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[CandidateRead] */
        Page_CandidateRead_: {
            /** Items */
            items: components["schemas"]["CandidateRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[DecisionRead] */
        Page_DecisionRead_: {
            /** Items */
            items: components["schemas"]["DecisionRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[InterviewRead] */
        Page_InterviewRead_: {
            /** Items */
            items: components["schemas"]["InterviewRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[MyInterviewRead] */
        Page_MyInterviewRead_: {
            /** Items */
            items: components["schemas"]["MyInterviewRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[OpeningRead] */
        Page_OpeningRead_: {
            /** Items */
            items: components["schemas"]["OpeningRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /**
         * PanelMemberIn
         * @description A panel member and, when it is not the interview's or their own org unit, the
         *     department whose dimensions they score.
         */
        PanelMemberIn: {
            /** Department Id */
            department_id?: string | null;
            /**
             * Person Id
             * @description a person id of the staff directory (or its subject)
             */
            person_id: string;
        };
        /**
         * PanelSeatRead
         * @description A panel member, the dimensions they score, and whether their scorecard is in.
         */
        PanelSeatRead: {
            /** Department Id */
            department_id: string;
            /** Dimensions */
            dimensions: components["schemas"]["DimensionRead"][];
            /**
             * Member Id
             * @description how the interview names them (a person id, or a free id)
             */
            member_id: string;
            /** Name */
            name: string;
            /**
             * Person Id
             * @description their person in the staff directory
             */
            person_id: string | null;
            /** Submitted */
            submitted: boolean;
        };
        /**
         * PersonRef
         * @description A staff member as other services need them: to address, alert or invite.
         */
        PersonRef: {
            /** Email */
            email?: string | null;
            /** Id */
            id: string;
            /**
             * Locale
             * @default en
             */
            locale: string;
            /** Name */
            name: string;
            /** Subject */
            subject?: string | null;
            /**
             * Timezone
             * @default UTC
             */
            timezone: string;
        };
        /**
         * PhrasedRead
         * @description One strength, reason or suggestion as the candidate will read it (the shared
         *     phrasing step's view: `sentence` is what the notice says; `need` what a template's
         *     frame receives when it `fits`).
         */
        PhrasedRead: {
            /** Code */
            code?: string | null;
            /**
             * Fits
             * @description false: quoted as a remark rather than framed
             */
            fits: boolean;
            /** Flagged */
            flagged: boolean;
            /**
             * Form
             * @description requirement, preference, deficit, phrase, sentence or advice
             */
            form: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "strength" | "reason" | "suggestion";
            /** Locale */
            locale: string;
            /** Need */
            need: string;
            /** Nominal */
            nominal: boolean;
            /** Notes */
            notes: string[];
            /**
             * Sentence
             * @description the sentence the candidate will read
             */
            sentence: string;
            /**
             * Source
             * @description as written by HR or the panel
             */
            source: string;
        };
        /**
         * PositionOwners
         * @description Who answers for a position's hiring: its recruiter and its hiring manager.
         */
        PositionOwners: {
            hiring_manager?: components["schemas"]["PersonRef"] | null;
            recruiter?: components["schemas"]["PersonRef"] | null;
        };
        /**
         * Problem
         * @description The problem+json body.
         */
        Problem: {
            /** Detail */
            detail: string;
            /** Errors */
            errors?: components["schemas"]["FieldProblem"][] | null;
            /** Instance */
            instance?: string | null;
            /** Status */
            status: number;
            /** Title */
            title: string;
            /** Type */
            type: string;
        };
        /**
         * ReasonIn
         * @description A reason of a rejection, as the candidate will read it.
         */
        ReasonIn: {
            /** Code */
            code: string;
            /** Text */
            text: string;
        };
        /**
         * ReasonRead
         * @description A reason of a rejection, as the candidate reads it.
         */
        ReasonRead: {
            /** Code */
            code: string;
            /** Text */
            text: string;
        };
        /**
         * Reconciliation
         * @description Counts before and after, whether they balance, and the key fields' checksums.
         */
        Reconciliation: {
            /** Balanced */
            balanced: boolean;
            /** Candidates After */
            candidates_after: number;
            /** Candidates Before */
            candidates_before: number;
            /** @description null when the file has problems (nothing is written) */
            checksum?: components["schemas"]["ChecksumRead"] | null;
            /** Expected After */
            expected_after: number;
        };
        /**
         * RejectRequest
         * @description Reject; strengths/reasons/suggestions default to what screening and panel found.
         */
        RejectRequest: {
            notify?: components["schemas"]["NotifyIn"] | null;
            /** Reasons */
            reasons?: components["schemas"]["ReasonIn"][] | null;
            /** Strengths */
            strengths?: string[] | null;
            /** Suggestions */
            suggestions?: string[] | null;
        };
        /**
         * RejectedApplicationRead
         * @description A rejected application, with the notice's sentences for HR to see before sending.
         */
        RejectedApplicationRead: {
            /** Allowed Actions */
            allowed_actions: string[];
            /**
             * Candidate Id
             * Format: uuid
             */
            candidate_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            decision?: components["schemas"]["DecisionSummary"] | null;
            /** Flags */
            flags: components["schemas"]["FlagRead"][];
            /** History */
            history: components["schemas"]["StatusChangeRead"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            notice_preview: components["schemas"]["NoticePreviewRead"];
            /**
             * Position Id
             * Format: uuid
             */
            position_id: string;
            rejection?: components["schemas"]["RejectionRead"] | null;
            screening: components["schemas"]["ScreeningRead"];
            /** Source */
            source: string;
            /**
             * Status
             * @enum {string}
             */
            status: "screening" | "screened_out" | "interviewing" | "offer" | "hired" | "rejected" | "withdrawn";
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * RejectionDraftRead
         * @description What rejecting the application now would say when HR gives no words of their own:
         *     edit it and send it back as the rejection's `strengths`, `reasons` and `suggestions`.
         */
        RejectionDraftRead: {
            /**
             * Application Id
             * Format: uuid
             */
            application_id: string;
            /** Reasons */
            reasons: components["schemas"]["ReasonRead"][];
            scorecard: components["schemas"]["DraftScorecardRead"] | null;
            /**
             * Source
             * @description 'pending_decision': the policy's pending decision (as HR may have edited it); 'drafted': drafted from screening and the panel in the candidate's language
             * @enum {string}
             */
            source: "pending_decision" | "drafted";
            /**
             * Stage
             * @enum {string}
             */
            stage: "screening" | "interview" | "offer";
            /** Strengths */
            strengths: string[];
            /** Suggestions */
            suggestions: string[];
        };
        /**
         * RejectionRead
         * @description What the rejection notice will say, and how it is sent.
         */
        RejectionRead: {
            /** Decided By */
            decided_by: string;
            /** Notify */
            notify: {
                [key: string]: unknown;
            };
            /** Reasons */
            reasons: components["schemas"]["ReasonRead"][];
            /**
             * Rejected At
             * Format: date-time
             */
            rejected_at: string;
            scorecard: components["schemas"]["ScorecardSummary"] | null;
            /**
             * Stage
             * @enum {string}
             */
            stage: "screening" | "interview" | "offer";
            /** Strengths */
            strengths: string[];
            /** Suggestions */
            suggestions: string[];
        };
        /** Requirements */
        Requirements: {
            /**
             * Education
             * @default none
             * @enum {string}
             */
            education: "none" | "secondary" | "associate" | "bachelor" | "master" | "phd";
            /** Industries */
            industries?: string[];
            /** Languages */
            languages?: string[];
            /**
             * Min Years Experience
             * @default 0
             */
            min_years_experience: number;
            /** Preferred Skills */
            preferred_skills?: string[];
            /** Required Skills */
            required_skills?: string[];
        };
        /**
         * ReviewRead
         * @description A phrase that could not be fitted safely: reword it (notify holds such a notice
         *     for review).
         */
        ReviewRead: {
            /** Code */
            code?: string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "strength" | "reason" | "suggestion";
            /**
             * Notes
             * @description quoted, too_long, vague, gap_as_strength, generic, other_language, …
             */
            notes: string[];
            /**
             * Sentence
             * @description what would be sent as it stands
             */
            sentence: string;
            /** Source */
            source: string;
            /**
             * Why
             * @description each note explained, in the notice's language
             */
            why: string[];
        };
        /**
         * ScoreIn
         * @description One dimension's score (1–10) and an optional comment.
         */
        ScoreIn: {
            /** Comment */
            comment?: string | null;
            /** Dimension */
            dimension: string;
            /** Score */
            score: number;
        };
        /**
         * ScoreRead
         * @description One dimension's score.
         */
        ScoreRead: {
            /** Comment */
            comment?: string | null;
            /** Dimension */
            dimension: string;
            /** Score */
            score: number;
        };
        /**
         * ScorecardRead
         * @description The panel's view: weighted composite, dimension means, consistency (0–1), and
         *     whether every planned interview's panel has scored.
         */
        ScorecardRead: {
            /**
             * Application Id
             * Format: uuid
             */
            application_id: string;
            /**
             * Awaiting
             * @description panel members whose scorecard is not in yet
             */
            awaiting: string[];
            /**
             * Band
             * @description how close: 'close' from 6.5 up
             */
            band: ("close" | "far") | null;
            /** Composite */
            composite: number | null;
            /** Consistency */
            consistency: number | null;
            /** Dimensions */
            dimensions: {
                [key: string]: number;
            };
            /** Evaluations */
            evaluations: components["schemas"]["EvaluationRead"][];
            /** Panel Complete */
            panel_complete: boolean;
        };
        /**
         * ScorecardSummary
         * @description The panel's scores a rejection was decided on.
         */
        ScorecardSummary: {
            /** Composite */
            composite?: number | null;
            /** Dimensions */
            dimensions?: {
                [key: string]: number;
            };
        };
        /**
         * ScreeningRead
         * @description The latest screening of an application, naming each unmet requirement.
         */
        ScreeningRead: {
            /** Passed */
            passed: boolean;
            /** Position Version */
            position_version: number;
            /** Score */
            score: number;
            /** Unmet */
            unmet: components["schemas"]["UnmetRead"][];
        };
        /**
         * StatusChangeRead
         * @description One line of the status history: from, to, why, who, when.
         */
        StatusChangeRead: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** By */
            by: string;
            /** From Status */
            from_status: string | null;
            /** Reason */
            reason: string;
            /** To Status */
            to_status: string;
        };
        /**
         * SuggestionRead
         * @description A suggestion template by reason code or dimension key and locale; `{subject}` is
         *     filled in with the skill, industry or language.
         */
        SuggestionRead: {
            /** Code */
            code: string;
            /**
             * Locale
             * @description BCP 47; a reader gets their locale, language, then 'en'
             */
            locale: string;
            /** Text */
            text: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Updated By */
            updated_by: string;
        };
        /**
         * SuggestionUpdate
         * @description The new text of a suggestion template; `{subject}` stands for the skill, industry
         *     or language it is about.
         */
        SuggestionUpdate: {
            /** Text */
            text: string;
        };
        /**
         * TransitionRequest
         * @description Why the application moves (kept in the history).
         */
        TransitionRequest: {
            /** Reason */
            reason?: string | null;
        };
        /**
         * UnmetRead
         * @description A requirement the candidate does not meet.
         */
        UnmetRead: {
            /** Actual */
            actual: unknown;
            /** Expected */
            expected: unknown;
            /** Requirement */
            requirement: string;
        };
        /** ValidationError */
        ValidationError: {
            /** Context */
            ctx?: Record<string, never>;
            /** Input */
            input?: unknown;
            /** Location */
            loc: (string | number)[];
            /** Message */
            msg: string;
            /** Error Type */
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    list_applications_api_v1_applications_get: {
        parameters: {
            query?: {
                position_id?: string | null;
                candidate_id?: string | null;
                status?: ("screening" | "screened_out" | "interviewing" | "offer" | "hired" | "rejected" | "withdrawn") | null;
                /** @description Page size (default 50, at most 500) */
                limit?: number;
                /** @description Opaque cursor from the previous page's next_cursor */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ApplicationSummary_"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    create_application_api_v1_applications_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    bulk_reject_api_v1_applications_bulk_reject_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkRejectRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkRejectResult"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_application_api_v1_applications__application_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    advance_api_v1_applications__application_id__advance_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TransitionRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_decision_api_v1_applications__application_id__decision_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    edit_decision_api_v1_applications__application_id__decision_patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionEdit"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    confirm_decision_api_v1_applications__application_id__decision_confirm_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    overturn_decision_api_v1_applications__application_id__decision_overturn_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OverturnRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    hire_api_v1_applications__application_id__hire_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TransitionRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    schedule_interview_api_v1_applications__application_id__interviews_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InterviewCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    reject_api_v1_applications__application_id__reject_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RejectRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RejectedApplicationRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    rejection_draft_api_v1_applications__application_id__rejection_draft_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RejectionDraftRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_scorecard_api_v1_applications__application_id__scorecard_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorecardRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    withdraw_api_v1_applications__application_id__withdraw_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TransitionRequest"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_candidates_api_v1_candidates_get: {
        parameters: {
            query?: {
                /** @description find the candidate with this email (any case) */
                email?: string | null;
                /** @description Page size (default 50, at most 500) */
                limit?: number;
                /** @description Opaque cursor from the previous page's next_cursor */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_CandidateRead_"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    create_candidate_api_v1_candidates_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CandidateCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_candidate_by_external_id_api_v1_candidates_by_external_id__external_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id the integration (ERP, ATS) knows the person by */
                external_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    upsert_candidate_api_v1_candidates_by_external_id__external_id__put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description The id the integration (ERP, ATS) knows the person by */
                external_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CandidateUpsert"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_candidate_api_v1_candidates__candidate_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                candidate_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    erase_candidate_api_v1_candidates__candidate_id__delete: {
        parameters: {
            query?: {
                /** @description Why, as the event carries it (no personal data) */
                reason?: string;
            };
            header?: never;
            path: {
                candidate_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    update_candidate_api_v1_candidates__candidate_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                candidate_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CandidateUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_decision_policy_api_v1_decision_policy_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionPolicyRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    put_decision_policy_api_v1_decision_policy_put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionPolicyUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionPolicyRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_position_decision_policy_api_v1_decision_policy_positions__position_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                position_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionPolicyRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    put_position_decision_policy_api_v1_decision_policy_positions__position_id__put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                position_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionPolicyUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionPolicyRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    delete_position_decision_policy_api_v1_decision_policy_positions__position_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                position_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_decisions_api_v1_decisions_get: {
        parameters: {
            query?: {
                status?: ("pending" | "decided" | "confirmed" | "overturned" | "superseded") | null;
                application_id?: string | null;
                /** @description Page size (default 50, at most 500) */
                limit?: number;
                /** @description Opaque cursor from the previous page's next_cursor */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_DecisionRead_"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    import_file_api_v1_imports_post: {
        parameters: {
            query: {
                /** @description what the file holds */
                kind: "candidates";
                /** @description validate and report only */
                dry_run?: boolean;
                /** @description Your own mapping of the file's headers to our columns, as JSON: `{"Their header": "our_column"}` (null leaves a column out); it wins over the known aliases. The report's `column_mapping` says how each header was understood. */
                column_map?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["Body_import_file_api_v1_imports_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_calibration_api_v1_interviewers__interviewer_id__calibration_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                interviewer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalibrationRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_interviews_api_v1_interviews_get: {
        parameters: {
            query?: {
                interviewer_id?: string | null;
                application_id?: string | null;
                /** @description Page size (default 50, at most 500) */
                limit?: number;
                /** @description Opaque cursor from the previous page's next_cursor */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_InterviewRead_"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_interview_api_v1_interviews__interview_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                interview_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    reschedule_interview_api_v1_interviews__interview_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                interview_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InterviewUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description If-Match does not match the current version */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    cancel_interview_api_v1_interviews__interview_id__cancel_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                interview_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["InterviewCancel"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    submit_evaluation_api_v1_interviews__interview_id__evaluation_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                interview_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluationCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    my_interviews_api_v1_my_interviews_get: {
        parameters: {
            query?: {
                /** @description Page size (default 50, at most 500) */
                limit?: number;
                /** @description Opaque cursor from the previous page's next_cursor */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_MyInterviewRead_"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_openings_api_v1_openings_get: {
        parameters: {
            query?: {
                job_family?: string | null;
                /** @description Page size (default 50, at most 500) */
                limit?: number;
                /** @description Opaque cursor from the previous page's next_cursor */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_OpeningRead_"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    get_opening_api_v1_openings__position_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                position_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpeningRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    list_suggestions_api_v1_suggestions_get: {
        parameters: {
            query?: {
                /** @description BCP 47 locale of the templates, e.g. 'zh-CN' */
                locale?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuggestionRead"][];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    put_suggestion_api_v1_suggestions__code__put: {
        parameters: {
            query?: {
                /** @description BCP 47 locale of the templates, e.g. 'zh-CN' */
                locale?: string | null;
            };
            header?: never;
            path: {
                /** @description The code of the unmet requirement it suggests for */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuggestionUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuggestionRead"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description The token lacks the required role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
            /** @description Validation failed; `errors` lists each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": unknown;
                };
            };
        };
    };
    healthz_healthz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
        };
    };
    metrics_metrics_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    readyz_readyz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
}
