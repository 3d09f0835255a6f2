import { useEffect, useState } from 'react';
import { localName } from '../BilingualName';
import { fetchCaseCategories, type CaseCategoryListItemDto } from './caseApi';

interface CategoryName {
  code: string;
  nameZh: string;
  nameEn: string;
}

/**
 * The categories a case form offers: the active ones, in the office's order. A category the
 * case already has stays offered even when it has been retired, so the form can keep it.
 */
export function useCaseCategoryOptions(current?: CategoryName | null): { value: string; label: string }[] {
  const [categories, setCategories] = useState<CaseCategoryListItemDto[]>([]);

  useEffect(() => {
    let live = true;
    fetchCaseCategories().then(
      (list) => {
        if (live) setCategories(list);
      },
      () => {
        // Without the list the picker stays empty; the rest of the form still works.
      },
    );
    return () => {
      live = false;
    };
  }, []);

  // Labels follow the console language, so they are worked out on every render.
  const offered: CategoryName[] = categories.filter((c) => c.active).sort((a, b) => a.position - b.position);
  if (current && !offered.some((c) => c.code === current.code)) offered.push(current);
  return offered.map((c) => ({ value: c.code, label: localName(c.nameZh, c.nameEn) }));
}
