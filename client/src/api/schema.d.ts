// Generated from openapi.json by `npm run api:generate`; do not edit.

export interface paths {
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listCampaigns"];
        put?: never;
        post: operations["createCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateCampaign"];
        trace?: never;
    };
    "/api/campaigns/{id}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAssessments"];
        put: operations["saveAssessments"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/assessments.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["exportAssessments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/assessments/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["importAssessments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/awards/{unitType}/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["overrideAward"];
        post?: never;
        delete: operations["clearAwardOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/awards/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["confirmAwards"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/case-figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getCaseFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listCases"];
        put?: never;
        post: operations["createCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/cases.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["exportCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["closeCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/csr/authoritative-template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["authoritativeTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/csr/authoritative/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["importAuthoritative"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/csr/declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listDeclarations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/csr/declarations.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["exportDeclarations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/csr/declarations/{uscc}/figures/{figure}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["checkFigure"];
        post?: never;
        delete: operations["resetFigure"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listInvitations"];
        put?: never;
        post: operations["generateInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/invitations.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["exportInvitationsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/invitations.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["exportInvitationsXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/invitations/{invitationId}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["invitationQrCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/invitations/{invitationId}/reissue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["reissueInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/invitations/{invitationId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["revokeInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/non-responders.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["exportNonResponders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["openCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["publishCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/ratings.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["exportRatings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/results.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["exportResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/results/computation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getComputation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/results/compute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["computeResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/scoring-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["updateScoringConfig"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listCaseCategories"];
        put?: never;
        post: operations["createCaseCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case-categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateCaseCategory"];
        trace?: never;
    };
    "/api/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["actOnCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/{kind}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteDirectoryRecord"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/{kind}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["exportDirectory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/{kind}/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["directoryTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listDepartments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/departments/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["saveDepartment"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/districts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listDistricts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/districts/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["saveDistrict"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listEnterprises"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/enterprises/{uscc}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["saveEnterprise"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["importDirectory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evaluations/{id}/questionnaires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listQuestionnaireVersions"];
        put?: never;
        post: operations["saveQuestionnaire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evaluations/{id}/questionnaires/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getQuestionnaireVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/results/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getPublicResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/responses/{responseId}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["voidBallot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/s/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["openLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/s/{token}/{evaluationId}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["saveDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/s/{token}/{evaluationId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/s/{token}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listRaterCases"];
        put?: never;
        post: operations["raiseComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/s/{token}/cases/{caseId}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["rateHandling"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scoring-method": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getScoringMethod"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listUsers"];
        put?: never;
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/working-day-calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listCalendarYears"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/working-day-calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["saveCalendarYear"];
        post?: never;
        delete: operations["resetCalendarYear"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AnswersDto: {
            /** @description The SurveyJS answers keyed by question value name. */
            data: {
                [key: string]: unknown;
            };
        };
        AssessmentDto: {
            /** @description The category the unit is ranked in: a department's own, or 县(市)、区 / 开发区 for a district. */
            category: string;
            code: string;
            /** @description 责任书检查 */
            inspectionScore: number | null;
            nameEn: string;
            nameZh: string;
            /** @description A district's objective indicators as entered; null: computed from its cases. Districts only. */
            objectiveScore: number | null;
            /** @description 自查材料齐全; false when not entered; null for a district. */
            selfInspectionComplete: boolean | null;
            /** @description 自查; departments only. */
            selfInspectionScore: number | null;
            /** @enum {string} */
            unitType: "department" | "district";
            /**
             * Format: date-time
             * @description Last change; null when nothing was ever entered.
             */
            updatedAt: string | null;
            /** @description 一票否决: the reason; null when the unit is not vetoed. */
            vetoReason: string | null;
        };
        AssessmentImportResultDto: {
            /** @description True when nothing was written (preview). */
            dryRun: boolean;
            /** @description Units given with the values they already had. */
            unchanged: number;
            /** @description Units whose values changed (or would change, on a dry run). */
            updated: number;
        };
        AssessmentItemDto: {
            code: string;
            /** @description Omit to keep; null clears. */
            inspectionScore?: number | null;
            /** @description Districts only. Omit to keep; null: computed from the district's cases. */
            objectiveScore?: number | null;
            /** @description Departments only. Omit to keep; null is false. */
            selfInspectionComplete?: boolean | null;
            /** @description Departments only. Omit to keep; null clears. */
            selfInspectionScore?: number | null;
            /** @enum {string} */
            unitType: "department" | "district";
            /** @description Omit to keep; null lifts the veto. */
            vetoReason?: string | null;
        };
        AuditEntryDto: {
            /** @description Controller.handler of the route, e.g. UsersController.createUser */
            action: string;
            actorUsername: string | null;
            after: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            at: string;
            before: {
                [key: string]: unknown;
            } | null;
            entity: string | null;
            entityId: string | null;
            id: string;
            method: string;
            path: string;
            requestId: string;
            statusCode: number;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            total: number;
        };
        AwardDto: {
            /**
             * @description service-unit 优质服务单位; investment-district 投资环境优秀区域; csr-enterprise 社会责任先进企业.
             * @enum {string}
             */
            award: "service-unit" | "investment-district" | "csr-enterprise";
            /** @description The decision: the proposal unless the office overrode it. */
            awarded: boolean;
            category: string;
            /** @description Department or district code; an enterprise's USCC. */
            code: string;
            composite: number | null;
            flags: string[];
            nameEn: string;
            nameZh: string;
            overrideReason: string | null;
            pInQuota: number | null;
            /** @description What the rules propose. */
            proposed: boolean;
            rank: number | null;
            /** @enum {string} */
            unitType: "department" | "district" | "enterprise";
        };
        AwardOverrideDto: {
            awarded: boolean;
            /** @description Why the office decides against the rules; required, kept in the audit log. */
            reason: string;
        };
        CalendarYearDto: {
            /** @description Days off on weekdays, YYYY-MM-DD. */
            holidays: string[];
            /**
             * @description The State Council's arrangement as built in, the office's version, or none (plain Monday to Friday).
             * @enum {string}
             */
            source: "built-in" | "office" | "none";
            /** @description 调休: working Saturdays and Sundays, YYYY-MM-DD. */
            workdays: string[];
            year: number;
        };
        CalendarYearInputDto: {
            holidays: string[];
            workdays: string[];
        };
        CampaignDto: {
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            closesAt: string | null;
            /** Format: date-time */
            createdAt: string;
            evaluations: components["schemas"]["EvaluationDto"][];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            openedAt: string | null;
            /** Format: date-time */
            opensAt: string | null;
            /** Format: date-time */
            publishedAt: string | null;
            /** @description The scoring configuration (SCORING.md), frozen once the campaign opens. */
            scoringConfig: {
                [key: string]: unknown;
            };
            slug: string;
            status: components["schemas"]["CampaignStatus"];
            title: string;
            year: number;
        };
        /** @enum {string} */
        CampaignStatus: "draft" | "open" | "closed" | "published";
        CaseActionDto: {
            /** @description accept, assign: the category code. */
            categoryCode?: string;
            /**
             * Format: date
             * @description assign: the last day allowed (Beijing date); by default 15 working days.
             */
            deadline?: string;
            /** @description merge: the number of the case this one duplicates (its part after the dash). */
            intoNumber?: number;
            /** @description close: whether the problem was put right; omit where it does not apply. */
            rectified?: boolean;
            /** @description reject: why; reply: the answer to the enterprise; send-back and reopen: why. */
            text?: string;
            /** @description assign: the department or district code. */
            unitCode?: string;
        };
        CaseCategoryDto: {
            active: boolean;
            code: string;
            nameEn: string;
            nameZh: string;
        };
        CaseCategoryListItemDto: {
            active: boolean;
            code: string;
            nameEn: string;
            nameZh: string;
            position: number;
        };
        CaseDetailDto: {
            /** Format: date-time */
            acceptedAt: string | null;
            /** @description What the caller may do next. */
            allowedActions: ("accept" | "reject" | "merge" | "assign" | "start" | "reply" | "close" | "send-back" | "reopen")[];
            /** Format: date-time */
            assignedAt: string | null;
            category: components["schemas"]["CaseCategoryDto"] | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deadline: string | null;
            /** @description Hidden from the unit unless the enterprise agreed to share who it is. */
            enterprise: components["schemas"]["CaseEnterpriseDto"] | null;
            events: components["schemas"]["CaseEventDto"][];
            /** @enum {string|null} */
            handlingRating: "satisfied" | "basically" | "dissatisfied" | null;
            /** Format: uuid */
            id: string;
            identityShared: boolean;
            mergedInto: string | null;
            /** @description The campaign year and the case number, e.g. 2026-0042. */
            number: string;
            /** @description With a unit and past its deadline. */
            overdue: boolean;
            receivedVia: string | null;
            rectified: boolean | null;
            rejectReason: string | null;
            /** Format: date-time */
            repliedAt: string | null;
            reply: string | null;
            /** @enum {string} */
            source: "ballot" | "complaint" | "office";
            /** @enum {string} */
            status: "new" | "accepted" | "rejected" | "merged" | "assigned" | "in-progress" | "replied" | "closed" | "reopened";
            text: string;
            unit: components["schemas"]["CaseUnitDto"] | null;
        };
        CaseDto: {
            /** Format: date-time */
            acceptedAt: string | null;
            /** @description What the caller may do next. */
            allowedActions: ("accept" | "reject" | "merge" | "assign" | "start" | "reply" | "close" | "send-back" | "reopen")[];
            /** Format: date-time */
            assignedAt: string | null;
            category: components["schemas"]["CaseCategoryDto"] | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deadline: string | null;
            /** @description Hidden from the unit unless the enterprise agreed to share who it is. */
            enterprise: components["schemas"]["CaseEnterpriseDto"] | null;
            /** @enum {string|null} */
            handlingRating: "satisfied" | "basically" | "dissatisfied" | null;
            /** Format: uuid */
            id: string;
            identityShared: boolean;
            mergedInto: string | null;
            /** @description The campaign year and the case number, e.g. 2026-0042. */
            number: string;
            /** @description With a unit and past its deadline. */
            overdue: boolean;
            receivedVia: string | null;
            rectified: boolean | null;
            rejectReason: string | null;
            /** Format: date-time */
            repliedAt: string | null;
            reply: string | null;
            /** @enum {string} */
            source: "ballot" | "complaint" | "office";
            /** @enum {string} */
            status: "new" | "accepted" | "rejected" | "merged" | "assigned" | "in-progress" | "replied" | "closed" | "reopened";
            text: string;
            unit: components["schemas"]["CaseUnitDto"] | null;
        };
        CaseEnterpriseDto: {
            nameEn: string;
            nameZh: string;
            uscc: string;
        };
        CaseEventDto: {
            action: string;
            /** @enum {string} */
            actorKind: "office" | "unit" | "enterprise";
            actorName: string | null;
            /** Format: date-time */
            at: string;
            fromStatus: string | null;
            note: string | null;
            toStatus: string | null;
        };
        CaseFiguresDto: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            units: components["schemas"]["UnitCaseFiguresDto"][];
        };
        CaseUnitDto: {
            code: string;
            /** @enum {string} */
            kind: "department" | "district";
            nameEn: string;
            nameZh: string;
        };
        CategoryResultDto: {
            category: string;
            eligible: number;
            quota: number;
            /** @enum {string} */
            unitType: "department" | "district" | "enterprise";
        };
        ChangePasswordDto: {
            currentPassword: string;
            newPassword: string;
        };
        ComplaintDto: {
            categoryCode?: string;
            /**
             * @description May the department or district handling it see which enterprise raised it?
             * @default false
             */
            identityShared: boolean;
            text: string;
        };
        CompositeComponentsDto: {
            districts: number | null;
            enterprises: number | null;
            inspection: number | null;
            objective: number | null;
        };
        CompositeResultDto: {
            category: string;
            code: string;
            components: components["schemas"]["CompositeComponentsDto"];
            composite: number | null;
            deduction: number;
            eligible: boolean;
            flags: string[];
            /** @description Proposed by the rules. */
            inQuota: boolean;
            nameEn: string;
            nameZh: string;
            pInQuota: number | null;
            rank: number | null;
            /** @description [lower, upper] */
            rankInterval: number[] | null;
            sensitivity: components["schemas"]["SensitivityDto"];
            /** @enum {string} */
            unitType: "department" | "district";
            vetoReason: string | null;
            weights: components["schemas"]["CompositeWeightsDto"];
        };
        CompositeWeightsDto: {
            districts: number;
            enterprises: number;
            inspection: number;
            objective: number;
        };
        ComputationDto: {
            done: number;
            error: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            phase: string;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "idle" | "running" | "done" | "failed";
            total: number;
        };
        CreateCampaignDto: {
            /** Format: date-time */
            closesAt?: string;
            /** Format: date-time */
            opensAt?: string;
            /**
             * @description Used in the public results address; made from the year when omitted.
             * @example 2026-service-month
             */
            slug?: string;
            /** @enum {string} */
            template: "service-month";
            /** @example 2026 外商投资企业服务月 */
            title: string;
            /** @example 2026 */
            year: number;
        };
        CreateCaseCategoryDto: {
            /** @description A stable code: lower-case letters, digits and hyphens. */
            code: string;
            nameEn: string;
            nameZh: string;
        };
        CreateCaseDto: {
            categoryCode?: string;
            /** @description The enterprise that raised it, by 统一社会信用代码. */
            enterpriseUscc?: string;
            /** @default false */
            identityShared: boolean;
            /** @description phone, letter, visit, e-mail … */
            receivedVia?: string;
            text: string;
        };
        CreateUserDto: {
            displayName: string;
            password: string;
            role: components["schemas"]["Role"];
            /** @description For a department user the code of its department, for a district user the code of its district; other roles have none. */
            unitCode?: string | null;
            username: string;
        };
        CsrBandResultDto: {
            applicants: number;
            indicators: components["schemas"]["CsrBandStatisticsDto"];
            ranked: number;
            sizeBand: components["schemas"]["SizeBand"];
            vetoed: number;
        };
        CsrBandStatisticsDto: {
            charity: components["schemas"]["CsrBasisStatisticsDto"] | null;
            employment: components["schemas"]["CsrBasisStatisticsDto"] | null;
            environment: components["schemas"]["CsrBasisStatisticsDto"] | null;
            labour: components["schemas"]["CsrBasisStatisticsDto"] | null;
            tax: components["schemas"]["CsrBasisStatisticsDto"] | null;
        };
        CsrBasisStatisticsDto: {
            max: number;
            mean: number;
            min: number;
            n: number;
            sd: number;
        };
        CsrDeclarationDto: {
            districtCode: string | null;
            figures: components["schemas"]["CsrFigureStateDto"][];
            nameEn: string;
            nameZh: string;
            receipt: string;
            /** Format: uuid */
            responseId: string;
            /** @description From the directory; without it the enterprise cannot be ranked. */
            sizeBand: components["schemas"]["SizeBand"] | null;
            /** Format: date-time */
            submittedAt: string;
            uscc: string;
            /** @description Voided declarations take no part in the selection. */
            voided: boolean;
        };
        CsrEnterpriseResultDto: {
            composite: number | null;
            /** @description Figures the scoring could not use. */
            figureProblems: {
                [key: string]: "missing" | "invalid";
            };
            /** @description The figures that count otherwise than as declared (verified, corrected, from an authority), with their values; every figure is in GET …/csr/declarations. */
            figures: {
                [key: string]: components["schemas"]["CsrFigureDto"];
            };
            flags: string[];
            /** @description Null for a vetoed enterprise. */
            indicators: components["schemas"]["CsrIndicatorsDto"] | null;
            nameEn: string;
            nameZh: string;
            /** @description Proposed by the rules. */
            proposed: boolean;
            rank: number | null;
            sensitivity: components["schemas"]["CsrSensitivityDto"];
            sizeBand: components["schemas"]["SizeBand"];
            uscc: string;
            vetoReasons: string[];
        };
        CsrFigureCheckDto: {
            /**
             * @description verify: the declared figure is right; correct: it is replaced by `value`, with a reason.
             * @enum {string}
             */
            action: "verify" | "correct";
            /** @description Why the figure is corrected; required for a correction, kept in the audit log. */
            reason?: string;
            /** @description The corrected figure (correct only). */
            value?: (number | boolean | string[]) | null;
        };
        CsrFigureDto: {
            source: components["schemas"]["CsrFigureSource"];
            /** @description A number, true/false, or certification codes (env_certifications). */
            value: (number | boolean | string[]) | null;
        };
        /** @enum {string} */
        CsrFigureName: "tax_paid" | "revenue" | "employees" | "local_hires" | "social_insurance_coverage" | "env_certifications" | "env_penalty" | "safety_accident" | "wage_arrears" | "labour_dispute" | "union" | "tax_violation" | "donations" | "volunteer_hours";
        /** @enum {string} */
        CsrFigureSource: "declared" | "verified" | "corrected" | "authoritative";
        CsrFigureStateDto: {
            /** @description The authority of an imported figure. */
            authority: string | null;
            /** @description As the enterprise declared it. */
            declared: (number | boolean | string[]) | null;
            figure: components["schemas"]["CsrFigureName"];
            /** @description What counted before the last change. */
            previous: (number | boolean | string[]) | null;
            /** @description The office's reason for a correction. */
            reason: string | null;
            source: components["schemas"]["CsrFigureSource"];
            /** Format: date-time */
            updatedAt: string | null;
            /** @description As it counts in the scoring. */
            value: (number | boolean | string[]) | null;
        };
        CsrImportResultDto: {
            /** @description Figures that now count differently. */
            changed: number;
            dryRun: boolean;
            /** @description Rows read, one per enterprise. */
            enterprises: number;
            /** @description Figures in the file. */
            figures: number;
            unchanged: number;
            /** @description USCCs of enterprises without a submitted declaration: their figures wait for one. */
            withoutDeclaration: string[];
        };
        CsrIndicatorResultDto: {
            /** @description ln(1 + tax paid), ln(1 + employees), donations ÷ revenue, or the rule points. */
            basis: number | null;
            /** @description 0–100. */
            score: number | null;
            /** @description Share in the composite after renormalising over the indicators present. */
            weight: number;
            z: number | null;
        };
        CsrIndicatorsDto: {
            charity: components["schemas"]["CsrIndicatorResultDto"];
            employment: components["schemas"]["CsrIndicatorResultDto"];
            environment: components["schemas"]["CsrIndicatorResultDto"];
            labour: components["schemas"]["CsrIndicatorResultDto"];
            tax: components["schemas"]["CsrIndicatorResultDto"];
        };
        CsrProposalDto: {
            /** @enum {string} */
            basis: "count" | "share";
            /** @description N. */
            count: number;
            /** @description Proposed: N, or more on a tie at the boundary. */
            proposed: number;
        };
        CsrResultsDto: {
            bands: components["schemas"]["CsrBandResultDto"][];
            /** @description Declarations submitted and not voided. */
            declarations: number;
            /** @description Ranked by rank, then the unranked, then the vetoed. */
            enterprises: components["schemas"]["CsrEnterpriseResultDto"][];
            /** Format: uuid */
            evaluationId: string;
            indicators: ("environment" | "labour" | "employment" | "tax" | "charity")[];
            proposal: components["schemas"]["CsrProposalDto"];
            ranked: number;
            /** @description Declarations of enterprises with no size band in the directory: not scored until it is filled in. */
            unplaced: components["schemas"]["CsrUnplacedDto"][];
        };
        CsrRunResultDto: {
            composite: number | null;
            rank: number | null;
        };
        CsrSensitivityDto: {
            equalWeights: components["schemas"]["CsrRunResultDto"];
            /** @description [best, worst] of the three ranks. */
            rankRange: number[] | null;
            zScore: components["schemas"]["CsrRunResultDto"];
        };
        CsrUnplacedDto: {
            nameEn: string;
            nameZh: string;
            uscc: string;
        };
        DepartmentDto: {
            category: string;
            code: string;
            nameEn: string;
            nameZh: string;
            /** Format: date-time */
            updatedAt: string;
        };
        DepartmentInputDto: {
            category: string;
            nameEn?: string;
            nameZh: string;
        };
        DepartmentPageDto: {
            /** @description Every category in use, for the filter. */
            categories: string[];
            items: components["schemas"]["DepartmentDto"][];
            total: number;
        };
        DistrictDto: {
            code: string;
            divisionCode: string | null;
            /** @description Enterprises registered in the district. */
            enterpriseCount: number;
            kind: components["schemas"]["DistrictKind"];
            nameEn: string;
            nameZh: string;
            /** Format: date-time */
            updatedAt: string;
        };
        DistrictInputDto: {
            divisionCode?: string;
            /** @enum {string} */
            kind: "district" | "county-level-city" | "county" | "development-zone";
            nameEn?: string;
            nameZh: string;
        };
        /** @enum {string} */
        DistrictKind: "district" | "county-level-city" | "county" | "development-zone";
        DistrictPageDto: {
            items: components["schemas"]["DistrictDto"][];
            total: number;
        };
        EnterpriseDto: {
            contactEmail: string;
            contactName: string;
            contactPhone: string;
            districtCode: string;
            districtNameEn: string;
            districtNameZh: string;
            industry: string;
            investorCountry: string;
            nameEn: string;
            nameZh: string;
            sizeBand: components["schemas"]["SizeBand"] | null;
            /** Format: date-time */
            updatedAt: string;
            uscc: string;
        };
        EnterpriseInputDto: {
            contactEmail?: string;
            contactName?: string;
            contactPhone?: string;
            districtCode: string;
            industry?: string;
            investorCountry?: string;
            nameEn?: string;
            nameZh: string;
            /** @enum {string} */
            sizeBand?: "large" | "medium" | "small" | "micro";
        };
        EnterprisePageDto: {
            industries: string[];
            investorCountries: string[];
            items: components["schemas"]["EnterpriseDto"][];
            total: number;
        };
        /**
         * @example {
         *       "statusCode": 401,
         *       "code": "UNAUTHENTICATED",
         *       "message": "请先登录。",
         *       "messages": {
         *         "status": 401,
         *         "zh": "请先登录。",
         *         "en": "Please sign in first."
         *       },
         *       "requestId": "…"
         *     }
         */
        ErrorDto: {
            /** @enum {string} */
            code: "BAD_REQUEST" | "MALFORMED_JSON" | "VALIDATION_FAILED" | "UNAUTHENTICATED" | "INVALID_CREDENTIALS" | "WRONG_PASSWORD" | "FORBIDDEN" | "NOT_FOUND" | "ROUTE_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "USERNAME_TAKEN" | "LAST_ADMIN" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_LOGIN_ATTEMPTS" | "TOO_MANY_REQUESTS" | "FILE_MISSING" | "FILE_TOO_LARGE" | "FILE_UNSUPPORTED" | "FILE_UNREADABLE" | "TOO_MANY_ROWS" | "IMPORT_INVALID" | "ASSESSMENTS_INVALID" | "IN_USE" | "CAMPAIGN_NOT_DRAFT" | "CAMPAIGN_TRANSITION_NOT_ALLOWED" | "CAMPAIGN_EMPTY_DIRECTORY" | "SLUG_TAKEN" | "CAMPAIGN_CLOSED" | "LINK_NOT_FOUND" | "CAMPAIGN_NOT_OPEN" | "QUESTIONNAIRE_NOT_FOUND" | "ALREADY_SUBMITTED" | "BALLOT_INVALID" | "ANSWERS_MISSING" | "ANSWERS_TOO_LARGE" | "INTERNAL_ERROR" | "DATABASE_UNAVAILABLE" | "EVALUATION_NOT_FOUND" | "QUESTIONNAIRE_VERSION_NOT_FOUND" | "QUESTIONNAIRE_INVALID" | "QUESTIONNAIRE_TOO_LARGE" | "QUESTIONNAIRE_LOCKED" | "CASE_NOT_FOUND" | "CASE_TRANSITION_NOT_ALLOWED" | "RESULTS_NOT_COMPUTED" | "RESULTS_FROZEN" | "RESULTS_OUTDATED" | "RESULTS_COMPUTING" | "RESULTS_NOT_AVAILABLE" | "AWARDS_NOT_CONFIRMED" | "AWARDS_NEED_CLOSED_CAMPAIGN" | "SCORING_CONFIG_INVALID" | "RESPONSE_NOT_FOUND" | "CSR_DECLARATION_NOT_FOUND" | "CSR_FIGURE_INVALID" | "AWARD_OVERRIDE_INVALID";
            errors?: {
                /** @description The kind of problem, e.g. `required`, `not-allowed`, `too-long`. */
                code?: string;
                column?: string;
                /** @description The field, or for a ballot the question path (`ratings[2].attitude`). */
                field?: string;
                message: string;
                messages?: {
                    en: string;
                    zh: string;
                };
                /** @description An imported file's row, as Excel numbers it. */
                row?: number;
            }[];
            message: string;
            messages: {
                en: string;
                zh: string;
            };
            requestId: string;
            statusCode: number;
        };
        EvaluationDto: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["EvaluationKind"];
            questionnaireVersion: number;
            /** @enum {string} */
            raterGroup: "enterprise" | "district";
            targetCount: number;
            /** @enum {string|null} */
            targetGroup: "department" | "district" | null;
            titleEn: string;
            titleZh: string;
        };
        /** @enum {string} */
        EvaluationKind: "enterprise-rates-departments" | "enterprise-rates-districts" | "district-rates-departments" | "csr-declaration";
        EvaluationProgressDto: {
            /** @description Have a draft and have submitted nothing yet. */
            draft: number;
            /** Format: uuid */
            evaluationId: string;
            /** @description Raters with a working link. */
            invited: number;
            /** @enum {string} */
            kind: "enterprise-rates-departments" | "enterprise-rates-districts" | "district-rates-departments" | "csr-declaration";
            /** @description Opened their link (or went further). */
            opened: number;
            /** @description submitted ÷ invited, 0–1. */
            rate: number;
            /** @description Submitted at least one rating questionnaire (for an evaluation: submitted it). */
            submitted: number;
            titleEn: string;
            titleZh: string;
        };
        EvaluationResultDto: {
            /** @description Ballots submitted and not voided. */
            ballots: number;
            criteria: string[];
            /** Format: uuid */
            evaluationId: string;
            /** @description Raters invited. */
            invited: number;
            k: number;
            kEstimated: boolean;
            kind: components["schemas"]["EvaluationKind"];
            quorumMet: boolean;
            /** @enum {string} */
            raterGroup: "enterprise" | "district";
            /** @enum {string} */
            targetGroup: "department" | "district";
            targets: components["schemas"]["TargetResultDto"][];
            titleEn: string;
            titleZh: string;
            voided: number;
            /** @description Pooled within-target standard deviation of ballot target scores (σ): the funnel plot's limits are mean ± z·σ/√n. */
            withinSd: number | null;
        };
        GenerateInvitationsResultDto: {
            /** @description Links created by this call (raters added since the last call). */
            created: number;
            /** @description Links the campaign has in all. */
            total: number;
        };
        GroupProgressDto: {
            /** @description Have a draft and have submitted nothing yet. */
            draft: number;
            /** @description Raters with a working link. */
            invited: number;
            /** @description The value grouped by: a district code, an industry, a country or region, a size band ("" when not known). */
            key: string;
            labelEn: string;
            labelZh: string;
            /** @description Opened their link (or went further). */
            opened: number;
            /** @description submitted ÷ invited, 0–1. */
            rate: number;
            /** @description Submitted at least one rating questionnaire (for an evaluation: submitted it). */
            submitted: number;
        };
        HandlingRatingDto: {
            /** @enum {string} */
            rating: "satisfied" | "basically" | "dissatisfied";
        };
        HealthDto: {
            /** @enum {string} */
            database: "embedded" | "postgres";
            /** @enum {string} */
            status: "ok";
        };
        ImportResultDto: {
            created: number;
            /** @description True when nothing was written (preview). */
            dryRun: boolean;
            unchanged: number;
            updated: number;
        };
        InvitationDto: {
            contactEmail: string;
            contactName: string;
            contactPhone: string;
            /** @description The rater's district code. */
            districtCode: string;
            /** Format: date-time */
            firstOpenedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description Null once revoked. */
            link: string | null;
            /** @description USCC for an enterprise, the district code for a district government. */
            raterCode: string;
            raterNameEn: string;
            raterNameZh: string;
            /** @enum {string} */
            raterType: "enterprise" | "district";
            status: components["schemas"]["InvitationStatus"];
        };
        InvitationPageDto: {
            items: components["schemas"]["InvitationDto"][];
            total: number;
        };
        /** @enum {string} */
        InvitationStatus: "not-opened" | "opened" | "draft" | "submitted" | "revoked";
        LoginDto: {
            /** @example correct horse battery staple */
            password: string;
            /** @example admin */
            username: string;
        };
        LoginResponseDto: {
            /** @description Send as `Authorization: Bearer <token>`; the web client uses the cookie set alongside. */
            accessToken: string;
            /** @description Seconds until the token expires. */
            expiresIn: number;
            user: components["schemas"]["UserDto"];
        };
        ProgressCountsDto: {
            /** @description Have a draft and have submitted nothing yet. */
            draft: number;
            /** @description Raters with a working link. */
            invited: number;
            /** @description Opened their link (or went further). */
            opened: number;
            /** @description submitted ÷ invited, 0–1. */
            rate: number;
            /** @description Submitted at least one rating questionnaire (for an evaluation: submitted it). */
            submitted: number;
        };
        ProgressDto: {
            /** @description Enterprises by district. */
            byDistrict: components["schemas"]["GroupProgressDto"][];
            byEvaluation: components["schemas"]["EvaluationProgressDto"][];
            byIndustry: components["schemas"]["GroupProgressDto"][];
            byInvestorCountry: components["schemas"]["GroupProgressDto"][];
            bySizeBand: components["schemas"]["GroupProgressDto"][];
            /** Format: date-time */
            computedAt: string;
            districtGovernments: components["schemas"]["ProgressCountsDto"];
            enterprises: components["schemas"]["ProgressCountsDto"];
            /** @description Enterprises and district governments together. */
            overall: components["schemas"]["ProgressCountsDto"];
        };
        PublicAwardDto: {
            /** @enum {string} */
            award: "service-unit" | "investment-district" | "csr-enterprise";
            category: string;
            code: string;
            composite: number | null;
            nameEn: string;
            nameZh: string;
            rank: number | null;
        };
        PublicCampaignDto: {
            /** Format: date-time */
            closesAt: string | null;
            /** Format: date-time */
            opensAt: string | null;
            slug: string;
            /** @enum {string} */
            status: "draft" | "open" | "closed" | "published";
            title: string;
        };
        PublicLinkDto: {
            campaign: components["schemas"]["PublicCampaignDto"];
            questionnaires: components["schemas"]["PublicQuestionnaireDto"][];
            rater: components["schemas"]["PublicRaterDto"];
        };
        PublicQuestionnaireDto: {
            /** @description The answers so far (a draft, or what was submitted), or prefilled choices. */
            data: {
                [key: string]: unknown;
            } | null;
            /** Format: uuid */
            evaluationId: string;
            /** @enum {string} */
            kind: "enterprise-rates-departments" | "enterprise-rates-districts" | "district-rates-departments" | "csr-declaration";
            /** @description The receipt code, once submitted. */
            receipt: string | null;
            /**
             * Format: date-time
             * @description When the draft or the submission was last saved.
             */
            savedAt: string | null;
            /** @enum {string} */
            status: "not-started" | "draft" | "submitted";
            /** Format: date-time */
            submittedAt: string | null;
            /** @description The SurveyJS JSON as served, targets filled in from the directory. */
            survey: {
                [key: string]: unknown;
            };
            title: string;
            titleEn: string;
        };
        PublicRaterDto: {
            code: string;
            name: string;
            nameEn: string;
            /** @enum {string} */
            type: "enterprise" | "district";
        };
        PublicResultsDto: {
            awards: components["schemas"]["PublicAwardDto"][];
            categories: components["schemas"]["CategoryResultDto"][];
            /** Format: date-time */
            publishedAt: string;
            slug: string;
            title: string;
            year: number;
        };
        QualityFlagDto: {
            /** Format: uuid */
            evaluationId: string;
            /** @enum {string} */
            kind: "straight-lining" | "speeding" | "duplicate";
            medianSeconds: number | null;
            otherReceipt: string | null;
            receipt: string;
            /** Format: uuid */
            responseId: string;
            seconds: number | null;
            share: number | null;
            /** @description Voided since (then it no longer counts). */
            voided: boolean;
        };
        QuestionnaireProblemDto: {
            /** @description Where, as a path from the request body: `survey.pages[1].elements[0].choices[2]`. */
            field: string;
            /** @description In the language the request asked for. */
            message: string;
            messages?: {
                en: string;
                zh: string;
            };
        };
        QuestionnaireVersionDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            frozenAt: string | null;
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["EvaluationKind"];
            /** @description The SurveyJS JSON as saved (the targets are filled in when served). */
            survey: {
                [key: string]: unknown;
            };
            version: number;
        };
        QuestionnaireVersionSummaryDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description Drafts on this version, not yet submitted. */
            draftCount: number;
            /**
             * Format: date-time
             * @description When a draft or response first used it; from then on it never changes.
             */
            frozenAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description Submitted responses on this version. */
            responseCount: number;
            version: number;
        };
        RaterCaseDto: {
            /** @description Whether the handling can be rated now (replied or closed). */
            canRate: boolean;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @enum {string|null} */
            handlingRating: "satisfied" | "basically" | "dissatisfied" | null;
            /** Format: uuid */
            id: string;
            identityShared: boolean;
            number: string;
            rejectReason: string | null;
            /** Format: date-time */
            repliedAt: string | null;
            reply: string | null;
            /** @enum {string} */
            source: "ballot" | "complaint" | "office";
            /** @enum {string} */
            status: "new" | "accepted" | "rejected" | "merged" | "assigned" | "in-progress" | "replied" | "closed" | "reopened";
            text: string;
            unit: components["schemas"]["CaseUnitDto"] | null;
        };
        ReceiptDto: {
            /**
             * @description Shown to the rater; the same submission again gets the same code.
             * @example K7QF-M2XD-9PRA
             */
            receipt: string;
            /** @enum {string} */
            status: "submitted";
            /** Format: date-time */
            submittedAt: string;
        };
        ResultsDto: {
            awards: components["schemas"]["AwardDto"][];
            /** Format: date-time */
            awardsConfirmedAt: string | null;
            /** Format: uuid */
            campaignId: string;
            campaignStatus: string;
            campaignTitle: string;
            categories: components["schemas"]["CategoryResultDto"][];
            composite: components["schemas"]["CompositeResultDto"][];
            /** Format: date-time */
            computedAt: string;
            config: {
                [key: string]: unknown;
            };
            configHash: string;
            /** @description 社会责任先进企业 (SCORING.md §4); null for department and district users and where the campaign has no declaration. */
            csr: components["schemas"]["CsrResultsDto"] | null;
            dataQuality: components["schemas"]["QualityFlagDto"][];
            evaluations: components["schemas"]["EvaluationResultDto"][];
            /** @description Title of the previous campaign compared with. */
            previousCampaign: string | null;
            year: number;
        };
        /** @enum {string} */
        Role: "admin" | "viewer" | "department" | "district";
        SaveAssessmentsDto: {
            items: components["schemas"]["AssessmentItemDto"][];
        };
        SavedAssessmentsDto: {
            /** @description Every unit after the save, as the list returns them. */
            assessments: components["schemas"]["AssessmentDto"][];
            /** @description Units given with the values they already had. */
            unchanged: number;
            /** @description Units whose values changed (or would change, on a dry run). */
            updated: number;
        };
        SavedDraftDto: {
            /** Format: date-time */
            savedAt: string;
            /** @enum {string} */
            status: "draft";
        };
        SavedQuestionnaireDto: {
            /** @description True when nothing was written (a check only). */
            dryRun: boolean;
            /**
             * Format: uuid
             * @description Null for a dry run that would create a version.
             */
            id: string | null;
            /**
             * @description `created`: a new version, as the latest one is in use or the campaign has opened; `replaced`: the latest version, still unused in a draft campaign, was changed in place; `unchanged`: the latest version is this JSON already.
             * @enum {string}
             */
            outcome: "created" | "replaced" | "unchanged";
            /** @description The version saved (or that a save would write). */
            version: number;
            /** @description What does not stop a save, such as texts without English. */
            warnings: components["schemas"]["QuestionnaireProblemDto"][];
        };
        SaveQuestionnaireDto: {
            /** @description The SurveyJS JSON, bilingual ({ "default": "中文", "en": "English" }); at most 256 KB. */
            survey: {
                [key: string]: unknown;
            };
        };
        ScoringMethodDto: {
            /** @description The scoring configuration a new campaign starts with (SCORING.md). */
            defaults: {
                [key: string]: unknown;
            };
            /** @description Points per answer code of each named scale. */
            pointPresets: {
                [key: string]: {
                    [key: string]: number;
                };
            };
        };
        SensitivityDto: {
            /** @description [lower, upper] */
            rankRange: number[] | null;
            ranks: {
                [key: string]: number | null;
            };
        };
        /** @enum {string} */
        SizeBand: "large" | "medium" | "small" | "micro";
        TargetResultDto: {
            /** @description Answers per criterion and code; empty where fewer than 5 ballots back them. */
            answerCounts: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            awarded: boolean;
            category: string;
            code: string;
            composite: number | null;
            coverage: number | null;
            /** @description Criterion means; empty where fewer than 5 ballots back them. */
            criteria: {
                [key: string]: number | null;
            };
            dissatisfactionRate: number | null;
            flags: string[];
            /** @description Ballots with at least one valid answer for this target. */
            n: number;
            nameEn: string;
            nameZh: string;
            pInQuota: number | null;
            /** @description S in the previous campaign with results, when there is one. */
            previousScore: number | null;
            rank: number | null;
            ranked: boolean;
            /** @description [lower, upper] */
            rankInterval: number[] | null;
            /** @description [lower, upper] */
            satisfactionCi: number[] | null;
            satisfactionRate: number | null;
            /** @description S, 0–100. */
            score: number | null;
            /** @description Ballots that rated this target at all, even with 不了解 only. */
            seen: number;
            /** @description S*, shrunk towards the category mean. */
            shrunkScore: number | null;
            /** @description [lower, upper]: the bootstrap interval of S* (the rank interval's coverage, 90% by default); null where the evaluation is not resampled. */
            shrunkScoreInterval: number[] | null;
        };
        UnitCaseFiguresDto: {
            acceptedInPeriod: number;
            carriedOver: number;
            closedInPeriod: number;
            closedOnTime: number;
            /** @description 结案率 = closed ÷ (accepted in the period + open when it began). */
            closureRate: number | null;
            dissatisfactionRate: number | null;
            onTimeRate: number | null;
            /** @description Accepted, not closed and past the deadline at the end of the period. */
            overdueAtCutoff: number;
            rated: number;
            rectificationApplies: number;
            /** @description 整改率 */
            rectificationRate: number | null;
            rectified: number;
            satisfactionRate: number | null;
            unit: components["schemas"]["CaseUnitDto"];
        };
        UpdateCampaignDto: {
            /** Format: date-time */
            closesAt?: string | null;
            /** Format: date-time */
            opensAt?: string | null;
            title?: string;
        };
        UpdateCaseCategoryDto: {
            /** @description An inactive category is kept on its cases but offered no more. */
            active?: boolean;
            nameEn?: string;
            nameZh?: string;
            position?: number;
        };
        UpdateUserDto: {
            active?: boolean;
            displayName?: string;
            password?: string;
            role?: components["schemas"]["Role"];
            /** @description For a department user the code of its department, for a district user the code of its district; other roles have none. */
            unitCode?: string | null;
        };
        UserDto: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            displayName: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastLoginAt: string | null;
            role: components["schemas"]["Role"];
            /** @description The department or district a department or district user works for. */
            unit: components["schemas"]["UserUnitDto"] | null;
            username: string;
        };
        UserUnitDto: {
            code: string;
            /** @enum {string} */
            kind: "department" | "district";
            nameEn: string;
            nameZh: string;
        };
        VoidBallotDto: {
            /** @description Why the ballot leaves the scores; kept in the audit log. */
            reason: string;
        };
        VoidedBallotDto: {
            reason: string;
            /** Format: uuid */
            responseId: string;
            /** Format: date-time */
            voidedAt: string;
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
    listAuditEntries: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description Wrong username or password (which one is not said). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many failed attempts from this client or for this account. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session cookie is cleared. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description The password was changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"][];
                };
            };
        };
    };
    createCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"];
                };
            };
            /** @description The slug is taken, or the directory is empty. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"];
                };
            };
        };
    };
    updateCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"];
                };
            };
            /** @description The campaign is no longer a draft. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAssessments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every department (by code), then every district, with what was entered or nulls. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentDto"][];
                };
            };
        };
    };
    saveAssessments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveAssessmentsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedAssessmentsDto"];
                };
            };
            /** @description The campaign is published (RESULTS_FROZEN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ASSESSMENTS_INVALID with `errors: [{ field: "items[3].inspectionScore", message, messages }]`; nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportAssessments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current values in the import's columns, to fill in and import back. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    importAssessments: {
        parameters: {
            query?: {
                /** @description Check and count only; nothing is written. */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentImportResultDto"];
                };
            };
            /** @description The campaign is published (RESULTS_FROZEN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IMPORT_INVALID with `errors: [{ row, column, message }]`; nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    overrideAward: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The department or district code, or the enterprise's USCC. */
                code: string;
                id: string;
                unitType: "department" | "district" | "enterprise";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AwardOverrideDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AwardDto"][];
                };
            };
        };
    };
    clearAwardOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The department or district code, or the enterprise's USCC. */
                code: string;
                id: string;
                unitType: "department" | "district" | "enterprise";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AwardDto"][];
                };
            };
        };
    };
    confirmAwards: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultsDto"];
                };
            };
            /** @description The campaign is still open, the results are outdated or published. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCaseFigures: {
        parameters: {
            query?: {
                /** @description First day (Beijing); by default the campaign's opening day or its creation. */
                from?: string;
                /** @description Last day, inclusive; by default today. */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 结案率, on-time share, 整改率, satisfaction with handling and overdue cases per unit for a period; a unit user gets its own line. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseFiguresDto"];
                };
            };
        };
    };
    listCases: {
        parameters: {
            query?: {
                /** @description Only cases with a unit and past their deadline. */
                overdue?: boolean;
                status?: "new" | "accepted" | "rejected" | "merged" | "assigned" | "in-progress" | "replied" | "closed" | "reopened";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All cases for the office and leadership; a department or district user gets its own. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"][];
                };
            };
        };
    };
    createCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseDto"];
            };
        };
        responses: {
            /** @description A case the office received by phone, letter or visit. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetailDto"];
                };
            };
        };
    };
    exportCases: {
        parameters: {
            query?: {
                /** @description First day (Beijing); by default the campaign's opening day or its creation. */
                from?: string;
                /** @description Last day, inclusive; by default today. */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cases and the figures per unit (period as for case-figures). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    closeCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"];
                };
            };
            /** @description Only an open campaign can be closed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    authoritativeTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The authorities' file to fill in: the declaring enterprises by USCC, a column per figure, and the rules. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    importAuthoritative: {
        parameters: {
            query?: {
                /** @description Check and count only; nothing is written. */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CsrImportResultDto"];
                };
            };
            /** @description The campaign is published (RESULTS_FROZEN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IMPORT_INVALID with `errors: [{ row, column, message }]`; nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listDeclarations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Submitted declarations by USCC, each figure as declared and as it counts, with its source. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CsrDeclarationDto"][];
                };
            };
        };
    };
    exportDeclarations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every declaration: each figure as it counts, as declared, and its source; and the import's columns. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    checkFigure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                figure: "tax_paid" | "revenue" | "employees" | "local_hires" | "social_insurance_coverage" | "env_certifications" | "env_penalty" | "safety_accident" | "wage_arrears" | "labour_dispute" | "union" | "tax_violation" | "donations" | "volunteer_hours";
                id: string;
                uscc: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CsrFigureCheckDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CsrDeclarationDto"];
                };
            };
            /** @description The enterprise submitted no declaration (CSR_DECLARATION_NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The campaign is published (RESULTS_FROZEN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CSR_FIGURE_INVALID with `errors: [{ field, message, messages }]`; nothing was saved. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resetFigure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                figure: "tax_paid" | "revenue" | "employees" | "local_hires" | "social_insurance_coverage" | "env_certifications" | "env_penalty" | "safety_accident" | "wage_arrears" | "labour_dispute" | "union" | "tax_violation" | "donations" | "volunteer_hours";
                id: string;
                uscc: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The declared figure counts again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CsrDeclarationDto"];
                };
            };
            /** @description The enterprise submitted no declaration (CSR_DECLARATION_NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The campaign is published (RESULTS_FROZEN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CSR_FIGURE_INVALID: an unknown figure, or an authority's figure, which stays until the office verifies with a reason or corrects. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listInvitations: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Searches the rater code and names. */
                q?: string;
                raterType?: "enterprise" | "district";
                status?: "not-opened" | "opened" | "draft" | "submitted" | "revoked";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPageDto"];
                };
            };
        };
    };
    generateInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Idempotent: raters already invited keep their link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GenerateInvitationsResultDto"];
                };
            };
        };
    };
    exportInvitationsCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description rater_type, rater_code, rater_name, link, status (UTF-8 with BOM, for Excel). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
        };
    };
    exportInvitationsXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    invitationQrCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The QR code of the link, as SVG. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
        };
    };
    reissueInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationDto"];
                };
            };
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationDto"];
                };
            };
        };
    };
    exportNonResponders: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Raters who have submitted nothing yet, with contacts and links, for reminders. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    openCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"];
                };
            };
            /** @description Only a draft can be opened. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressDto"];
                };
            };
        };
    };
    publishCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"];
                };
            };
            /** @description Only a closed campaign can be published. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportRatings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description evaluation_kind, ballot, target_code, criterion, answer: no rater identity. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
        };
    };
    getResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultsDto"];
                };
            };
            /** @description No such campaign, or its results have not been computed yet (RESULTS_NOT_COMPUTED). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A sheet per evaluation, the composite, the awards and the method. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    getComputation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComputationDto"];
                };
            };
        };
    };
    computeResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Computing in the background; follow it at results/computation. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComputationDto"];
                };
            };
            /** @description The campaign is a draft or already published. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateScoringConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The scoring configuration (SCORING.md); settings left out keep their defaults. */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignDto"];
                };
            };
            /** @description The campaign is no longer a draft. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A number out of range, or weights that do not add up to more than 0. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listCaseCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseCategoryListItemDto"][];
                };
            };
        };
    };
    createCaseCategory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseCategoryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseCategoryListItemDto"];
                };
            };
            /** @description The code is taken. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateCaseCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCaseCategoryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseCategoryListItemDto"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetailDto"];
                };
            };
            /** @description Another unit's case. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    actOnCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action: "accept" | "reject" | "merge" | "assign" | "start" | "reply" | "close" | "send-back" | "reopen";
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseActionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetailDto"];
                };
            };
            /** @description Another unit's case, or an action that is the office's (or the unit's). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not possible from the current status; `errors[0].message` names the changes that are. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteDirectoryRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The code, or the USCC of an enterprise. */
                key: string;
                kind: "departments" | "districts" | "enterprises";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportDirectory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "departments" | "districts" | "enterprises";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole list as .xlsx. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    directoryTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "departments" | "districts" | "enterprises";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An empty list with its headers and a sheet explaining each column. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
        };
    };
    listDepartments: {
        parameters: {
            query?: {
                /** @description Departments: only this category. */
                category?: string;
                /** @description Enterprises: only those of this district code. */
                district?: string;
                /** @description Enterprises: only this industry. */
                industry?: string;
                /** @description Enterprises: only this investor's country or region. */
                investorCountry?: string;
                /** @description Districts: only this kind. */
                kind?: "district" | "county-level-city" | "county" | "development-zone";
                page?: number;
                pageSize?: number;
                /** @description Searches codes and names in both languages. */
                q?: string;
                sizeBand?: "large" | "medium" | "small" | "micro";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentPageDto"];
                };
            };
        };
    };
    saveDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartmentInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentDto"];
                };
            };
        };
    };
    listDistricts: {
        parameters: {
            query?: {
                /** @description Departments: only this category. */
                category?: string;
                /** @description Enterprises: only those of this district code. */
                district?: string;
                /** @description Enterprises: only this industry. */
                industry?: string;
                /** @description Enterprises: only this investor's country or region. */
                investorCountry?: string;
                /** @description Districts: only this kind. */
                kind?: "district" | "county-level-city" | "county" | "development-zone";
                page?: number;
                pageSize?: number;
                /** @description Searches codes and names in both languages. */
                q?: string;
                sizeBand?: "large" | "medium" | "small" | "micro";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictPageDto"];
                };
            };
        };
    };
    saveDistrict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DistrictInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistrictDto"];
                };
            };
        };
    };
    listEnterprises: {
        parameters: {
            query?: {
                /** @description Departments: only this category. */
                category?: string;
                /** @description Enterprises: only those of this district code. */
                district?: string;
                /** @description Enterprises: only this industry. */
                industry?: string;
                /** @description Enterprises: only this investor's country or region. */
                investorCountry?: string;
                /** @description Districts: only this kind. */
                kind?: "district" | "county-level-city" | "county" | "development-zone";
                page?: number;
                pageSize?: number;
                /** @description Searches codes and names in both languages. */
                q?: string;
                sizeBand?: "large" | "medium" | "small" | "micro";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterprisePageDto"];
                };
            };
        };
    };
    saveEnterprise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uscc: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnterpriseInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseDto"];
                };
            };
        };
    };
    importDirectory: {
        parameters: {
            query?: {
                /** @description Check and count only; nothing is written. */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                    /** @enum {string} */
                    kind: "departments" | "districts" | "enterprises";
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultDto"];
                };
            };
            /** @description Errors as `errors: [{ row, column, message }]`; nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listQuestionnaireVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireVersionSummaryDto"][];
                };
            };
            /** @description No such evaluation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    saveQuestionnaire: {
        parameters: {
            query?: {
                /** @description Check only and say what a save would do; nothing is written. */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveQuestionnaireDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedQuestionnaireDto"];
                };
            };
            /** @description No such evaluation. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The campaign is closed or published. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The questionnaire is over 256 KB, or nested deeper than any questionnaire. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The JSON does not compile or breaks the rating structure: `errors: [{ field, message, messages }]`; nothing was written. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getQuestionnaireVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionnaireVersionDto"];
                };
            };
            /** @description No such evaluation, or no such version of its questionnaire. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description The database does not answer. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getPublicResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicResultsDto"];
                };
            };
            /** @description No published campaign with this address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    voidBallot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                responseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidBallotDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoidedBallotDto"];
                };
            };
        };
    };
    openLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicLinkDto"];
                };
            };
            /** @description Unknown, revoked or replaced link (indistinguishable). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    saveDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationId: string;
                /** @description The personal link token. */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswersDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedDraftDto"];
                };
            };
            /** @description Unknown, revoked or replaced link (LINK_NOT_FOUND), or no such questionnaire behind it (QUESTIONNAIRE_NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The campaign is not open (CAMPAIGN_NOT_OPEN, CAMPAIGN_CLOSED), or the questionnaire is already submitted (ALREADY_SUBMITTED). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Answers over 4 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Answers of the wrong shape (BALLOT_INVALID, with one entry per question in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluationId: string;
                /** @description The personal link token. */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswersDto"];
            };
        };
        responses: {
            /** @description The same answers had already been submitted: the same receipt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptDto"];
                };
            };
            /** @description Submitted. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptDto"];
                };
            };
            /** @description Unknown, revoked or replaced link (LINK_NOT_FOUND), or no such questionnaire behind it (QUESTIONNAIRE_NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The campaign is not open (any draft is kept), or different answers were already submitted (ALREADY_SUBMITTED). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Answers over 4 MB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid answers (BALLOT_INVALID, with one entry per question in `errors`); nothing is stored. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listRaterCases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The personal link token. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RaterCaseDto"][];
                };
            };
            /** @description Unknown, revoked or replaced link (LINK_NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    raiseComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The personal link token. */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComplaintDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RaterCaseDto"];
                };
            };
            /** @description Unknown, revoked or replaced link (LINK_NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The campaign is not open (CAMPAIGN_NOT_OPEN, CAMPAIGN_CLOSED). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    rateHandling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                /** @description The personal link token. */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandlingRatingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RaterCaseDto"];
                };
            };
            /** @description Unknown, revoked or replaced link (LINK_NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not replied yet. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getScoringMethod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoringMethodDto"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"][];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description The username is taken. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description The change would leave no active administrator. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listCalendarYears: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"][];
                };
            };
        };
    };
    saveCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarYearInputDto"];
            };
        };
        responses: {
            /** @description The office's version of that year, replacing the built-in one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"];
                };
            };
        };
    };
    resetCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Back to the built-in arrangement. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"];
                };
            };
        };
    };
}
