// Generated from docs/openapi/talent.json by `npm run gen:api` (make docs). Do not edit.
export interface paths {
    "/api/v1/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The course catalogue
         * @description Courses in the order they were added.
         */
        get: operations["list_courses_api_v1_courses_get"];
        put?: never;
        /**
         * Add a training course
         * @description Add a course and the skills or dimensions it builds; publishes course-changed.
         */
        post: operations["create_course_api_v1_courses_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{course_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A course of the catalogue
         * @description One course (withdrawn ones too), with its version as ETag.
         */
        get: operations["get_course_api_v1_courses__course_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a course
         * @description Partial change with If-Match (412 when stale); a real change raises the version and
         *     publishes course-changed; 409 for a withdrawn course.
         */
        patch: operations["update_course_api_v1_courses__course_id__patch"];
        trace?: never;
    };
    "/api/v1/courses/{course_id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a course from the catalogue
         * @description No longer suggested to anyone (kept for the record); publishes course-changed;
         *     409 when already withdrawn.
         */
        post: operations["withdraw_course_api_v1_courses__course_id__withdraw_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/development-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * New hires' development plans
         * @description Plans newest first, of one person or one application if given.
         */
        get: operations["list_plans_api_v1_development_plans_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/development-plans/{plan_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A new hire's development plan
         * @description The scorecard's gaps and the catalogue courses that cover them.
         */
        get: operations["get_plan_api_v1_development_plans__plan_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/matches/{match_id}/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite a matched candidate to the opening
         * @description Record the invitation and publish talent-invited; 409 when already invited.
         */
        post: operations["invite_match_api_v1_matches__match_id__invite_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/positions/{position_id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ranked pooled candidates matching an opening
         * @description Matches by score, with counts by strength tag ("10 match 'data analysis'").
         */
        get: operations["list_matches_api_v1_positions__position_id__matches_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/positions/{position_id}/matches/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite several matched candidates in one step
         * @description Invite by match ids or every uninvited match from `min_score`; reports skips.
         */
        post: operations["invite_matches_api_v1_positions__position_id__matches_invite_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pooled candidates due for re-contact
         * @description Who is due before `due_before`, earliest first.
         */
        get: operations["list_reminders_api_v1_reminders_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/talents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the talent pool
         * @description Pooled candidates with valid consent, newest first.
         */
        get: operations["search_talents_api_v1_talents_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/talents/{talent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pooled candidate with tags, applications and history
         * @description One pooled candidate (404 once consent has expired or the data was erased).
         */
        get: operations["get_talent_api_v1_talents__talent_id__get"];
        put?: never;
        post?: never;
        /**
         * Erase a person's data from the pool (consent withdrawn)
         * @description Erase profile, tags, applications, matches, invitations and reminders at once, and tell the other services (candidate-erased). Also for a person the pool does not hold (yet): the request is recorded and passed on; 404 only once they were erased on request.
         */
        delete: operations["erase_talent_api_v1_talents__talent_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/talents/{talent_id}/contacted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that HR contacted the candidate; schedules the next reminder
         * @description Move the re-contact reminder on.
         */
        post: operations["mark_contacted_api_v1_talents__talent_id__contacted_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/talents/{talent_id}/development": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Courses that build the talent's gaps
         * @description Courses ranked by how many of the talent's gaps they cover.
         */
        get: operations["development_api_v1_talents__talent_id__development_get"];
        put?: never;
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
         * ApplicationRead
         * @description An application of the candidate, as reported by its rejection.
         */
        ApplicationRead: {
            /** Application Id */
            application_id: string;
            /** Composite */
            composite: number | null;
            /** Job Family */
            job_family: string;
            /** Position Id */
            position_id: string;
            /** Position Title */
            position_title: string;
            /**
             * Rejected At
             * Format: date-time
             */
            rejected_at: string;
            /** Stage */
            stage: string;
        };
        /**
         * BulkInvitationCreate
         * @description Invite several matches: by ids, or every uninvited match from a minimum score.
         */
        BulkInvitationCreate: {
            /**
             * Limit
             * @description At most this many by min_score
             * @default 100
             */
            limit: number;
            /** Match Ids */
            match_ids?: string[] | null;
            /** Message */
            message?: string | null;
            /** Min Score */
            min_score?: number | null;
        };
        /**
         * BulkInvitationRead
         * @description What a one-step invitation did.
         */
        BulkInvitationRead: {
            /** Invited */
            invited: components["schemas"]["InvitationRead"][];
            /** Skipped */
            skipped: components["schemas"]["SkippedMatch"][];
        };
        /**
         * CourseCreate
         * @description A training course and the skills or scorecard dimensions it builds.
         */
        CourseCreate: {
            /**
             * Locales
             * @description Languages it is taught in, e.g. ['zh-CN', 'en']
             */
            locales?: string[];
            /** Provider */
            provider: string;
            /** Skills */
            skills: string[];
            /** Title */
            title: string;
            /**
             * Url
             * Format: uri
             */
            url: string;
        };
        /**
         * CourseRead
         * @description A course of the catalogue (its ETag is its version).
         */
        CourseRead: {
            /**
             * Active
             * @description False once withdrawn
             */
            active: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Locales */
            locales: string[];
            /** Provider */
            provider: string;
            /** Skills */
            skills: string[];
            /** Title */
            title: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Url */
            url: string;
            /** Version */
            version: number;
        };
        /**
         * CourseSuggestionRead
         * @description A course and the talent's gaps it covers.
         */
        CourseSuggestionRead: {
            course: components["schemas"]["CourseRead"];
            /** Covers */
            covers: string[];
        };
        /**
         * CourseUpdate
         * @description A partial change of a course; fields left out (or null) stay as they are.
         */
        CourseUpdate: {
            /** Locales */
            locales?: string[] | null;
            /** Provider */
            provider?: string | null;
            /** Skills */
            skills?: string[] | null;
            /** Title */
            title?: string | null;
            /** Url */
            url?: string | null;
        };
        /**
         * DevelopmentPlanRead
         * @description A new hire's development plan: the scorecard's gaps and courses that cover them.
         */
        DevelopmentPlanRead: {
            /** Application Id */
            application_id: string;
            /**
             * Courses
             * @description Most gaps covered first
             */
            courses: components["schemas"]["PlanItemRead"][];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Decided By */
            decided_by: string;
            /** Gaps */
            gaps: components["schemas"]["PlanGapRead"][];
            /**
             * Hired At
             * Format: date-time
             */
            hired_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Locale */
            locale: string;
            /** Name */
            name: string;
            /** Person Id */
            person_id: string;
            position: components["schemas"]["PlanPositionRead"];
        };
        /**
         * DevelopmentRead
         * @description Courses for a talent's gaps, most gaps covered first.
         */
        DevelopmentRead: {
            /** Gaps */
            gaps: string[];
            /** Suggestions */
            suggestions: components["schemas"]["CourseSuggestionRead"][];
            /** Talent Id */
            talent_id: string;
        };
        /** FieldProblem */
        FieldProblem: {
            /** Loc */
            loc: (string | number)[];
            /** Msg */
            msg: string;
        };
        /**
         * HistoryEntryRead
         * @description Something that happened to the pooled candidate.
         */
        HistoryEntryRead: {
            /** Action */
            action: string;
            /** Actor */
            actor: string | null;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Detail */
            detail: string;
        };
        /**
         * InvitationCreate
         * @description An optional personal message for the invitation.
         */
        InvitationCreate: {
            /** Message */
            message?: string | null;
        };
        /**
         * InvitationRead
         * @description An invitation sent to a matched candidate.
         */
        InvitationRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Invited At
             * Format: date-time
             */
            invited_at: string;
            /** Invited By */
            invited_by: string;
            /**
             * Match Id
             * Format: uuid
             */
            match_id: string;
            /** Message */
            message: string | null;
            /** Position Id */
            position_id: string;
            /** Talent Id */
            talent_id: string;
        };
        /**
         * MatchPage
         * @description A page of ranked matches with counts over all of the position's matches.
         */
        MatchPage: {
            /** Items */
            items: components["schemas"]["MatchRead"][];
            /** Next Cursor */
            next_cursor: string | null;
            position: components["schemas"]["PositionSummary"];
            /**
             * Strength Counts
             * @description Matches per matched strength tag, most common first
             */
            strength_counts: {
                [key: string]: number;
            };
            /** Total */
            total: number;
        };
        /**
         * MatchRead
         * @description A pooled candidate's fit to an opening.
         */
        MatchRead: {
            /** Explanation */
            explanation: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Invitation Id */
            invitation_id: string | null;
            /** Invited At */
            invited_at: string | null;
            /** Matched Required */
            matched_required: string[];
            /** Missing Required */
            missing_required: string[];
            /** Name */
            name: string;
            /** Open To Contact */
            open_to_contact: boolean;
            /** Position Id */
            position_id: string;
            /** Position Version */
            position_version: number;
            /** Score */
            score: number;
            /** Strength Tags */
            strength_tags: string[];
            /** Talent Id */
            talent_id: string;
            /** Years Experience */
            years_experience: number | null;
        };
        /** Page[CourseRead] */
        Page_CourseRead_: {
            /** Items */
            items: components["schemas"]["CourseRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[DevelopmentPlanRead] */
        Page_DevelopmentPlanRead_: {
            /** Items */
            items: components["schemas"]["DevelopmentPlanRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[ReminderRead] */
        Page_ReminderRead_: {
            /** Items */
            items: components["schemas"]["ReminderRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[TalentSummary] */
        Page_TalentSummary_: {
            /** Items */
            items: components["schemas"]["TalentSummary"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /**
         * PlanCourseRead
         * @description A course as the plan recorded it.
         */
        PlanCourseRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Locales */
            locales: string[];
            /** Provider */
            provider: string;
            /** Skills */
            skills: string[];
            /** Title */
            title: string;
            /** Url */
            url: string;
            /** Version */
            version: number;
        };
        /**
         * PlanGapRead
         * @description A gap from the scorecard and the plan's courses that cover it (none: nothing fits).
         */
        PlanGapRead: {
            /** Course Ids */
            course_ids: string[];
            /** Dimension */
            dimension: string;
            /** Name */
            name: string | null;
            /** Score */
            score: number | null;
            /** Text */
            text: string | null;
        };
        /**
         * PlanItemRead
         * @description A course of the plan and the gaps (dimension keys) it covers.
         */
        PlanItemRead: {
            course: components["schemas"]["PlanCourseRead"];
            /** Covers */
            covers: string[];
        };
        /**
         * PlanPositionRead
         * @description The position hired for.
         */
        PlanPositionRead: {
            /** Id */
            id: string;
            /**
             * Job Family
             * @default general
             */
            job_family: string;
            /** Org Unit Name */
            org_unit_name?: string | null;
            /** Title */
            title: string;
            /** Version */
            version?: number | null;
        };
        /**
         * PositionSummary
         * @description The local copy of the position the matches are for.
         */
        PositionSummary: {
            /** Id */
            id: string;
            /** Scored At */
            scored_at: string | null;
            /** Status */
            status: string;
            /** Title */
            title: string;
            /** Version */
            version: number;
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
         * ReminderRead
         * @description Who is due for re-contact and how to reach them.
         */
        ReminderRead: {
            /** Email */
            email: string | null;
            /** Last Contacted At */
            last_contacted_at: string | null;
            /** Locale */
            locale: string;
            /** Name */
            name: string;
            /**
             * Next Contact At
             * Format: date-time
             */
            next_contact_at: string;
            /** Open To Contact */
            open_to_contact: boolean;
            /** Phone */
            phone: string | null;
            /** Talent Id */
            talent_id: string;
            /** Timezone */
            timezone: string;
        };
        /**
         * SkippedMatch
         * @description A match the bulk invitation left out, and why.
         */
        SkippedMatch: {
            /**
             * Match Id
             * Format: uuid
             */
            match_id: string;
            /** Reason */
            reason: string;
        };
        /**
         * TagRead
         * @description A tag and the event that produced it.
         */
        TagRead: {
            /** Kind */
            kind: string;
            /** Source */
            source: string;
            /** Value */
            value: string;
        };
        /**
         * TalentRead
         * @description A pooled candidate with contact, tags, applications and history.
         */
        TalentRead: {
            /** Applications */
            applications: components["schemas"]["ApplicationRead"][];
            /**
             * Consent Expires At
             * Format: date-time
             */
            consent_expires_at: string;
            /**
             * Consented At
             * Format: date-time
             */
            consented_at: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Declined Contact At
             * @description When the candidate answered the survey "not open to future roles": out of matching, invitations and re-contact reminders until a later "yes"
             */
            declined_contact_at: string | null;
            /** Email */
            email: string | null;
            /** Gaps */
            gaps: string[];
            /**
             * Hired At
             * @description Hired since: out of matching
             */
            hired_at: string | null;
            /** History */
            history: components["schemas"]["HistoryEntryRead"][];
            /** Id */
            id: string;
            /** Industries */
            industries: string[];
            /** Last Contacted At */
            last_contacted_at: string | null;
            /** Locale */
            locale: string;
            /** Name */
            name: string;
            /**
             * Next Contact At
             * Format: date-time
             */
            next_contact_at: string;
            /** Open To Contact */
            open_to_contact: boolean;
            /** Phone */
            phone: string | null;
            /** Skills */
            skills: string[];
            /** Strengths */
            strengths: string[];
            /** Tags */
            tags: components["schemas"]["TagRead"][];
            /** Timezone */
            timezone: string;
            /** Years Experience */
            years_experience: number | null;
        };
        /**
         * TalentSummary
         * @description A pooled candidate in a search result.
         */
        TalentSummary: {
            /**
             * Consent Expires At
             * Format: date-time
             */
            consent_expires_at: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Declined Contact At
             * @description When the candidate answered the survey "not open to future roles": out of matching, invitations and re-contact reminders until a later "yes"
             */
            declined_contact_at: string | null;
            /** Email */
            email: string | null;
            /** Gaps */
            gaps: string[];
            /**
             * Hired At
             * @description Hired since: out of matching
             */
            hired_at: string | null;
            /** Id */
            id: string;
            /** Industries */
            industries: string[];
            /** Locale */
            locale: string;
            /** Name */
            name: string;
            /**
             * Next Contact At
             * Format: date-time
             */
            next_contact_at: string;
            /** Open To Contact */
            open_to_contact: boolean;
            /** Skills */
            skills: string[];
            /** Strengths */
            strengths: string[];
            /** Timezone */
            timezone: string;
            /** Years Experience */
            years_experience: number | null;
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
    list_courses_api_v1_courses_get: {
        parameters: {
            query?: {
                /** @description Withdrawn courses too */
                include_withdrawn?: boolean;
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
                    "application/json": components["schemas"]["Page_CourseRead_"];
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
    create_course_api_v1_courses_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CourseCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourseRead"];
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
    get_course_api_v1_courses__course_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                course_id: string;
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
                    "application/json": components["schemas"]["CourseRead"];
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
    update_course_api_v1_courses__course_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                course_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CourseUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourseRead"];
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
    withdraw_course_api_v1_courses__course_id__withdraw_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                course_id: string;
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
                    "application/json": components["schemas"]["CourseRead"];
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
    list_plans_api_v1_development_plans_get: {
        parameters: {
            query?: {
                /** @description The person hired */
                person_id?: string | null;
                /** @description The application that ended in the hire */
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
                    "application/json": components["schemas"]["Page_DevelopmentPlanRead_"];
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
    get_plan_api_v1_development_plans__plan_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                plan_id: string;
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
                    "application/json": components["schemas"]["DevelopmentPlanRead"];
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
    invite_match_api_v1_matches__match_id__invite_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                match_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["InvitationCreate"] | null;
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationRead"];
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
    list_matches_api_v1_positions__position_id__matches_get: {
        parameters: {
            query?: {
                /** @description Page size (default 50, at most 500) */
                limit?: number;
                /** @description Opaque cursor from the previous page's next_cursor */
                cursor?: string | null;
            };
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
                    "application/json": components["schemas"]["MatchPage"];
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
    invite_matches_api_v1_positions__position_id__matches_invite_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                position_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkInvitationCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkInvitationRead"];
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
    list_reminders_api_v1_reminders_get: {
        parameters: {
            query?: {
                /** @description Default: now */
                due_before?: string | null;
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
                    "application/json": components["schemas"]["Page_ReminderRead_"];
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
    search_talents_api_v1_talents_get: {
        parameters: {
            query?: {
                /** @description Has this skill */
                skill?: string | null;
                /** @description Has a tag of any kind */
                tag?: string | null;
                /** @description Words in name or tags */
                q?: string | null;
                open_to_contact?: boolean | null;
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
                    "application/json": components["schemas"]["Page_TalentSummary_"];
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
    get_talent_api_v1_talents__talent_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                talent_id: string;
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
                    "application/json": components["schemas"]["TalentRead"];
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
    erase_talent_api_v1_talents__talent_id__delete: {
        parameters: {
            query?: {
                reason?: string;
            };
            header?: never;
            path: {
                talent_id: string;
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
    mark_contacted_api_v1_talents__talent_id__contacted_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                talent_id: string;
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
                    "application/json": components["schemas"]["ReminderRead"];
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
    development_api_v1_talents__talent_id__development_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                talent_id: string;
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
                    "application/json": components["schemas"]["DevelopmentRead"];
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
