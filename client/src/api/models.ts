import type { components } from './schema';

type Schemas = components['schemas'];

export type HealthDto = Schemas['HealthDto'];
export type LoginDto = Schemas['LoginDto'];
export type LoginResponseDto = Schemas['LoginResponseDto'];
export type ChangePasswordDto = Schemas['ChangePasswordDto'];
export type UserDto = Schemas['UserDto'];
export type UserRole = UserDto['role'];
export type CreateUserDto = Schemas['CreateUserDto'];
export type UpdateUserDto = Schemas['UpdateUserDto'];
export type AuditPageDto = Schemas['AuditPageDto'];
export type AuditEntryDto = Schemas['AuditEntryDto'];

export const DIRECTORY_KINDS = ['departments', 'districts', 'enterprises'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];
export type DepartmentDto = Schemas['DepartmentDto'];
export type DistrictDto = Schemas['DistrictDto'];
export type EnterpriseDto = Schemas['EnterpriseDto'];
export type DepartmentPageDto = Schemas['DepartmentPageDto'];
export type DistrictPageDto = Schemas['DistrictPageDto'];
export type EnterprisePageDto = Schemas['EnterprisePageDto'];
export type DepartmentInputDto = Schemas['DepartmentInputDto'];
export type DistrictInputDto = Schemas['DistrictInputDto'];
export type EnterpriseInputDto = Schemas['EnterpriseInputDto'];
export type DistrictKind = Schemas['DistrictKind'];
export type SizeBand = Schemas['SizeBand'];
export type ImportResultDto = Schemas['ImportResultDto'];

export type CampaignDto = Schemas['CampaignDto'];
export type CampaignStatus = Schemas['CampaignStatus'];
export type EvaluationDto = Schemas['EvaluationDto'];
export type EvaluationKind = Schemas['EvaluationKind'];
export type CreateCampaignDto = Schemas['CreateCampaignDto'];
export type UpdateCampaignDto = Schemas['UpdateCampaignDto'];

export type InvitationDto = Schemas['InvitationDto'];
export type InvitationPageDto = Schemas['InvitationPageDto'];
export type InvitationStatus = Schemas['InvitationStatus'];
export type RaterType = InvitationDto['raterType'];
export type GenerateInvitationsResultDto = Schemas['GenerateInvitationsResultDto'];

export type ProgressDto = Schemas['ProgressDto'];
export type ProgressCountsDto = Schemas['ProgressCountsDto'];
export type EvaluationProgressDto = Schemas['EvaluationProgressDto'];
export type GroupProgressDto = Schemas['GroupProgressDto'];
