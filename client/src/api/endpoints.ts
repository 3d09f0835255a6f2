import { api, unwrap, unwrapDownload } from './client';
import type {
  AuditPageDto,
  CampaignDto,
  ChangePasswordDto,
  CreateCampaignDto,
  CreateUserDto,
  DepartmentDto,
  DepartmentInputDto,
  DepartmentPageDto,
  DirectoryKind,
  DistrictDto,
  DistrictInputDto,
  DistrictPageDto,
  EnterpriseDto,
  EnterpriseInputDto,
  EnterprisePageDto,
  GenerateInvitationsResultDto,
  HealthDto,
  InvitationDto,
  InvitationPageDto,
  LoginDto,
  LoginResponseDto,
  ProgressDto,
  UpdateCampaignDto,
  UpdateUserDto,
  UserDto,
} from './models';
import type { operations } from './schema';

export function fetchHealth(): Promise<HealthDto> {
  return unwrap(api.GET('/api/health'));
}

export function login(credentials: LoginDto): Promise<LoginResponseDto> {
  return unwrap(api.POST('/api/auth/login', { body: credentials }));
}

export async function logout(): Promise<void> {
  await unwrap(api.POST('/api/auth/logout'));
}

export function fetchCurrentUser(): Promise<UserDto> {
  return unwrap(api.GET('/api/auth/me'));
}

export async function changeOwnPassword(change: ChangePasswordDto): Promise<void> {
  await unwrap(api.POST('/api/auth/password', { body: change }));
}

export function fetchUsers(): Promise<UserDto[]> {
  return unwrap(api.GET('/api/users'));
}

export function createUser(user: CreateUserDto): Promise<UserDto> {
  return unwrap(api.POST('/api/users', { body: user }));
}

export function updateUser(id: string, changes: UpdateUserDto): Promise<UserDto> {
  return unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: changes }));
}

export function fetchAuditPage(page: { limit: number; offset: number }): Promise<AuditPageDto> {
  return unwrap(api.GET('/api/audit', { params: { query: page } }));
}

export type DirectoryQuery = NonNullable<operations['listEnterprises']['parameters']['query']>;

export function fetchDepartments(query: DirectoryQuery): Promise<DepartmentPageDto> {
  return unwrap(api.GET('/api/directory/departments', { params: { query } }));
}

export function fetchDistricts(query: DirectoryQuery): Promise<DistrictPageDto> {
  return unwrap(api.GET('/api/directory/districts', { params: { query } }));
}

export function fetchEnterprises(query: DirectoryQuery): Promise<EnterprisePageDto> {
  return unwrap(api.GET('/api/directory/enterprises', { params: { query } }));
}

export function saveDepartment(code: string, input: DepartmentInputDto): Promise<DepartmentDto> {
  return unwrap(api.PUT('/api/directory/departments/{code}', { params: { path: { code } }, body: input }));
}

export function saveDistrict(code: string, input: DistrictInputDto): Promise<DistrictDto> {
  return unwrap(api.PUT('/api/directory/districts/{code}', { params: { path: { code } }, body: input }));
}

export function saveEnterprise(uscc: string, input: EnterpriseInputDto): Promise<EnterpriseDto> {
  return unwrap(api.PUT('/api/directory/enterprises/{uscc}', { params: { path: { uscc } }, body: input }));
}

export async function deleteDirectoryRecord(kind: DirectoryKind, key: string): Promise<void> {
  await unwrap(api.DELETE('/api/directory/{kind}/{key}', { params: { path: { kind, key } } }));
}

export function downloadDirectoryExport(kind: DirectoryKind): Promise<void> {
  return unwrapDownload(api.GET('/api/directory/{kind}/export', { params: { path: { kind } }, parseAs: 'blob' }), `${kind}.xlsx`);
}

export function downloadDirectoryTemplate(kind: DirectoryKind): Promise<void> {
  return unwrapDownload(api.GET('/api/directory/{kind}/template', { params: { path: { kind } }, parseAs: 'blob' }), `${kind}-template.xlsx`);
}

export function fetchCampaigns(): Promise<CampaignDto[]> {
  return unwrap(api.GET('/api/campaigns'));
}

export function fetchCampaign(id: string): Promise<CampaignDto> {
  return unwrap(api.GET('/api/campaigns/{id}', { params: { path: { id } } }));
}

export function createCampaign(campaign: CreateCampaignDto): Promise<CampaignDto> {
  return unwrap(api.POST('/api/campaigns', { body: campaign }));
}

export function updateCampaign(id: string, changes: UpdateCampaignDto): Promise<CampaignDto> {
  return unwrap(api.PATCH('/api/campaigns/{id}', { params: { path: { id } }, body: changes }));
}

export type CampaignAction = 'open' | 'close' | 'publish';

export function changeCampaignStatus(id: string, action: CampaignAction): Promise<CampaignDto> {
  const options = { params: { path: { id } } };
  switch (action) {
    case 'open':
      return unwrap(api.POST('/api/campaigns/{id}/open', options));
    case 'close':
      return unwrap(api.POST('/api/campaigns/{id}/close', options));
    case 'publish':
      return unwrap(api.POST('/api/campaigns/{id}/publish', options));
  }
}

export type InvitationQuery = NonNullable<operations['listInvitations']['parameters']['query']>;

export function generateInvitations(campaignId: string): Promise<GenerateInvitationsResultDto> {
  return unwrap(api.POST('/api/campaigns/{id}/invitations', { params: { path: { id: campaignId } } }));
}

export function fetchInvitations(campaignId: string, query: InvitationQuery): Promise<InvitationPageDto> {
  return unwrap(api.GET('/api/campaigns/{id}/invitations', { params: { path: { id: campaignId }, query } }));
}

export function revokeInvitation(campaignId: string, invitationId: string): Promise<InvitationDto> {
  return unwrap(
    api.POST('/api/campaigns/{id}/invitations/{invitationId}/revoke', { params: { path: { id: campaignId, invitationId } } }),
  );
}

export function reissueInvitation(campaignId: string, invitationId: string): Promise<InvitationDto> {
  return unwrap(
    api.POST('/api/campaigns/{id}/invitations/{invitationId}/reissue', { params: { path: { id: campaignId, invitationId } } }),
  );
}

export function downloadInvitations(campaignId: string, format: 'csv' | 'xlsx'): Promise<void> {
  const options = { params: { path: { id: campaignId } }, parseAs: 'blob' } as const;
  return format === 'csv'
    ? unwrapDownload(api.GET('/api/campaigns/{id}/invitations.csv', options), 'invitations.csv')
    : unwrapDownload(api.GET('/api/campaigns/{id}/invitations.xlsx', options), 'invitations.xlsx');
}

export function fetchProgress(campaignId: string): Promise<ProgressDto> {
  return unwrap(api.GET('/api/campaigns/{id}/progress', { params: { path: { id: campaignId } } }));
}

export function downloadNonResponders(campaignId: string): Promise<void> {
  return unwrapDownload(
    api.GET('/api/campaigns/{id}/non-responders.xlsx', { params: { path: { id: campaignId } }, parseAs: 'blob' }),
    'non-responders.xlsx',
  );
}
