import { useEffect, useState } from 'react';
import { fetchDepartments, fetchDistricts } from '../../api/endpoints';
import { localName } from '../BilingualName';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';

export interface UnitOptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** The departments and districts of the directory, grouped for a select; loaded when `enabled`. */
export function useUnitOptions(enabled: boolean): { groups: UnitOptionGroup[]; loading: boolean } {
  const { t, i18n } = useConsoleTranslation();
  const reportError = useReportError();
  const [groups, setGroups] = useState<UnitOptionGroup[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setLoading(true);
    Promise.all([fetchDepartments({ pageSize: 500 }), fetchDistricts({ pageSize: 500 })]).then(
      ([departments, districts]) => {
        if (!current) return;
        const option = (unit: { code: string; nameZh: string; nameEn: string }) => ({ value: unit.code, label: `${localName(unit.nameZh, unit.nameEn)} (${unit.code})` });
        setGroups([
          { label: t('cases.form.departments'), options: departments.items.map(option) },
          { label: t('cases.form.districts'), options: districts.items.map(option) },
        ]);
        setLoading(false);
      },
      (error: unknown) => {
        if (!current) return;
        setLoading(false);
        reportError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [enabled, t, i18n.language, reportError]);

  return { groups, loading };
}
