// Generated from docs/openapi/notify.json by `npm run gen:api` (make docs). Do not edit.
export interface paths {
    "/api/v1/alert-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read someone's alert preferences (one's own by default) */
        get: operations["get_alert_preferences_api_v1_alert_preferences_get"];
        /** Replace someone's alert preferences (one's own by default) */
        put: operations["put_alert_preferences_api_v1_alert_preferences_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat-robots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List team-chat robots */
        get: operations["list_chat_robots_api_v1_chat_robots_get"];
        put?: never;
        /** Register a team-chat robot (WeCom, DingTalk, Feishu) for a position, an org unit or by default */
        post: operations["create_chat_robot_api_v1_chat_robots_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chat-robots/{robot_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a team-chat robot */
        get: operations["get_chat_robot_api_v1_chat_robots__robot_id__get"];
        /** Replace a team-chat robot (a webhook URL or secret left out is kept) */
        put: operations["put_chat_robot_api_v1_chat_robots__robot_id__put"];
        post?: never;
        /** Remove a team-chat robot */
        delete: operations["delete_chat_robot_api_v1_chat_robots__robot_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feedback/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Survey results by template, job family, stage, week or delay
         * @description Counts and shares per group and over all groups, for every sent notice of the kind, or for a period: `sent_from` (inclusive) and `sent_before` (exclusive) bound when each notice was sent (a notice answered but never recorded as sent: when it was decided). Times need a zone, e.g. `2026-10-01T00:00:00+08:00`.
         */
        get: operations["summary_api_v1_feedback_summary_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview the rejection notice for these candidate-rejected fields
         * @description Chooses the template and renders the notice exactly as a `candidate-rejected` with these fields would now (the candidate's language, the position's job family, the stage, how close the scores came, HR's words phrased for the notice), runs the compliance guard, and says whether it would be scheduled or held for review. One preview per channel; nothing is stored or sent.
         */
        post: operations["preview_rejection_notice_api_v1_notices_preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List notices */
        get: operations["list_notifications_api_v1_notifications_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{notification_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a notice with its delivery attempts */
        get: operations["get_notification_api_v1_notifications__notification_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Reword a notice held for review (the compliance guard checks it again) */
        patch: operations["edit_notification_api_v1_notifications__notification_id__patch"];
        trace?: never;
    };
    "/api/v1/notifications/{notification_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a notice held for review */
        post: operations["approve_notification_api_v1_notifications__notification_id__approve_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{notification_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a notice before it is sent */
        post: operations["cancel_notification_api_v1_notifications__notification_id__cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{notification_id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resend a notice whose delivery outcome is unknown */
        post: operations["resend_notification_api_v1_notifications__notification_id__resend_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{notification_id}/send-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a scheduled or failed notice now */
        post: operations["send_notification_now_api_v1_notifications__notification_id__send_now_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the notice settings */
        get: operations["get_settings_api_v1_settings_get"];
        /** Replace the notice settings */
        put: operations["put_settings_api_v1_settings_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a survey (JSON) */
        post: operations["submit_survey_api_v1_surveys__token__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List templates */
        get: operations["list_templates_api_v1_templates_get"];
        put?: never;
        /** Add a template */
        post: operations["create_template_api_v1_templates_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{template_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a template */
        get: operations["get_template_api_v1_templates__template_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a template (creates a new version) */
        patch: operations["update_template_api_v1_templates__template_id__patch"];
        trace?: never;
    };
    "/api/v1/templates/{template_id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a template against a sample or a payload */
        post: operations["preview_template_api_v1_templates__template_id__preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{template_id}/shipped": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The text this release ships for the template's key (404: the company's own) */
        get: operations["shipped_text_api_v1_templates__template_id__shipped_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{template_id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a template */
        get: operations["template_versions_api_v1_templates__template_id__versions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook subscriptions */
        get: operations["list_subscriptions_api_v1_webhook_subscriptions_get"];
        put?: never;
        /** Subscribe an endpoint to events (the answer shows its secret, once) */
        post: operations["create_subscription_api_v1_webhook_subscriptions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{subscription_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a webhook subscription */
        get: operations["get_subscription_api_v1_webhook_subscriptions__subscription_id__get"];
        put?: never;
        post?: never;
        /** Delete a webhook subscription and its delivery log */
        delete: operations["delete_subscription_api_v1_webhook_subscriptions__subscription_id__delete"];
        options?: never;
        head?: never;
        /** Change a webhook subscription (active: true re-enables a disabled one) */
        patch: operations["update_subscription_api_v1_webhook_subscriptions__subscription_id__patch"];
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{subscription_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log of a subscription, newest first */
        get: operations["list_deliveries_api_v1_webhook_subscriptions__subscription_id__deliveries_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{subscription_id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now (same webhook-id) */
        post: operations["redeliver_api_v1_webhook_subscriptions__subscription_id__deliveries__delivery_id__redeliver_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{subscription_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret (the old one also signs during the overlap) */
        post: operations["rotate_secret_api_v1_webhook_subscriptions__subscription_id__rotate_secret_post"];
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
    "/survey/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The survey page (HTML) */
        get: operations["survey_page_survey__token__get"];
        put?: never;
        /** Submit the survey form (form-encoded; HTML thank-you page) */
        post: operations["submit_survey_form_survey__token__post"];
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
         * AlertPreferencesRead
         * @description A person's alert switches: every alert kind × channel, true = on.
         */
        AlertPreferencesRead: {
            /** Preferences */
            preferences: {
                [key: string]: {
                    [key: string]: boolean;
                };
            };
            /** Subject */
            subject: string;
            /** Updated At */
            updated_at?: string | null;
            /** Updated By */
            updated_by?: string | null;
        };
        /**
         * AlertPreferencesUpdate
         * @description The switches to keep; a kind or channel left out is on. Only the alerts addressed
         *     to a person are theirs to switch (those to HR's alert address are not listed).
         */
        AlertPreferencesUpdate: {
            /** Preferences */
            preferences: {
                [key: string]: {
                    [key: string]: boolean;
                };
            };
        };
        /** CandidateInfo */
        CandidateInfo: {
            /** Background */
            background?: ("campus" | "experienced" | "career_change") | null;
            /** Email */
            email?: string | null;
            /** Id */
            id: string;
            /** Industries */
            industries?: string[];
            /**
             * Locale
             * @default en
             */
            locale: string;
            /** Name */
            name: string;
            /** Phone */
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
             * @default UTC
             */
            timezone: string;
            /** Years Experience */
            years_experience?: number | null;
        };
        /**
         * ChatRobotInput
         * @description A robot as HR registers it (PUT replaces everything but the credentials left out).
         */
        ChatRobotInput: {
            /**
             * Enabled
             * @default true
             */
            enabled: boolean;
            /**
             * Locale
             * @description BCP 47 tag, stored canonical: `zh_cn` → `zh-CN`
             * @default zh-CN
             * @example en
             * @example zh-CN
             */
            locale: string;
            /** Name */
            name: string;
            /**
             * Provider
             * @enum {string}
             */
            provider: "wecom" | "dingtalk" | "feishu";
            /**
             * Scope
             * @enum {string}
             */
            scope: "position" | "org_unit" | "default";
            /** Scope Id */
            scope_id?: string | null;
            /** Secret */
            secret?: string | null;
            /**
             * Timezone
             * @description IANA time zone, stored in its canonical case: `asia/shanghai` → `Asia/Shanghai`
             * @default Asia/Shanghai
             * @example Asia/Shanghai
             */
            timezone: string;
            /** Webhook Url */
            webhook_url?: string | null;
        };
        /**
         * ChatRobotRead
         * @description A registered robot. The webhook's credentials (its query) and the signing secret
         *     are never shown: `webhook_host` and `has_secret` say what is set.
         */
        ChatRobotRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Enabled */
            enabled: boolean;
            /** Has Secret */
            has_secret: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Locale */
            locale: string;
            /** Name */
            name: string;
            /** Provider */
            provider: string;
            /**
             * Scope
             * @enum {string}
             */
            scope: "position" | "org_unit" | "default";
            /** Scope Id */
            scope_id: string | null;
            /** Timezone */
            timezone: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Updated By */
            updated_by: string;
            /** Webhook Host */
            webhook_host: string;
        };
        /**
         * DeliveryAttemptRead
         * @description One delivery attempt.
         */
        DeliveryAttemptRead: {
            /** Attempt */
            attempt: number;
            /** Error */
            error: string | null;
            /**
             * Finished At
             * Format: date-time
             */
            finished_at: string;
            /** Outcome */
            outcome: string;
            /** Provider Reference */
            provider_reference: string | null;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
        };
        /**
         * DeliveryRead
         * @description One event's delivery to a subscription.
         */
        DeliveryRead: {
            /** Attempts */
            attempts: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Delivered At */
            delivered_at: string | null;
            /** Event Id */
            event_id: string;
            /** Event Type */
            event_type: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Attempt At */
            last_attempt_at: string | null;
            /** Last Error */
            last_error: string | null;
            /** Last Latency Ms */
            last_latency_ms: number | null;
            /** Last Status Code */
            last_status_code: number | null;
            /** Next Attempt At */
            next_attempt_at: string | null;
            /**
             * Scrubbed
             * @description Its body was erased with the candidate it named
             */
            scrubbed: boolean;
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "delivering" | "delivered" | "failed" | "cancelled";
            /** Status Reason */
            status_reason: string | null;
            /**
             * Subscription Id
             * Format: uuid
             */
            subscription_id: string;
            /**
             * Webhook Id
             * @description The `webhook-id` header: same on every attempt
             */
            webhook_id: string;
        };
        /**
         * FeedbackSummaryRead
         * @description Per-group survey results and the overall figures.
         */
        FeedbackSummaryRead: {
            /** Group By */
            group_by: string;
            /** Groups */
            groups: components["schemas"]["GroupSummary"][];
            overall: components["schemas"]["GroupSummary"];
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
         * @description A phrase the compliance guard flagged, or one the phrasing step could not fit into
         *     the notice (category `phrasing`, with `why` in the notice's language).
         */
        FlagRead: {
            /** Category */
            category: string;
            /** Excerpt */
            excerpt: string;
            /** Phrase */
            phrase: string;
            /** Source */
            source: string;
            /** Why */
            why?: string | null;
        };
        /**
         * GroupSummary
         * @description Survey results for one group (a template, job family or stage) or for all notices.
         */
        GroupSummary: {
            /** Group */
            group: string;
            /** Label */
            label?: string | null;
            /** Mean Ratings */
            mean_ratings: {
                [key: string]: number | null;
            };
            /** Median Minutes To Send */
            median_minutes_to_send: number | null;
            /** Notices Sent */
            notices_sent: number;
            /** Response Rate */
            response_rate: number | null;
            /** Responses */
            responses: number;
            /** Share Open To Future Roles */
            share_open_to_future_roles: number | null;
            /** Share Satisfied */
            share_satisfied: number | null;
        };
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /**
         * NoticeEdit
         * @description HR's rewording of a notice held for review (what is not given stays). A survey link
         *     shown hidden (`/survey/[hidden]`) is put back as the candidate's own link.
         */
        NoticeEdit: {
            /** Body Text */
            body_text?: string | null;
            /** Subject */
            subject?: string | null;
        };
        /**
         * NoticePreviewRead
         * @description A notice as it would be written now for these fields: the template notify would
         *     choose, the rendered text (survey links hidden, as staff read notices), and whether
         *     it would be scheduled or held for review, and why.
         */
        NoticePreviewRead: {
            /** Body Html */
            body_html: string | null;
            /** Body Text */
            body_text: string | null;
            /** Channel */
            channel: string;
            /** Flags */
            flags: components["schemas"]["FlagRead"][];
            /** Last Error */
            last_error: string | null;
            /** Locale */
            locale: string;
            /** Recipient */
            recipient: string | null;
            /** Send At */
            send_at: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "scheduled" | "pending_review" | "sending" | "sent" | "failed" | "unknown" | "cancelled";
            /** Status Reason */
            status_reason: string | null;
            /** Subject */
            subject: string | null;
            /** Template Id */
            template_id: string | null;
            /** Template Name */
            template_name: string | null;
            /** Template Version */
            template_version: number | null;
        };
        /**
         * NoticeSettingsRead
         * @description The notice settings.
         */
        NoticeSettingsRead: {
            /** Cc Hr */
            cc_hr: string | null;
            /** Company Name */
            company_name: string;
            /** Default Delay Minutes */
            default_delay_minutes: number;
            /** Hr Alert Email */
            hr_alert_email: string | null;
            /** Hr Alert Locale */
            hr_alert_locale: string | null;
            /** Hr Alert Timezone */
            hr_alert_timezone: string | null;
            quiet_hours: components["schemas"]["QuietHours"];
            /** Review Required */
            review_required: boolean;
            /** Survey Expiry Days */
            survey_expiry_days: number;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Updated By */
            updated_by: string;
        };
        /**
         * NoticeSettingsUpdate
         * @description All notice settings (PUT replaces them; an omitted field takes its default).
         */
        NoticeSettingsUpdate: {
            /** Cc Hr */
            cc_hr?: string | null;
            /**
             * Company Name
             * @default Talentloop
             */
            company_name: string;
            /**
             * Default Delay Minutes
             * @default 120
             */
            default_delay_minutes: number;
            /**
             * Hr Alert Email
             * @description Where alerts for HR go (digests, templates to review, a position with no owner to tell); null: the deployment's NOTIFY_HR_ALERT_EMAIL
             */
            hr_alert_email?: string | null;
            /**
             * Hr Alert Locale
             * @description Their language; null: the deployment's
             */
            hr_alert_locale?: string | null;
            /**
             * Hr Alert Timezone
             * @description Their IANA time zone; null: the deployment's
             */
            hr_alert_timezone?: string | null;
            quiet_hours?: components["schemas"]["QuietHours"];
            /**
             * Review Required
             * @default false
             */
            review_required: boolean;
            /**
             * Survey Expiry Days
             * @default 30
             */
            survey_expiry_days: number;
        };
        /**
         * NotificationDetail
         * @description A notice with its delivery attempts.
         */
        NotificationDetail: {
            /** Application Id */
            application_id: string | null;
            /** Attempts */
            attempts: number;
            /** Body Html */
            body_html: string | null;
            /** Body Text */
            body_text: string | null;
            /** Candidate Id */
            candidate_id: string;
            /** Cc */
            cc: string | null;
            /** Channel */
            channel: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Delivery Attempts */
            delivery_attempts?: components["schemas"]["DeliveryAttemptRead"][];
            /** Flags */
            flags: {
                [key: string]: unknown;
            }[];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Invitation Id */
            invitation_id: string | null;
            /** Job Family */
            job_family: string | null;
            /** Kind */
            kind: string;
            /** Last Error */
            last_error: string | null;
            /** Locale */
            locale: string;
            /** Message Id */
            message_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /** Position Id */
            position_id: string | null;
            /** Recipient */
            recipient: string | null;
            /** Reviewed By */
            reviewed_by: string | null;
            /** Send At */
            send_at: string | null;
            /** Sent At */
            sent_at: string | null;
            /** Stage */
            stage: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "scheduled" | "pending_review" | "sending" | "sent" | "failed" | "unknown" | "cancelled";
            /** Status Reason */
            status_reason: string | null;
            /** Subject */
            subject: string | null;
            survey: components["schemas"]["SurveyStatusRead"];
            /** Template Id */
            template_id: string | null;
            /** Template Name */
            template_name: string | null;
            /** Template Version */
            template_version: number | null;
            /** Timezone */
            timezone: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * NotificationRead
         * @description A notice: where it stands, what it says (survey links hidden), which template made it,
         *     and whether its survey was sent and answered.
         */
        NotificationRead: {
            /** Application Id */
            application_id: string | null;
            /** Attempts */
            attempts: number;
            /** Body Html */
            body_html: string | null;
            /** Body Text */
            body_text: string | null;
            /** Candidate Id */
            candidate_id: string;
            /** Cc */
            cc: string | null;
            /** Channel */
            channel: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Flags */
            flags: {
                [key: string]: unknown;
            }[];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Invitation Id */
            invitation_id: string | null;
            /** Job Family */
            job_family: string | null;
            /** Kind */
            kind: string;
            /** Last Error */
            last_error: string | null;
            /** Locale */
            locale: string;
            /** Message Id */
            message_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            /** Position Id */
            position_id: string | null;
            /** Recipient */
            recipient: string | null;
            /** Reviewed By */
            reviewed_by: string | null;
            /** Send At */
            send_at: string | null;
            /** Sent At */
            sent_at: string | null;
            /** Stage */
            stage: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "scheduled" | "pending_review" | "sending" | "sent" | "failed" | "unknown" | "cancelled";
            /** Status Reason */
            status_reason: string | null;
            /** Subject */
            subject: string | null;
            survey: components["schemas"]["SurveyStatusRead"];
            /** Template Id */
            template_id: string | null;
            /** Template Name */
            template_name: string | null;
            /** Template Version */
            template_version: number | null;
            /** Timezone */
            timezone: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** NotifyRequest */
        NotifyRequest: {
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
        /** Page[ChatRobotRead] */
        Page_ChatRobotRead_: {
            /** Items */
            items: components["schemas"]["ChatRobotRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[DeliveryRead] */
        Page_DeliveryRead_: {
            /** Items */
            items: components["schemas"]["DeliveryRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[NotificationRead] */
        Page_NotificationRead_: {
            /** Items */
            items: components["schemas"]["NotificationRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[SubscriptionRead] */
        Page_SubscriptionRead_: {
            /** Items */
            items: components["schemas"]["SubscriptionRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[TemplateRead] */
        Page_TemplateRead_: {
            /** Items */
            items: components["schemas"]["TemplateRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
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
         * PositionOwners
         * @description Who answers for a position's hiring: its recruiter and its hiring manager.
         */
        PositionOwners: {
            hiring_manager?: components["schemas"]["PersonRef"] | null;
            recruiter?: components["schemas"]["PersonRef"] | null;
        };
        /** PositionRef */
        PositionRef: {
            /** Id */
            id: string;
            /**
             * Job Family
             * @default general
             */
            job_family: string;
            /** Org Unit Name */
            org_unit_name?: string | null;
            owners?: components["schemas"]["PositionOwners"] | null;
            /** Title */
            title: string;
            /** Titles */
            titles?: {
                [key: string]: string;
            };
            /** Version */
            version?: number | null;
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
         * QuietHours
         * @description The candidate's local night: no notice is sent from `start` to `end`.
         */
        QuietHours: {
            /**
             * End
             * Format: time
             * @default 08:00:00
             */
            end: string;
            /**
             * Start
             * Format: time
             * @default 21:00:00
             */
            start: string;
        };
        /** Reason */
        Reason: {
            /** Code */
            code: string;
            /** Text */
            text: string;
        };
        /**
         * RejectionNoticePreviewRequest
         * @description The fields of a `candidate-rejected` that decide its notice: who, which position,
         *     at which stage, what HR wrote, how close the panel's scores came, and over which
         *     channels. The notice is previewed as if the rejection happened now.
         */
        RejectionNoticePreviewRequest: {
            candidate: components["schemas"]["CandidateInfo"];
            notify?: components["schemas"]["NotifyRequest"];
            position: components["schemas"]["PositionRef"];
            /** Reasons */
            reasons?: components["schemas"]["Reason"][];
            scorecard?: components["schemas"]["Scorecard"] | null;
            /**
             * Stage
             * @default interview
             * @enum {string}
             */
            stage: "screening" | "interview" | "offer";
            /** Strengths */
            strengths?: string[];
            /** Suggestions */
            suggestions?: string[];
        };
        /** Scorecard */
        Scorecard: {
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
         * ShippedTemplateRead
         * @description The text this release ships for a template's key.
         */
        ShippedTemplateRead: {
            /** Body */
            body: string;
            /**
             * Changed
             * @description It differs from the shipped text this template was last set against
             */
            changed: boolean;
            /**
             * Digest
             * @description Fingerprint of this text: send it as shipped_digest when keeping yours
             */
            digest: string;
            /** Subject */
            subject: string | null;
        };
        /**
         * SubscriptionCreate
         * @description A new webhook subscription.
         */
        SubscriptionCreate: {
            /**
             * Active
             * @default true
             */
            active: boolean;
            /**
             * Description
             * @default
             */
            description: string;
            /**
             * Event Types
             * @description Event types to receive (docs/events.md); null or absent: every type
             * @example [
             *       "candidate-rejected",
             *       "candidate-hired"
             *     ]
             */
            event_types?: string[] | null;
            /**
             * Url
             * @example https://oa.example.com/hooks
             */
            url: string;
        };
        /**
         * SubscriptionRead
         * @description A webhook subscription (never its secret).
         */
        SubscriptionRead: {
            /** Active */
            active: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string;
            /** Description */
            description: string;
            /** Disabled At */
            disabled_at: string | null;
            /**
             * Disabled Reason
             * @description Why it is off: disabled by someone, a 410, or retries spent
             */
            disabled_reason: string | null;
            /**
             * Event Types
             * @description null: every event type
             */
            event_types: string[] | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Previous Secret Expires At
             * @description Until then deliveries also carry a signature with the previous secret
             */
            previous_secret_expires_at: string | null;
            /** Secret Rotated At */
            secret_rotated_at: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Updated By */
            updated_by: string;
            /** Url */
            url: string;
            /** Version */
            version: number;
        };
        /**
         * SubscriptionUpdate
         * @description Changes to a subscription (absent fields stay). `active: true` re-enables one that
         *     was disabled; its pending deliveries then go out.
         */
        SubscriptionUpdate: {
            /** Active */
            active?: boolean | null;
            /**
             * All Event Types
             * @description true: receive every type (clears event_types)
             */
            all_event_types?: boolean | null;
            /** Description */
            description?: string | null;
            /** Event Types */
            event_types?: string[] | null;
            /** Url */
            url?: string | null;
        };
        /**
         * SubscriptionWithSecret
         * @description A subscription with its signing secret, shown only now: store it.
         */
        SubscriptionWithSecret: {
            /** Active */
            active: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string;
            /** Description */
            description: string;
            /** Disabled At */
            disabled_at: string | null;
            /**
             * Disabled Reason
             * @description Why it is off: disabled by someone, a 410, or retries spent
             */
            disabled_reason: string | null;
            /**
             * Event Types
             * @description null: every event type
             */
            event_types: string[] | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Previous Secret Expires At
             * @description Until then deliveries also carry a signature with the previous secret
             */
            previous_secret_expires_at: string | null;
            /**
             * Secret
             * @description `whsec_` + base64; verify deliveries with it
             */
            secret: string;
            /** Secret Rotated At */
            secret_rotated_at: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Updated By */
            updated_by: string;
            /** Url */
            url: string;
            /** Version */
            version: number;
        };
        /**
         * SurveyAnswers
         * @description One candidate's answers. Ratings are 1–5 and optional: a partial answer still counts.
         */
        SurveyAnswers: {
            /** Comment */
            comment?: string | null;
            /** Detail */
            detail?: number | null;
            /** Helpfulness */
            helpfulness?: number | null;
            /** Open To Future Roles */
            open_to_future_roles?: boolean | null;
            /** Timeliness */
            timeliness?: number | null;
            /** Tone */
            tone?: number | null;
        };
        /**
         * SurveyReceipt
         * @description The answer was recorded.
         */
        SurveyReceipt: {
            /**
             * Answered At
             * Format: date-time
             */
            answered_at: string;
            /**
             * Notification Id
             * Format: uuid
             */
            notification_id: string;
            /** Times Answered */
            times_answered: number;
        };
        /**
         * SurveyStatusRead
         * @description A notice's survey as staff see it: whether it went out and was answered. Never the
         *     link: its token lets whoever holds it answer in the candidate's name.
         */
        SurveyStatusRead: {
            /** Answered */
            answered: boolean;
            /**
             * Answered At
             * @description The candidate's latest answer
             */
            answered_at: string | null;
            /**
             * Included
             * @description The notice carries a survey link
             */
            included: boolean;
            /**
             * Sent
             * @description The notice with the link went out
             */
            sent: boolean;
        };
        /**
         * TemplateCreate
         * @description A new template in the library.
         */
        TemplateCreate: {
            /**
             * Background
             * @description The candidate's background: `campus`, `experienced`, `career_change`, or `*` for any
             * @default *
             * @enum {string}
             */
            background: "campus" | "experienced" | "career_change" | "*";
            /**
             * Band
             * @description How close the candidate came (the scorecard's band): `close`, `far`, or `*` for any (and for candidates without a scorecard)
             * @default *
             * @enum {string}
             */
            band: "close" | "far" | "*";
            /** Body */
            body: string;
            /**
             * Channel
             * @enum {string}
             */
            channel: "email" | "sms";
            /**
             * Job Family
             * @default *
             */
            job_family: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "rejection" | "invitation" | "interview_invitation" | "interview_update" | "interview_cancellation" | "interview_reminder" | "scorecard_due";
            /**
             * Locale
             * @description BCP 47 tag, stored canonical: `zh_cn` → `zh-CN`
             * @example en
             * @example zh-CN
             */
            locale: string;
            /** Name */
            name?: string | null;
            /**
             * Stage
             * @default *
             * @enum {string}
             */
            stage: "screening" | "interview" | "offer" | "*";
            /** Subject */
            subject?: string | null;
        };
        /**
         * TemplatePreview
         * @description A rendered preview.
         */
        TemplatePreview: {
            /** Flags */
            flags: components["schemas"]["FlagRead"][];
            /** Html */
            html: string | null;
            /** Subject */
            subject: string | null;
            /** Text */
            text: string;
        };
        /**
         * TemplatePreviewRequest
         * @description What to render: the saved template (or unsaved `subject`/`body`) against a payload.
         */
        TemplatePreviewRequest: {
            /** Body */
            body?: string | null;
            /**
             * Payload
             * @description A candidate-rejected (talent-invited, interview-*) shaped payload; omitted → sample. An interview template is previewed as the candidate's email.
             */
            payload?: {
                [key: string]: unknown;
            } | null;
            /** Subject */
            subject?: string | null;
        };
        /**
         * TemplateRead
         * @description A template with its current version.
         */
        TemplateRead: {
            /** Background */
            background: string;
            /** Band */
            band: string;
            /** Body */
            body: string;
            /** Channel */
            channel: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Has Shipped Text
             * @description The release ships a text for this key (GET …/shipped reads it)
             */
            has_shipped_text: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Job Family */
            job_family: string;
            /** Kind */
            kind: string;
            /** Locale */
            locale: string;
            /** Name */
            name: string;
            /**
             * Shipped Changed
             * @description HR edited this template and the release now ships a different text for its key: compare (GET …/shipped), then adopt it or keep yours (PATCH with shipped_reviewed)
             */
            shipped_changed: boolean;
            /** Stage */
            stage: string;
            /** Subject */
            subject: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Updated By */
            updated_by: string;
            /** Version */
            version: number;
        };
        /**
         * TemplateUpdate
         * @description Changes to a template; each PATCH that changes text creates a new version.
         */
        TemplateUpdate: {
            /** Body */
            body?: string | null;
            /** Name */
            name?: string | null;
            /**
             * Shipped Digest
             * @description With shipped_reviewed: the digest of the shipped text HR compared (GET …/shipped); 409 if a release has shipped another one since
             */
            shipped_digest?: string | null;
            /**
             * Shipped Reviewed
             * @description HR compared this template with the shipped text (GET …/shipped) and keeps what it now says: clears shipped_changed until a release ships another text
             * @default false
             */
            shipped_reviewed: boolean;
            /** Subject */
            subject?: string | null;
        };
        /**
         * TemplateVersionRead
         * @description One past or current version of a template.
         */
        TemplateVersionRead: {
            /** Body */
            body: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By */
            created_by: string;
            /** Name */
            name: string;
            /** Subject */
            subject: string | null;
            /**
             * Template Id
             * Format: uuid
             */
            template_id: string;
            /** Version */
            version: number;
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
    get_alert_preferences_api_v1_alert_preferences_get: {
        parameters: {
            query?: {
                /** @description Whose preferences (a JWT subject); only hr_admin may name someone else. Default: the caller's. */
                subject?: string | null;
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
                    "application/json": components["schemas"]["AlertPreferencesRead"];
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
    put_alert_preferences_api_v1_alert_preferences_put: {
        parameters: {
            query?: {
                /** @description Whose preferences (a JWT subject); only hr_admin may name someone else. Default: the caller's. */
                subject?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertPreferencesUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPreferencesRead"];
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
    list_chat_robots_api_v1_chat_robots_get: {
        parameters: {
            query?: {
                scope?: ("position" | "org_unit" | "default") | null;
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
                    "application/json": components["schemas"]["Page_ChatRobotRead_"];
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
    create_chat_robot_api_v1_chat_robots_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatRobotInput"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatRobotRead"];
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
    get_chat_robot_api_v1_chat_robots__robot_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                robot_id: string;
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
                    "application/json": components["schemas"]["ChatRobotRead"];
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
    put_chat_robot_api_v1_chat_robots__robot_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                robot_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatRobotInput"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatRobotRead"];
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
    delete_chat_robot_api_v1_chat_robots__robot_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                robot_id: string;
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
    summary_api_v1_feedback_summary_get: {
        parameters: {
            query?: {
                /** @description week: the Monday (ISO date) of the week each notice was sent, oldest first; delay: minutes from the decision to sending, in buckets under_1h, 1h_to_1d, 1d_to_3d, over_3d (and unsent) */
                group_by?: "template" | "job_family" | "stage" | "week" | "delay";
                kind?: "rejection" | "invitation";
                /** @description Only this job family's notices */
                job_family?: string | null;
                /** @description Only the notices of this template */
                template_id?: string | null;
                /** @description Only notices sent at or after this time */
                sent_from?: string | null;
                /** @description Only notices sent before this time */
                sent_before?: string | null;
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
                    "application/json": components["schemas"]["FeedbackSummaryRead"];
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
    preview_rejection_notice_api_v1_notices_preview_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectionNoticePreviewRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticePreviewRead"][];
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
    list_notifications_api_v1_notifications_get: {
        parameters: {
            query?: {
                application_id?: string | null;
                candidate_id?: string | null;
                status?: ("scheduled" | "pending_review" | "sending" | "sent" | "failed" | "unknown" | "cancelled") | null;
                /** @description A notice kind (rejection, interview_invitation, alert.matches_found, …), or a family ending in .* (alert.*: every staff alert) */
                kind?: string | null;
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
                    "application/json": components["schemas"]["Page_NotificationRead_"];
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
    get_notification_api_v1_notifications__notification_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
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
                    "application/json": components["schemas"]["NotificationDetail"];
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
    edit_notification_api_v1_notifications__notification_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoticeEdit"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDetail"];
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
    approve_notification_api_v1_notifications__notification_id__approve_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
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
                    "application/json": components["schemas"]["NotificationDetail"];
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
    cancel_notification_api_v1_notifications__notification_id__cancel_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
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
                    "application/json": components["schemas"]["NotificationDetail"];
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
    resend_notification_api_v1_notifications__notification_id__resend_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
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
                    "application/json": components["schemas"]["NotificationDetail"];
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
    send_notification_now_api_v1_notifications__notification_id__send_now_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
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
                    "application/json": components["schemas"]["NotificationDetail"];
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
    get_settings_api_v1_settings_get: {
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
                    "application/json": components["schemas"]["NoticeSettingsRead"];
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
    put_settings_api_v1_settings_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoticeSettingsUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeSettingsRead"];
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
    submit_survey_api_v1_surveys__token__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token from the notice's link */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyAnswers"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyReceipt"];
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
            /** @description Gone for good (e.g. erased at the person's request) */
            410: {
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
            /** @description Too many requests; retry after the time in Retry-After */
            429: {
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
    list_templates_api_v1_templates_get: {
        parameters: {
            query?: {
                kind?: string | null;
                job_family?: string | null;
                stage?: string | null;
                band?: string | null;
                background?: string | null;
                locale?: string | null;
                channel?: string | null;
                /** @description true: the edited templates whose shipped text changed */
                shipped_changed?: boolean | null;
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
                    "application/json": components["schemas"]["Page_TemplateRead_"];
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
    create_template_api_v1_templates_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateRead"];
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
    get_template_api_v1_templates__template_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                template_id: string;
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
                    "application/json": components["schemas"]["TemplateRead"];
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
    update_template_api_v1_templates__template_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                template_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateRead"];
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
    preview_template_api_v1_templates__template_id__preview_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                template_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplatePreviewRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplatePreview"];
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
    shipped_text_api_v1_templates__template_id__shipped_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                template_id: string;
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
                    "application/json": components["schemas"]["ShippedTemplateRead"];
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
    template_versions_api_v1_templates__template_id__versions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                template_id: string;
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
                    "application/json": components["schemas"]["TemplateVersionRead"][];
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
    list_subscriptions_api_v1_webhook_subscriptions_get: {
        parameters: {
            query?: {
                active?: boolean | null;
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
                    "application/json": components["schemas"]["Page_SubscriptionRead_"];
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
    create_subscription_api_v1_webhook_subscriptions_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionWithSecret"];
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
    get_subscription_api_v1_webhook_subscriptions__subscription_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
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
                    "application/json": components["schemas"]["SubscriptionRead"];
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
    delete_subscription_api_v1_webhook_subscriptions__subscription_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
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
    update_subscription_api_v1_webhook_subscriptions__subscription_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionRead"];
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
    list_deliveries_api_v1_webhook_subscriptions__subscription_id__deliveries_get: {
        parameters: {
            query?: {
                status?: ("pending" | "delivering" | "delivered" | "failed" | "cancelled") | null;
                event_type?: string | null;
                /** @description Page size (default 50, at most 500) */
                limit?: number;
                /** @description Opaque cursor from the previous page's next_cursor */
                cursor?: string | null;
            };
            header?: never;
            path: {
                subscription_id: string;
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
                    "application/json": components["schemas"]["Page_DeliveryRead_"];
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
    redeliver_api_v1_webhook_subscriptions__subscription_id__deliveries__delivery_id__redeliver_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
                delivery_id: string;
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
                    "application/json": components["schemas"]["DeliveryRead"];
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
            /** @description Gone for good (e.g. erased at the person's request) */
            410: {
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
    rotate_secret_api_v1_webhook_subscriptions__subscription_id__rotate_secret_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                subscription_id: string;
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
                    "application/json": components["schemas"]["SubscriptionWithSecret"];
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
    survey_page_survey__token__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token from the notice's link */
                token: string;
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
                    "text/html": string;
                };
            };
            /** @description The link is not valid */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description The link has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
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
            /** @description Too many requests; retry after the time in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": unknown;
                    "text/html": components["schemas"]["Problem"];
                };
            };
        };
    };
    submit_survey_form_survey__token__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token from the notice's link */
                token: string;
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
                    "text/html": string;
                };
            };
            /** @description The link is not valid */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description The link has expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
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
            /** @description Too many requests; retry after the time in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": unknown;
                    "text/html": components["schemas"]["Problem"];
                };
            };
        };
    };
}
