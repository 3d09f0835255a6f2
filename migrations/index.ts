// Every migration, oldest first. `npm run migration:generate -- Name` appends new ones here.
import { CreateUsersAuditLog1795732200368 } from './1795732200368-CreateUsersAuditLog.js';
import { DirectoryCampaignsInvitations1795733812680 } from './1795733812680-DirectoryCampaignsInvitations.js';
import { Responses1795735105875 } from './1795735105875-Responses.js';
import { ResponseRatings1795741785208 } from './1795741785208-ResponseRatings.js';
import { UserUnits1795747158111 } from './1795747158111-UserUnits.js';
import { Cases1795747290068 } from './1795747290068-Cases.js';
import { WorkingDayCalendars1795747633799 } from './1795747633799-WorkingDayCalendars.js';
import { Results1795751673004 } from './1795751673004-Results.js';
import { Csr1795761637380 } from './1795761637380-Csr.js';
import { OfficeInputsVersion1795764829474 } from './1795764829474-OfficeInputsVersion.js';

export const migrations = [CreateUsersAuditLog1795732200368, DirectoryCampaignsInvitations1795733812680, Responses1795735105875, ResponseRatings1795741785208, UserUnits1795747158111, Cases1795747290068, WorkingDayCalendars1795747633799, Results1795751673004, Csr1795761637380, OfficeInputsVersion1795764829474];
