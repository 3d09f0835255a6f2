import { Form, Input, Select, Spin, Typography, type SelectProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { fetchDepartments, fetchDistricts } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import type { UserRole } from '../../api/models';
import { ROLES } from '../roles';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { unitCodeForRole, unitKindOf, unitLabel, type UnitKind, type UserUnit } from './userUnits';

export function DisplayNameField() {
  const { t } = useConsoleTranslation();
  return (
    <Form.Item
      name="displayName"
      label={t('users.form.displayName')}
      rules={[{ required: true, whitespace: true, message: t('users.form.displayNameRequired') }]}
    >
      <Input maxLength={100} autoComplete="off" />
    </Form.Item>
  );
}

interface RoleFieldProps {
  disabled?: boolean;
  /** The unit the user already has: choosing a role of that kind again brings it back. */
  initialUnit?: UserUnit | null;
}

/** The role; changing it resets the unit, since a department code is no district and other roles have none. */
export function RoleField({ disabled = false, initialUnit = null }: RoleFieldProps) {
  const { t } = useConsoleTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.Item name="role" label={t('users.form.role')} rules={[{ required: true, message: t('users.form.roleRequired') }]}>
      <Select<UserRole>
        disabled={disabled}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        onChange={(role) => form.setFieldValue('unitCode', unitCodeForRole(role, initialUnit))}
      />
    </Form.Item>
  );
}

/** The department or district the user works for, asked only while the role has one. */
export function UnitField({ initialUnit = null }: { initialUnit?: UserUnit | null }) {
  const { t } = useConsoleTranslation();
  return (
    <Form.Item noStyle shouldUpdate={(before, after) => before.role !== after.role}>
      {({ getFieldValue }) => {
        const kind = unitKindOf(getFieldValue('role') as UserRole | undefined);
        if (!kind) return null;
        const label = kind === 'department' ? t('users.form.unitDepartment') : t('users.form.unitDistrict');
        return (
          <Form.Item
            name="unitCode"
            label={label}
            rules={[{ required: true, message: kind === 'department' ? t('users.form.unitDepartmentRequired') : t('users.form.unitDistrictRequired') }]}
          >
            {/* Keyed by kind, so switching between departments and districts starts a fresh list. */}
            <UnitSelect key={kind} kind={kind} initialUnit={initialUnit} />
          </Form.Item>
        );
      }}
    </Form.Item>
  );
}

/** Enough to list every department of a city at once; a longer list is narrowed by searching. */
const UNIT_PAGE_SIZE = 100;
const SEARCH_DELAY_MS = 300;

interface UnitSelectProps extends Omit<SelectProps<string>, 'options' | 'showSearch'> {
  kind: UnitKind;
  initialUnit: UserUnit | null;
}

/** A select of the directory's departments or districts, searched on the server by code or name. */
function UnitSelect({ kind, initialUnit, value, onChange, ...selectProps }: UnitSelectProps) {
  const { t } = useConsoleTranslation();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const load = useCallback((): Promise<{ items: { code: string; nameZh: string; nameEn: string }[]; total: number }> => {
    const page = { q: query || undefined, pageSize: UNIT_PAGE_SIZE };
    return kind === 'department' ? fetchDepartments(page) : fetchDistricts(page);
  }, [kind, query]);
  const units = useRemoteData(load);

  // The chosen unit keeps its name while a search leaves it out of the list.
  const [picked, setPicked] = useState<{ value: string; label: string }>();
  const chosenLabel =
    value === undefined || value === null
      ? undefined
      : picked?.value === value
        ? picked.label
        : initialUnit?.kind === kind && initialUnit.code === value
          ? unitLabel(initialUnit)
          : undefined;
  const options = (units.data?.items ?? []).map((unit) => ({ value: unit.code, label: unitLabel(unit) }));
  if (value && chosenLabel && !options.some((option) => option.value === value)) options.unshift({ value, label: chosenLabel });

  const total = units.data?.total ?? 0;
  const shown = units.data?.items.length ?? 0;
  const notFound = units.loading ? (
    <Spin size="small" />
  ) : units.error !== undefined ? (
    <Typography.Text type="danger">{describeError(units.error)}</Typography.Text>
  ) : query ? (
    t('users.form.unitNoMatch')
  ) : kind === 'department' ? (
    t('users.form.noDepartments')
  ) : (
    t('users.form.noDistricts')
  );

  return (
    <Select<string>
      {...selectProps}
      value={value}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={units.loading}
      placeholder={t('users.form.unitPlaceholder')}
      notFoundContent={notFound}
      onChange={(next, option) => {
        const chosen = Array.isArray(option) ? undefined : option;
        if (next && typeof chosen?.label === 'string') setPicked({ value: next, label: chosen.label });
        onChange?.(next, option);
      }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      popupRender={(menu) => (
        <>
          {menu}
          {total > shown && (
            <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>
              {t('users.form.unitMore', { shown, total })}
            </Typography.Text>
          )}
        </>
      )}
    />
  );
}
