// Generated from docs/openapi/org.json by `npm run gen:api` (make docs). Do not edit.
export interface paths {
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
         * Import org units, positions or people from CSV or XLSX
         * @description `dry_run=true` (the default) validates every row and reports what a real run would create, update or leave unchanged, writing nothing. `dry_run=false` is all-or-nothing: any bad row → 422 with the report and nothing written; otherwise rows are upserted by code (identical rows are not changes) and the reconciliation report gives counts before/after and a checksum of the key fields. Columns: org_units: code, name, kind, parent_code. positions: code, title, org_unit_code, job_family, headcount, status, location, min_years_experience, required_skills, preferred_skills, industries, education, languages, responsibilities, evaluation_scheme (lists separated by `;`; evaluation_scheme as `key:name:weight:department_code;…`). people: external_code, name, email, phone, locale, timezone, org_unit_code, manager_code, subject, active (upserted by external_code, the employee number; columns the file lacks keep their stored values; active: true/false, 在职/离职). Headers are matched without regard to case or spaces (`Org Unit Code` = `org_unit_code`), and the headers old systems export in Chinese and English are understood (部门编码, 职位名称, 工号, 姓名, 邮箱, 手机, Employee ID, …); at most 50,000 rows per file.
         */
        post: operations["import_file_api_v1_imports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List org units */
        get: operations["list_org_units_api_v1_org_units_get"];
        put?: never;
        /** Create an org unit */
        post: operations["create_org_unit_api_v1_org_units_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org-units/by-code/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or update an org unit by the ERP's code (idempotent)
         * @description 201 when created, 200 when updated or unchanged. `parent_code` names the parent by its code (an unknown code is a 422 naming it); fields you leave out keep their value. A rename or a move republishes the positions below, as PATCH does. Sending what is stored changes nothing: same version, no event, so a nightly sync can PUT the whole tree every night (parents first). `If-Match` is optional (412 on a stale version).
         */
        put: operations["upsert_org_unit_api_v1_org_units_by_code__code__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org-units/tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole org tree, nested (siblings by name) */
        get: operations["org_tree_api_v1_org_units_tree_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org-units/{unit_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an org unit (ETag = version) */
        get: operations["get_org_unit_api_v1_org_units__unit_id__get"];
        put?: never;
        post?: never;
        /** Delete an empty org unit */
        delete: operations["delete_org_unit_api_v1_org_units__unit_id__delete"];
        options?: never;
        head?: never;
        /**
         * Rename, re-kind, re-code or move an org unit (If-Match honoured)
         * @description A rename republishes every position below the unit (`updated`, changed_fields `org_unit`); a new `parent_id` is a move (see POST …/move).
         */
        patch: operations["update_org_unit_api_v1_org_units__unit_id__patch"];
        trace?: never;
    };
    "/api/v1/org-units/{unit_id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an org unit (and its subtree) under another parent
         * @description Refused with 409 when the new parent is inside the unit's subtree. Every position in the subtree gets a new version and publishes `position-changed` (`moved`).
         */
        post: operations["move_org_unit_api_v1_org_units__unit_id__move_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List and search the staff directory
         * @description `q` searches name, email and code (case-insensitive, substring); filter by org unit (with `include_subtree=true`, also every unit below it), `active` and `subject` (the JWT `sub`: who signs in as whom). Ordered by name.
         */
        get: operations["list_people_api_v1_people_get"];
        put?: never;
        /** Add a staff member (publishes `person-changed`, `created`) */
        post: operations["create_person_api_v1_people_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/by-code/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or update a staff member by the ERP's code (idempotent)
         * @description 201 when created, 200 when updated or unchanged. `org_unit_code` and `manager_code` name the unit and the manager by their codes (an unknown code is a 422 naming it). Fields you leave out keep their value. Sending what is stored changes nothing: same version, no event, so a nightly sync can PUT everyone every night. `If-Match` is optional (412 on a stale version).
         */
        put: operations["upsert_person_api_v1_people_by_code__code__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own directory entry (by the token's `sub`) */
        get: operations["my_person_api_v1_people_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{person_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a staff member (ETag = version) */
        get: operations["get_person_api_v1_people__person_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a staff member (partial; If-Match honoured)
         * @description A real change bumps `version` and publishes `person-changed` (`updated`); when the name, email, locale, time zone or subject changes, the positions the person owns republish `position-changed` (`updated`, changed_fields `owners`) in the same transaction. An edit that changes nothing does none of that.
         */
        patch: operations["update_person_api_v1_people__person_id__patch"];
        trace?: never;
    };
    "/api/v1/people/{person_id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a staff member (publishes `deactivated`)
         * @description The person keeps the positions they own (reactivation restores them as they were); nobody can be made an owner while deactivated. 409 when already inactive.
         */
        post: operations["deactivate_person_api_v1_people__person_id__deactivate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{person_id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a staff member (publishes `reactivated`) */
        post: operations["reactivate_person_api_v1_people__person_id__reactivate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List positions
         * @description Filter by org unit (with `include_subtree=true`, also every unit below it), status, job family and a search text `q` (part of the title or the code); ordered by creation.
         */
        get: operations["list_positions_api_v1_positions_get"];
        put?: never;
        /** Create a position (version 1) */
        post: operations["create_position_api_v1_positions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/positions/by-code/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or update a position by the ERP's code (idempotent)
         * @description 201 when created (version 1), 200 when updated or unchanged. References go by code: `org_unit_code`, `reports_to_code`, each dimension's `department_code`, and `owners.recruiter_code` / `owners.hiring_manager_code` (or their `_id`s); every unknown code is named in one 422. Fields you leave out keep their value, so a sync that only knows the structure never wipes the requirements HR maintains. Sending what is stored changes nothing: same version, no history row, no event. `If-Match` is optional (412 on a stale version).
         */
        put: operations["upsert_position_api_v1_positions_by_code__code__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/positions/{position_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a position (ETag = version) */
        get: operations["get_position_api_v1_positions__position_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a position (partial; If-Match honoured)
         * @description Send `If-Match: "<version>"` (the ETag) to refuse the change with 412 when someone else changed the position since you read it. Without If-Match (or with `*`) the change applies to the current version. A real change bumps `version`, records history and publishes `position-changed` (`updated`); an edit that changes nothing does none of that.
         */
        patch: operations["update_position_api_v1_positions__position_id__patch"];
        trace?: never;
    };
    "/api/v1/positions/{position_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a position for hiring (publishes `closed`) */
        post: operations["close_position_api_v1_positions__position_id__close_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/positions/{position_id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a position: what changed, who and when */
        get: operations["position_history_api_v1_positions__position_id__history_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/positions/{position_id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a closed position (publishes `reopened`) */
        post: operations["reopen_position_api_v1_positions__position_id__reopen_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vocabularies/education": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The education ladder and every spelling each level accepts */
        get: operations["list_education_api_v1_vocabularies_education_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vocabularies/education/{level}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add spellings to a ladder level (publishes `vocabulary-changed`)
         * @description The body is HR's whole list for the level. 201 when new, 200 when changed or unchanged. A spelling that already means another level is a 409 naming it. `If-Match` optional.
         */
        put: operations["put_education_api_v1_vocabularies_education__level__put"];
        post?: never;
        /** Remove HR's spellings of a level (publishes `vocabulary-changed`) */
        delete: operations["delete_education_api_v1_vocabularies_education__level__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vocabularies/skills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The effective skills synonym table (shipped + HR's)
         * @description Every skill screening, candidate inputs, matching and tags know, by key, with its labels and spellings. `custom_only=true` lists HR's entries only; `q` finds a skill by any spelling (substring, case-insensitive).
         */
        get: operations["list_skills_api_v1_vocabularies_skills_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vocabularies/skills/{skill}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One skill of the table, by any spelling (ETag = HR's entry version) */
        get: operations["get_skill_api_v1_vocabularies_skills__skill__get"];
        /**
         * Add a skill's synonyms and labels (publishes `vocabulary-changed`)
         * @description `skill` names a shipped skill by any spelling (HR's entry extends it) or a new skill. The body is HR's whole entry: aliases and labels left out are removed from it (the shipped ones stay). 201 when HR's entry is new, 200 when changed or unchanged (unchanged: no new version, no event). An alias or label that another skill already has is a 409 naming that skill. `If-Match` optional (412 on a stale version). Candidates already screened are not re-screened; new screenings and matches use it.
         */
        put: operations["put_skill_api_v1_vocabularies_skills__skill__put"];
        post?: never;
        /**
         * Remove HR's entry of a skill (publishes `vocabulary-changed`)
         * @description The shipped skill, if it is one, stays with its shipped spellings. 404 when HR has no entry for it. `If-Match` optional.
         */
        delete: operations["delete_skill_api_v1_vocabularies_skills__skill__delete"];
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
        /** Body_import_file_api_v1_imports_post */
        Body_import_file_api_v1_imports_post: {
            /**
             * Column Map
             * @description Your own mapping of the file's headers to our columns, as JSON: `{"Their header": "our_column"}`; it wins over the known aliases. The report's `column_mapping` says how each header was understood.
             */
            column_map?: string | null;
            /**
             * File
             * @description CSV (UTF-8 or GB 18030) or XLSX
             */
            file: string;
        };
        /** Checksums */
        Checksums: {
            /**
             * Database
             * @description the same checksum over the stored rows with those codes
             */
            database: string;
            /**
             * File
             * @description sha256 over the key fields of the imported rows
             */
            file: string;
            /** Key Fields */
            key_fields: string[];
            /** Match */
            match: boolean;
        };
        /** Counts */
        Counts: {
            /** Org Units */
            org_units: number;
            /** People */
            people: number;
            /** Positions */
            positions: number;
        };
        /**
         * CustomPart
         * @description What HR added to an entry: their spellings and labels, and the entry's version.
         */
        CustomPart: {
            /** Aliases */
            aliases: string[];
            /** Labels */
            labels?: {
                [key: string]: string;
            };
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Updated By */
            updated_by: string;
            /**
             * Version
             * @description Rises with every change of HR's entry; the ETag
             */
            version: number;
        };
        /**
         * DimensionByCodeIn
         * @description A dimension whose department is named by its org unit code.
         */
        DimensionByCodeIn: {
            /** Department Code */
            department_code?: string | null;
            /** Key */
            key: string;
            /** Name */
            name: string;
            /**
             * Names
             * @description Texts in other languages by locale, e.g. {"zh-CN": "市场经理", "en": …}; keys are stored canonical (`zh_cn` → `zh-CN`)
             */
            names?: {
                [key: string]: string;
            };
            /** Weight */
            weight: number;
        };
        /**
         * DimensionIn
         * @description One scored dimension and the department whose interviewers score it.
         */
        DimensionIn: {
            /** Department Id */
            department_id?: string | null;
            /** Key */
            key: string;
            /** Name */
            name: string;
            /**
             * Names
             * @description Texts in other languages by locale, e.g. {"zh-CN": "市场经理", "en": …}; keys are stored canonical (`zh_cn` → `zh-CN`)
             */
            names?: {
                [key: string]: string;
            };
            /** Weight */
            weight: number;
        };
        /** DimensionRead */
        DimensionRead: {
            /** Department Id */
            department_id: string | null;
            /** Key */
            key: string;
            /** Name */
            name: string;
            /**
             * Names
             * @description `name` in other languages, by locale
             */
            names: {
                [key: string]: string;
            };
            /** Weight */
            weight: number;
        };
        /**
         * EducationEntryPut
         * @description Spellings a ladder level also accepts ("统招本科", "Bachelor (Hons)").
         */
        EducationEntryPut: {
            /**
             * Aliases
             * @description At most 50, 80 characters each
             */
            aliases?: string[];
        };
        /**
         * EducationLevelRead
         * @description A ladder level (lowest first) and every spelling it accepts.
         */
        EducationLevelRead: {
            custom?: components["schemas"]["CustomPart"] | null;
            /** Level */
            level: string;
            /**
             * Spellings
             * @description Normalised (NFKC, case-folded), shipped and HR's
             */
            spellings: string[];
        };
        /**
         * EvaluationSchemeByCodeIn
         * @description Dimensions with weights that sum to 1, departments by code.
         */
        EvaluationSchemeByCodeIn: {
            /** Dimensions */
            dimensions?: components["schemas"]["DimensionByCodeIn"][];
        };
        /**
         * EvaluationSchemeIn
         * @description Dimensions with weights that sum to 1.
         */
        EvaluationSchemeIn: {
            /** Dimensions */
            dimensions?: components["schemas"]["DimensionIn"][];
        };
        /** EvaluationSchemeRead */
        EvaluationSchemeRead: {
            /** Dimensions */
            dimensions: components["schemas"]["DimensionRead"][];
        };
        /** FieldChangeRead */
        FieldChangeRead: {
            /** Field */
            field: string;
            /** New */
            new: unknown;
            /** Old */
            old: unknown;
        };
        /** FieldProblem */
        FieldProblem: {
            /** Loc */
            loc: (string | number)[];
            /** Msg */
            msg: string;
        };
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /**
         * ImportReportRead
         * @description Validation report (per row) and, when the file is valid, the reconciliation.
         */
        ImportReportRead: {
            /**
             * Column Mapping
             * @description How each header of the file was understood, in file order: the column it was read as (through the known aliases or your column_map), or null when the import does not read it
             */
            column_mapping: {
                [key: string]: string | null;
            };
            /** Dry Run */
            dry_run: boolean;
            /** Events Published */
            events_published: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "org_units" | "positions" | "people";
            /** Ok */
            ok: boolean;
            /** Problems */
            problems: components["schemas"]["RowProblemRead"][];
            /** @description What was (or, in a dry run, would be) written */
            reconciliation: components["schemas"]["Reconciliation"] | null;
            /** Rows With Problems */
            rows_with_problems: number;
            /** Total Rows */
            total_rows: number;
            /** Valid Rows */
            valid_rows: number;
            /**
             * Written
             * @description True when the import was committed
             */
            written: boolean;
        };
        /**
         * OrgUnitCreate
         * @description A new org unit; without `parent_id` it is a root (a company).
         */
        OrgUnitCreate: {
            /**
             * Code
             * @description External (ERP) id; unique
             */
            code?: string | null;
            /**
             * Kind
             * @description company, business_unit, division, department or team
             */
            kind: string;
            /** Name */
            name: string;
            /** Parent Id */
            parent_id?: string | null;
        };
        /**
         * OrgUnitMove
         * @description The new parent; `null` makes the unit a root.
         */
        OrgUnitMove: {
            /** Parent Id */
            parent_id: string | null;
        };
        /**
         * OrgUnitMoved
         * @description The moved unit and how many positions got a new version.
         */
        OrgUnitMoved: {
            /** Code */
            code: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Depth */
            depth: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
            /** Parent Id */
            parent_id: string | null;
            /**
             * Path
             * @description Ids root first, ending with this unit
             */
            path: string[];
            /**
             * Path Names
             * @description Names along `path`
             */
            path_names: string[];
            /** Positions Republished */
            positions_republished: number;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Version
             * @description Rises when the unit's own fields change; the ETag
             */
            version: number;
        };
        /**
         * OrgUnitNode
         * @description A unit in the nested tree.
         */
        OrgUnitNode: {
            /** Children */
            children: components["schemas"]["OrgUnitNode"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
            /** Parent Id */
            parent_id: string | null;
        };
        /**
         * OrgUnitRead
         * @description An org unit with its materialised path.
         */
        OrgUnitRead: {
            /** Code */
            code: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Depth */
            depth: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Name */
            name: string;
            /** Parent Id */
            parent_id: string | null;
            /**
             * Path
             * @description Ids root first, ending with this unit
             */
            path: string[];
            /**
             * Path Names
             * @description Names along `path`
             */
            path_names: string[];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Version
             * @description Rises when the unit's own fields change; the ETag
             */
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
         * OrgUnitUpdate
         * @description Fields to change; `parent_id` moves the unit (same rules as POST …/move).
         */
        OrgUnitUpdate: {
            /**
             * Code
             * @description External (ERP) id; unique
             */
            code?: string | null;
            /** Kind */
            kind?: string | null;
            /** Name */
            name?: string | null;
            /** Parent Id */
            parent_id?: string | null;
        };
        /**
         * OrgUnitUpsert
         * @description A unit by the ERP's code (PUT …/by-code/{code}).
         *
         *     Fields you send replace the stored ones; fields you leave out keep their value (a new
         *     unit needs `name` and `kind`). `parent_code` names the parent by its code; `null` makes
         *     the unit a root, unless its current parent has no code (the ERP cannot name it): then
         *     the unit stays where HR put it, as a file import does.
         */
        OrgUnitUpsert: {
            /**
             * Kind
             * @description company, business_unit, division, …
             */
            kind?: string | null;
            /** Name */
            name?: string | null;
            /** Parent Code */
            parent_code?: string | null;
        };
        /**
         * OwnersByCodeIn
         * @description Owners by id or by the people's external codes (one of the two per owner).
         */
        OwnersByCodeIn: {
            /** Hiring Manager Code */
            hiring_manager_code?: string | null;
            /** Hiring Manager Id */
            hiring_manager_id?: string | null;
            /** Recruiter Code */
            recruiter_code?: string | null;
            /** Recruiter Id */
            recruiter_id?: string | null;
        };
        /**
         * OwnersIn
         * @description Who answers for the position's hiring: people of the directory, by id.
         */
        OwnersIn: {
            /** Hiring Manager Id */
            hiring_manager_id?: string | null;
            /** Recruiter Id */
            recruiter_id?: string | null;
        };
        /** Page[OrgUnitRead] */
        Page_OrgUnitRead_: {
            /** Items */
            items: components["schemas"]["OrgUnitRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[PersonRead] */
        Page_PersonRead_: {
            /** Items */
            items: components["schemas"]["PersonRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[PositionRead] */
        Page_PositionRead_: {
            /** Items */
            items: components["schemas"]["PositionRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[PositionVersionRead] */
        Page_PositionVersionRead_: {
            /** Items */
            items: components["schemas"]["PositionVersionRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /** Page[SkillRead] */
        Page_SkillRead_: {
            /** Items */
            items: components["schemas"]["SkillRead"][];
            /** Next Cursor */
            next_cursor?: string | null;
        };
        /**
         * PersonCreate
         * @description A staff member; `subject` is the JWT `sub` that signs in as them.
         */
        PersonCreate: {
            /** Email */
            email?: string | null;
            /**
             * External Code
             * @description External (ERP) id; unique
             */
            external_code?: string | null;
            /**
             * Locale
             * @description BCP 47 tag, stored canonical: `zh_cn` → `zh-CN`
             * @default en
             * @example en
             * @example zh-CN
             */
            locale: string;
            /** Manager Id */
            manager_id?: string | null;
            /** Name */
            name: string;
            /** Org Unit Id */
            org_unit_id?: string | null;
            /** Phone */
            phone?: string | null;
            /**
             * Subject
             * @description The JWT `sub` that signs in as this person; unique
             */
            subject?: string | null;
            /**
             * Timezone
             * @description IANA time zone, stored in its canonical case: `asia/shanghai` → `Asia/Shanghai`
             * @default UTC
             * @example Asia/Shanghai
             */
            timezone: string;
        };
        /**
         * PersonRead
         * @description A staff member of the directory (the `person-changed` snapshot plus timestamps).
         */
        PersonRead: {
            /** Active */
            active: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Email */
            email: string | null;
            /** External Code */
            external_code: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Locale */
            locale: string;
            /** Manager Id */
            manager_id: string | null;
            /** Name */
            name: string;
            /** Org Unit Id */
            org_unit_id: string | null;
            /** Phone */
            phone: string | null;
            /**
             * Subject
             * @description The JWT `sub` that signs in as this person
             */
            subject: string | null;
            /** Timezone */
            timezone: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
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
         * PersonUpdate
         * @description Fields to change; active/inactive is changed with POST …/deactivate and …/reactivate.
         */
        PersonUpdate: {
            /** Email */
            email?: string | null;
            /**
             * External Code
             * @description External (ERP) id; unique
             */
            external_code?: string | null;
            /** Locale */
            locale?: string | null;
            /** Manager Id */
            manager_id?: string | null;
            /** Name */
            name?: string | null;
            /** Org Unit Id */
            org_unit_id?: string | null;
            /** Phone */
            phone?: string | null;
            /**
             * Subject
             * @description The JWT `sub` that signs in as this person; unique
             */
            subject?: string | null;
            /** Timezone */
            timezone?: string | null;
        };
        /**
         * PersonUpsert
         * @description A staff member by the ERP's code (PUT …/by-code/{code}); unit and manager by code.
         *
         *     Fields you send replace the stored ones; fields you leave out keep their value (a new
         *     person needs `name`). `active: false` deactivates, `true` reactivates.
         */
        PersonUpsert: {
            /** Active */
            active?: boolean | null;
            /** Email */
            email?: string | null;
            /** Locale */
            locale?: string | null;
            /** Manager Code */
            manager_code?: string | null;
            /** Name */
            name?: string | null;
            /** Org Unit Code */
            org_unit_code?: string | null;
            /** Phone */
            phone?: string | null;
            /**
             * Subject
             * @description The JWT `sub` that signs in as this person; unique
             */
            subject?: string | null;
            /** Timezone */
            timezone?: string | null;
        };
        /**
         * PositionCreate
         * @description A new position (version 1).
         */
        PositionCreate: {
            /**
             * Code
             * @description External (ERP) id; unique
             */
            code?: string | null;
            evaluation_scheme?: components["schemas"]["EvaluationSchemeIn"];
            /**
             * Headcount
             * @default 1
             */
            headcount: number;
            /**
             * Job Family
             * @default general
             */
            job_family: string;
            /** Location */
            location?: string | null;
            /**
             * Org Unit Id
             * Format: uuid
             */
            org_unit_id: string;
            owners?: components["schemas"]["OwnersIn"];
            /** Reports To Position Id */
            reports_to_position_id?: string | null;
            requirements?: components["schemas"]["RequirementsIn"];
            /** Responsibilities */
            responsibilities?: string[];
            /**
             * Status
             * @default open
             * @enum {string}
             */
            status: "open" | "closed";
            /** Title */
            title: string;
            /**
             * Titles
             * @description Texts in other languages by locale, e.g. {"zh-CN": "市场经理", "en": …}; keys are stored canonical (`zh_cn` → `zh-CN`)
             */
            titles?: {
                [key: string]: string;
            };
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
         * PositionRead
         * @description A position: the `position-changed` snapshot plus code and timestamps.
         */
        PositionRead: {
            /** Code */
            code: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            evaluation_scheme: components["schemas"]["EvaluationSchemeRead"];
            /** Headcount */
            headcount: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Job Family */
            job_family: string;
            /** Location */
            location: string | null;
            org_unit: components["schemas"]["OrgUnitRef"];
            /** @description Recruiter and hiring manager, as events carry them */
            owners: components["schemas"]["PositionOwners"];
            /** Reports To Position Id */
            reports_to_position_id: string | null;
            requirements: components["schemas"]["RequirementsRead"];
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
             * @description `title` in other languages, by locale
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
        /**
         * PositionUpdate
         * @description Fields to change. `requirements` merges; `evaluation_scheme` is replaced as a whole.
         *
         *     Open/closed is changed with POST …/close and …/reopen, so the change is explicit in the
         *     event (`closed`/`reopened`).
         */
        PositionUpdate: {
            /**
             * Code
             * @description External (ERP) id; unique
             */
            code?: string | null;
            evaluation_scheme?: components["schemas"]["EvaluationSchemeIn"] | null;
            /** Headcount */
            headcount?: number | null;
            /** Job Family */
            job_family?: string | null;
            /** Location */
            location?: string | null;
            /** Org Unit Id */
            org_unit_id?: string | null;
            /** @description Merges: an owner you leave out keeps; `null` clears one */
            owners?: components["schemas"]["OwnersIn"] | null;
            /** Reports To Position Id */
            reports_to_position_id?: string | null;
            requirements?: components["schemas"]["RequirementsPatch"] | null;
            /** Responsibilities */
            responsibilities?: string[] | null;
            /** Title */
            title?: string | null;
            /** Titles */
            titles?: {
                [key: string]: string;
            } | null;
        };
        /**
         * PositionUpsert
         * @description A position by the ERP's code (PUT …/by-code/{code}); references go by code too.
         *
         *     Fields you send replace the stored ones (`requirements`, `evaluation_scheme` and `owners`
         *     each as a whole); fields you leave out keep their value, so a sync that only knows the
         *     structure (title, unit, headcount) never wipes the requirements HR maintains. A new
         *     position needs `title` and `org_unit_code`.
         */
        PositionUpsert: {
            evaluation_scheme?: components["schemas"]["EvaluationSchemeByCodeIn"] | null;
            /** Headcount */
            headcount?: number | null;
            /** Job Family */
            job_family?: string | null;
            /** Location */
            location?: string | null;
            /** Org Unit Code */
            org_unit_code?: string | null;
            owners?: components["schemas"]["OwnersByCodeIn"] | null;
            /** Reports To Code */
            reports_to_code?: string | null;
            requirements?: components["schemas"]["RequirementsIn"] | null;
            /** Responsibilities */
            responsibilities?: string[] | null;
            /** Status */
            status?: ("open" | "closed") | null;
            /** Title */
            title?: string | null;
            /** Titles */
            titles?: {
                [key: string]: string;
            } | null;
        };
        /**
         * PositionVersionRead
         * @description One version: what changed, who changed it and when, and the snapshot after it.
         */
        PositionVersionRead: {
            /** Change */
            change: string;
            /**
             * Changed At
             * Format: date-time
             */
            changed_at: string;
            /** Changed By */
            changed_by: string;
            /**
             * Changed Fields
             * @description The names of the fields this version changed.
             */
            readonly changed_fields: string[];
            /** Changes */
            changes: components["schemas"]["FieldChangeRead"][];
            /** Snapshot */
            snapshot: {
                [key: string]: unknown;
            };
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
         * Reconciliation
         * @description Before/after counts and checksums so the ERP side can verify the migration.
         */
        Reconciliation: {
            after: components["schemas"]["Counts"];
            before: components["schemas"]["Counts"];
            checksum: components["schemas"]["Checksums"];
            /** Created */
            created: number;
            /** Unchanged */
            unchanged: number;
            /** Updated */
            updated: number;
        };
        /**
         * RequirementsIn
         * @description What a candidate must bring; skills are normalised (trimmed, lower case, unique).
         */
        RequirementsIn: {
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
         * RequirementsPatch
         * @description Requirement fields to change; the others keep their values (merge patch).
         */
        RequirementsPatch: {
            /** Education */
            education?: ("none" | "secondary" | "associate" | "bachelor" | "master" | "phd") | null;
            /** Industries */
            industries?: string[] | null;
            /** Languages */
            languages?: string[] | null;
            /** Min Years Experience */
            min_years_experience?: number | null;
            /** Preferred Skills */
            preferred_skills?: string[] | null;
            /** Required Skills */
            required_skills?: string[] | null;
        };
        /** RequirementsRead */
        RequirementsRead: {
            /** Education */
            education: string;
            /** Industries */
            industries: string[];
            /** Languages */
            languages: string[];
            /** Min Years Experience */
            min_years_experience: number;
            /** Preferred Skills */
            preferred_skills: string[];
            /** Required Skills */
            required_skills: string[];
        };
        /** RowProblemRead */
        RowProblemRead: {
            /** Column */
            column: string;
            /** Problem */
            problem: string;
            /**
             * Row
             * @description Spreadsheet row number (header = 1)
             */
            row: number;
        };
        /**
         * SkillEntryPut
         * @description A skill of the company's vocabulary: its extra spellings and per-locale labels.
         *
         *     The whole custom entry: aliases and labels you leave out are removed from it (the
         *     shipped ones stay). Aliases may be in any language ("K8s", "容器编排").
         */
        SkillEntryPut: {
            /**
             * Aliases
             * @description Other spellings (at most 20, 80 characters each)
             */
            aliases?: string[];
            /** Family */
            family?: string | null;
            /**
             * Labels
             * @description The skill as readers of a locale see it: {"zh-CN": "容器编排"}
             */
            labels?: {
                [key: string]: string;
            };
        };
        /**
         * SkillRead
         * @description A skill of the effective table: every spelling screening and matching accept.
         */
        SkillRead: {
            /**
             * Aliases
             * @description Every other spelling (shipped and HR's)
             */
            aliases: string[];
            /** @description HR's part, if any */
            custom?: components["schemas"]["CustomPart"] | null;
            /** Family */
            family?: string | null;
            /**
             * Key
             * @description What services store and compare ('kubernetes')
             */
            key: string;
            /**
             * Labels
             * @description The skill per locale (shipped and HR's)
             */
            labels: {
                [key: string]: string;
            };
            /**
             * Source
             * @description `custom` when HR added to it or created it
             * @enum {string}
             */
            source: "default" | "custom";
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
    import_file_api_v1_imports_post: {
        parameters: {
            query: {
                kind: "org_units" | "positions" | "people";
                /** @description Validate and preview only */
                dry_run?: boolean;
                /** @description Your own mapping of the file's headers to our columns, as JSON: `{"Their header": "our_column"}`; it wins over the known aliases. The report's `column_mapping` says how each header was understood. */
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
                    "application/json": components["schemas"]["ImportReportRead"];
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
    list_org_units_api_v1_org_units_get: {
        parameters: {
            query?: {
                /** @description Only direct children */
                parent_id?: string | null;
                /** @description Only units of this kind */
                kind?: string | null;
                /** @description Name, code or path of names ("Acme / R&D"), case-insensitive, substring */
                q?: string | null;
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
                    "application/json": components["schemas"]["Page_OrgUnitRead_"];
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
    create_org_unit_api_v1_org_units_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrgUnitCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitRead"];
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
    upsert_org_unit_api_v1_org_units_by_code__code__put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description The ERP's code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrgUnitUpsert"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitRead"];
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
    org_tree_api_v1_org_units_tree_get: {
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
                    "application/json": components["schemas"]["OrgUnitNode"][];
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
    get_org_unit_api_v1_org_units__unit_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
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
                    "application/json": components["schemas"]["OrgUnitRead"];
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
    delete_org_unit_api_v1_org_units__unit_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unit_id: string;
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
    update_org_unit_api_v1_org_units__unit_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrgUnitUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitRead"];
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
    move_org_unit_api_v1_org_units__unit_id__move_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                unit_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrgUnitMove"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUnitMoved"];
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
    list_people_api_v1_people_get: {
        parameters: {
            query?: {
                /** @description Name, email or code */
                q?: string | null;
                org_unit_id?: string | null;
                /** @description Include units below org_unit_id */
                include_subtree?: boolean;
                active?: boolean | null;
                subject?: string | null;
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
                    "application/json": components["schemas"]["Page_PersonRead_"];
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
    create_person_api_v1_people_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonRead"];
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
    upsert_person_api_v1_people_by_code__code__put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description The ERP's code (工号) */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonUpsert"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonRead"];
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
    my_person_api_v1_people_me_get: {
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
                    "application/json": components["schemas"]["PersonRead"];
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
        };
    };
    get_person_api_v1_people__person_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                person_id: string;
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
                    "application/json": components["schemas"]["PersonRead"];
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
    update_person_api_v1_people__person_id__patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                person_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonRead"];
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
    deactivate_person_api_v1_people__person_id__deactivate_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                person_id: string;
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
                    "application/json": components["schemas"]["PersonRead"];
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
    reactivate_person_api_v1_people__person_id__reactivate_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                person_id: string;
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
                    "application/json": components["schemas"]["PersonRead"];
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
    list_positions_api_v1_positions_get: {
        parameters: {
            query?: {
                org_unit_id?: string | null;
                /** @description Include units below org_unit_id */
                include_subtree?: boolean;
                status?: ("open" | "closed") | null;
                job_family?: string | null;
                /** @description Part of the title or the code */
                q?: string | null;
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
                    "application/json": components["schemas"]["Page_PositionRead_"];
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
    create_position_api_v1_positions_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PositionCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionRead"];
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
    upsert_position_api_v1_positions_by_code__code__put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description The ERP's code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PositionUpsert"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionRead"];
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
    get_position_api_v1_positions__position_id__get: {
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
                    "application/json": components["schemas"]["PositionRead"];
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
    update_position_api_v1_positions__position_id__patch: {
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
                "application/json": components["schemas"]["PositionUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionRead"];
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
    close_position_api_v1_positions__position_id__close_post: {
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
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionRead"];
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
    position_history_api_v1_positions__position_id__history_get: {
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
                    "application/json": components["schemas"]["Page_PositionVersionRead_"];
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
    reopen_position_api_v1_positions__position_id__reopen_post: {
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
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionRead"];
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
    list_education_api_v1_vocabularies_education_get: {
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
                    "application/json": components["schemas"]["EducationLevelRead"][];
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
    put_education_api_v1_vocabularies_education__level__put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description A ladder level */
                level: "none" | "secondary" | "associate" | "bachelor" | "master" | "phd";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EducationEntryPut"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EducationLevelRead"];
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
    delete_education_api_v1_vocabularies_education__level__delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description A ladder level */
                level: "none" | "secondary" | "associate" | "bachelor" | "master" | "phd";
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
    list_skills_api_v1_vocabularies_skills_get: {
        parameters: {
            query?: {
                /** @description Only skills HR added to */
                custom_only?: boolean;
                q?: string | null;
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
                    "application/json": components["schemas"]["Page_SkillRead_"];
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
    get_skill_api_v1_vocabularies_skills__skill__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The skill: its key or any spelling of it ('kubernetes', 'K8s'), or a new one */
                skill: string;
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
                    "application/json": components["schemas"]["SkillRead"];
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
    put_skill_api_v1_vocabularies_skills__skill__put: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description The skill: its key or any spelling of it ('kubernetes', 'K8s'), or a new one */
                skill: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SkillEntryPut"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SkillRead"];
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
    delete_skill_api_v1_vocabularies_skills__skill__delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag from GET (e.g. "3"). Optional: without it (or with `*`) the change applies to the current version; with a stale one → 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description The skill: its key or any spelling of it ('kubernetes', 'K8s'), or a new one */
                skill: string;
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
