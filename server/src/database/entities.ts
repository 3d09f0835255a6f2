import { AuditEntry } from '../audit/audit-entry.entity.js';
import { LoginFailure } from '../auth/login-failure.entity.js';
import { Case, CaseCategory, CaseEvent, WorkingDayCalendarYear } from '../cases/case.entities.js';
import { Campaign, Evaluation, EvaluationTarget, QuestionnaireVersion } from '../campaigns/campaign.entities.js';
import { CsrFigureCheck } from '../csr/csr.entities.js';
import { Department, District, Enterprise } from '../directory/directory.entities.js';
import { AwardOverride, ResultComputation, ResultSnapshot, UnitAssessment } from '../results/results.entities.js';
import { Invitation } from '../invitations/invitation.entity.js';
import { ResponseRating } from '../responses/response-rating.entity.js';
import { Response } from '../responses/response.entity.js';
import { User } from '../users/user.entity.js';

/** Every entity, for the app and the migration CLI alike. */
export const entities = [User, AuditEntry, LoginFailure, Department, District, Enterprise, Campaign, Evaluation, EvaluationTarget, QuestionnaireVersion, Invitation, Response, ResponseRating, CaseCategory, Case, CaseEvent, WorkingDayCalendarYear, UnitAssessment, ResultSnapshot, ResultComputation, AwardOverride, CsrFigureCheck];
