import { Alert, App, Button, Card, Form, Skeleton, Typography, type FormInstance } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, describeError, fieldProblems } from '../../api/errors';
import type { CampaignDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatPercent } from '../../shared/format';
import { ANSWER_ORDER, answerLabel, criterionLabel } from '../results/resultLabels';
import { isAdmin } from '../roles';
import { useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';
import { fetchScoringMethod, saveScoringConfig } from './scoringConfigApi';
import { LoadFailure } from '../LoadFailure';
import { useRemoteData } from '../useRemoteData';
import {
  CERTIFICATIONS,
  CRITERIA,
  CSR_INDICATORS,
  CUSTOM_POINTS,
  DEPARTMENT_PARTS,
  DISTRICT_PARTS,
  LABOUR_POINTS,
  placeProblems,
  POINT_PRESET_NAMES,
  pointsOverHundred,
  ratedGroups,
  sensitivityAfterPresetChange,
  toFormValues,
  toScoringConfig,
  weightShares,
  weightsEmpty,
  type Amount,
  type AwardBasis,
  type FormPath,
  type PointPreset,
  type PointPresets,
  type RatedGroup,
  type ScoringConfig,
  type ScoringFormValues,
  type ScoringMethod,
} from './scoringConfigForm';
import { ChoiceValue, FieldGroup, FieldProblems, NumberField, ScoringSection } from './ScoringConfigFields';
import './scoringConfig.css';

interface ScoringConfigCardProps {
  campaign: CampaignDto;
  onChanged: () => void;
}

/**
 * The campaign's scoring method: a form while it is a draft (for the office), the same values
 * read-only otherwise. Save sends the whole configuration; the server says what it refuses.
 */
export function ScoringConfigCard({ campaign, onChanged }: ScoringConfigCardProps) {
  const { t } = useConsoleTranslation();
  const admin = isAdmin(useCurrentUser());
  const draft = campaign.status === 'draft';
  // The server completes the stored configuration with the defaults.
  const stored = campaign.scoringConfig as unknown as ScoringConfig;
  const method = useRemoteData(useCallback(() => fetchScoringMethod(), []));
  const groups = useMemo(() => ratedGroups(campaign.evaluations.map((evaluation) => evaluation.kind)), [campaign.evaluations]);
  const note = !draft ? t('scoringConfig.frozen') : admin ? t('scoringConfig.intro') : t('scoringConfig.setByOffice');

  return (
    <Card title={t('scoringConfig.title')} className="console-scoring-config">
      {draft ? <Typography.Paragraph type="secondary">{note}</Typography.Paragraph> : <Alert type="info" showIcon title={note} className="console-form-alert" />}
      {/* A saved configuration starts the form afresh; a reload that changed nothing keeps the office's edits. */}
      {method.error !== undefined && <LoadFailure error={method.error} onRetry={method.reload} />}
      {method.data === undefined && method.error === undefined && <Skeleton active paragraph={{ rows: 6 }} />}
      {method.data !== undefined && (
        <ScoringConfigForm
          key={JSON.stringify(campaign.scoringConfig)}
          campaignId={campaign.id}
          stored={stored}
          method={method.data}
          groups={groups}
          editable={admin && draft}
          onChanged={onChanged}
        />
      )}
    </Card>
  );
}

interface ScoringConfigFormProps {
  campaignId: string;
  stored: ScoringConfig;
  method: ScoringMethod;
  groups: RatedGroup[];
  editable: boolean;
  onChanged: () => void;
}

/** The server's names of the groups a message can stand under. */
const GROUPS = new Set([
  'points.values',
  'alternativePoints',
  'criterionWeights',
  'composite.departments',
  'composite.districts',
  'uncertainty.reviewBand',
  'csr.weights',
  'csr.award',
  'csr.points.environment',
  'csr.points.labour',
]);

/** The server's names of the single fields the form shows, whatever the points and criteria. */
const FIXED_FIELDS = [
  'eligibility.enterprise.rankedMin',
  'eligibility.enterprise.flaggedMin',
  'eligibility.district.quorumShare',
  'eligibility.district.trimAtLeast',
  'eligibility.informationShortageShare',
  ...DEPARTMENT_PARTS.map((part) => `composite.departments.${part}`),
  ...DISTRICT_PARTS.map((part) => `composite.districts.${part}`),
  'composite.overdueCaseDeduction',
  'composite.maxDeduction',
  'awards.quotaShare',
  'awards.quotaMinimum',
  'awards.threshold',
  'uncertainty.resamples',
  'uncertainty.rankInterval',
  'uncertainty.reviewBand[0]',
  'uncertainty.reviewBand[1]',
  ...CSR_INDICATORS.map((indicator) => `csr.weights.${indicator}`),
  ...LABOUR_POINTS.map((name) => `csr.points.labour.${name}`),
];

interface SaveFailure {
  message: string;
  others: string[];
}

function ScoringConfigForm({ campaignId, stored, method, groups, editable, onChanged }: ScoringConfigFormProps) {
  const presets = method.pointPresets;
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<ScoringFormValues>();
  // What the form's values go over: the stored configuration, or the defaults once restored.
  const [base, setBase] = useState(stored);
  const [generation, setGeneration] = useState(0);
  const [groupProblems, setGroupProblems] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const initialValues = useMemo(() => toFormValues(base, groups, presets), [base, groups, presets]);
  // The scale chosen before the current one, for the sensitivity run.
  const presetShown = useRef(initialValues.points.preset);
  // Restored defaults replace every value, those of answer codes the defaults lack included.
  useEffect(() => {
    if (generation === 0) return;
    form.resetFields();
    presetShown.current = form.getFieldValue(['points', 'preset']) as ScoringFormValues['points']['preset'];
  }, [form, generation]);

  // Field names come from the server's messages, not from the form's type.
  const setErrors = (fields: { name: FormPath; errors: string[] }[]) => (form as FormInstance).setFields(fields);
  const clearProblems = () => {
    setErrors(form.getFieldsError().filter((field) => field.errors.length > 0).map((field) => ({ name: field.name, errors: [] })));
    setGroupProblems({});
    setFailure(null);
  };

  const save = async () => {
    const values = form.getFieldsValue(true) as ScoringFormValues;
    clearProblems();
    setSaving(true);
    try {
      await saveScoringConfig(campaignId, toScoringConfig(values, base, presets));
      void message.success(t('scoringConfig.saved'));
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SCORING_CONFIG_INVALID') {
        const shown = new Set([
          ...FIXED_FIELDS,
          ...(values.points.preset === CUSTOM_POINTS ? Object.keys(values.points.values).map((code) => `points.values.${code}`) : []),
          ...Object.keys(values.criterionWeights).map((code) => `criterionWeights.${code}`),
          // Only the amount of the chosen basis has a field on the form.
          `csr.award.${values.csr.award.basis}`,
          ...Object.keys(values.csr.points.environment).map((code) => `csr.points.environment.${code}`),
        ]);
        const placed = placeProblems(fieldProblems(error), shown, GROUPS);
        setErrors(placed.fields);
        setGroupProblems(placed.groups);
        setFailure({ message: describeError(error), others: placed.others });
      } else if (error instanceof ApiError && error.code === 'CAMPAIGN_NOT_DRAFT') {
        // The campaign opened meanwhile: say so, and show it as it now is.
        setFailure({ message: describeError(error), others: [] });
        onChanged();
      } else {
        reportError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const restoreDefaults = () => {
    clearProblems();
    setBase(JSON.parse(JSON.stringify(method.defaults)) as ScoringConfig);
    setGeneration((value) => value + 1);
    void message.info(t('scoringConfig.restored'));
  };

  // A preset brings its points; "custom" keeps the points shown, to be changed one by one.
  const followPreset = (changed: Partial<ScoringFormValues>, all: ScoringFormValues) => {
    const preset = changed.points?.preset;
    if (!preset) return;
    if (preset !== CUSTOM_POINTS) form.setFieldValue(['points', 'values'], { ...presets[preset] });
    form.setFieldValue('sensitivity', sensitivityAfterPresetChange(all.sensitivity, presetShown.current, preset));
    presetShown.current = preset;
  };

  return (
    <>
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure.message}
          description={failure.others.length > 0 ? <OtherProblems messages={failure.others} /> : undefined}
          className="console-form-alert"
        />
      )}
      <Form<ScoringFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={followPreset}
        onFinish={() => void save()}
        className="console-scoring-config__form"
      >
        <PointsSection editable={editable} stored={base} presets={presets} problems={groupProblems} />
        <CriteriaSection editable={editable} groups={groups} problems={groupProblems} />
        <EligibilitySection editable={editable} />
        <CompositeSection editable={editable} problems={groupProblems} />
        <AwardsSection editable={editable} />
        <UncertaintySection editable={editable} problems={groupProblems} />
        <CsrSection editable={editable} problems={groupProblems} />
        {editable && (
          <div className="console-scoring-config__actions">
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('scoringConfig.save')}
            </Button>
            <Button onClick={restoreDefaults} disabled={saving}>
              {t('scoringConfig.restore')}
            </Button>
          </div>
        )}
      </Form>
    </>
  );
}

function OtherProblems({ messages }: { messages: string[] }) {
  const { t } = useConsoleTranslation();
  return (
    <>
      {t('scoringConfig.others')}
      <ul className="console-scoring-config__others">
        {messages.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </>
  );
}

interface SectionProps {
  editable: boolean;
  problems: Record<string, string[]>;
}

/** The codes of `values` in the order the questionnaire lists them; codes of the office's own after. */
function codesInOrder(values: Record<string, Amount> | undefined, order: readonly string[]): string[] {
  const codes = Object.keys(values ?? {});
  const known = order.filter((code) => codes.includes(code));
  return [...known, ...codes.filter((code) => !known.includes(code))];
}

function PointsSection({ editable, stored, presets, problems }: SectionProps & { stored: ScoringConfig; presets: PointPresets }) {
  const { t } = useConsoleTranslation();
  const form = Form.useFormInstance<ScoringFormValues>();
  const preset = Form.useWatch(['points', 'preset'], form);
  // Preserved: the points of a preset are in the form's values before any field shows them.
  const values = Form.useWatch(['points', 'values'], { form, preserve: true }) as Record<string, Amount> | undefined;
  const presetLabel = (name: string) => (name in presets || name === CUSTOM_POINTS ? t(`scoringConfig.presets.${name as PointPreset | typeof CUSTOM_POINTS}`) : name);
  // Sensitivity scales: the presets, and any other the stored configuration names.
  const sensitivityNames = [...POINT_PRESET_NAMES, ...Object.keys(stored.alternativePoints).filter((name) => !(name in presets))];

  return (
    <ScoringSection name="points">
      <div className="console-scoring-config__grid">
        <Form.Item name={['points', 'preset']} label={t('scoringConfig.fields.preset.label')} extra={t('scoringConfig.fields.preset.help')}>
          <ChoiceValue editable={editable} options={[...POINT_PRESET_NAMES, CUSTOM_POINTS].map((name) => ({ value: name, label: presetLabel(name) }))} />
        </Form.Item>
        <Form.Item name="sensitivity" label={t('scoringConfig.fields.sensitivity.label')} extra={t('scoringConfig.fields.sensitivity.help')}>
          <ChoiceValue editable={editable} multiple options={sensitivityNames.map((name) => ({ value: name, label: presetLabel(name) }))} />
        </Form.Item>
      </div>
      <FieldProblems messages={problems.alternativePoints} />
      <div className="console-scoring-config__grid console-scoring-config__grid--narrow">
        {codesInOrder(values, ANSWER_ORDER).map((code) => (
          <NumberField
            key={code}
            name={['points', 'values', code]}
            label={t('scoringConfig.fields.points.label', { answer: answerLabel(code) })}
            help={t('scoringConfig.fields.points.help', { answer: answerLabel(code) })}
            editable={editable && preset === CUSTOM_POINTS}
          />
        ))}
      </div>
      <FieldProblems messages={problems['points.values']} />
    </ScoringSection>
  );
}

function CriteriaSection({ editable, groups, problems }: SectionProps & { groups: RatedGroup[] }) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const weights = Form.useWatch('criterionWeights', Form.useFormInstance<ScoringFormValues>()) as Record<string, Amount> | undefined;

  return (
    <ScoringSection name="criteria">
      {groups.length === 0 && <Typography.Text type="secondary">{t('scoringConfig.noRatedGroups')}</Typography.Text>}
      {groups.map((group) => {
        const codes = CRITERIA[group];
        const groupWeights = Object.fromEntries(codes.map((code) => [code, weights?.[code] ?? null]));
        const shares = weightShares(groupWeights);
        return (
          <FieldGroup key={group} title={t(`scoringConfig.ratedGroups.${group}`)} warning={weightsEmpty(groupWeights) ? t('scoringConfig.emptyWeights') : undefined}>
            {codes.map((code) => {
              const share = shares?.[code];
              return (
                <NumberField
                  key={code}
                  name={['criterionWeights', code]}
                  label={criterionLabel(code)}
                  help={t('scoringConfig.fields.criterion.help', { share: share === undefined ? '—' : formatPercent(share, language) })}
                  editable={editable}
                />
              );
            })}
          </FieldGroup>
        );
      })}
      <FieldProblems messages={problems.criterionWeights} />
    </ScoringSection>
  );
}

function EligibilitySection({ editable }: { editable: boolean }) {
  const { t } = useConsoleTranslation();
  const field = (name: 'rankedMin' | 'flaggedMin' | 'quorumShare' | 'trimAtLeast' | 'informationShortageShare', path: (string | number)[], percent = false) => (
    <NumberField
      name={path}
      label={t(`scoringConfig.fields.${name}.label`)}
      help={t(`scoringConfig.fields.${name}.help`)}
      percent={percent}
      editable={editable}
    />
  );
  return (
    <ScoringSection name="eligibility">
      <div className="console-scoring-config__grid">
        {field('rankedMin', ['eligibility', 'enterprise', 'rankedMin'])}
        {field('flaggedMin', ['eligibility', 'enterprise', 'flaggedMin'])}
        {field('quorumShare', ['eligibility', 'district', 'quorumShare'], true)}
        {field('trimAtLeast', ['eligibility', 'district', 'trimAtLeast'])}
        {field('informationShortageShare', ['eligibility', 'informationShortageShare'], true)}
      </div>
    </ScoringSection>
  );
}

function CompositeSection({ editable, problems }: SectionProps) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const form = Form.useFormInstance<ScoringFormValues>();
  const departments = Form.useWatch(['composite', 'departments'], form);
  const districts = Form.useWatch(['composite', 'districts'], form);

  const weights = <K extends string>(composite: 'departments' | 'districts', parts: readonly K[], watched: Partial<Record<K, Amount>> | undefined) => {
    const shares = weightShares(watched);
    return (
      <FieldGroup
        title={t(`scoringConfig.composites.${composite}`)}
        warning={weightsEmpty(watched) ? t('scoringConfig.emptyWeights') : undefined}
        problems={problems[`composite.${composite}`]}
      >
        {parts.map((part) => {
          const share = shares?.[part];
          return (
            <NumberField
              key={part}
              name={['composite', composite, part]}
              label={t(`scoringConfig.fields.${composite}.${part}.label` as 'scoringConfig.fields.departments.enterprises.label')}
              help={t(`scoringConfig.fields.${composite}.${part}.help` as 'scoringConfig.fields.departments.enterprises.help')}
              share={share === undefined ? t('scoringConfig.noShare') : t('scoringConfig.share', { share: formatPercent(share, language) })}
              editable={editable}
            />
          );
        })}
      </FieldGroup>
    );
  };

  return (
    <ScoringSection name="composite">
      {weights('departments', DEPARTMENT_PARTS, departments)}
      {weights('districts', DISTRICT_PARTS, districts)}
      <div className="console-scoring-config__grid">
        <NumberField
          name={['composite', 'overdueCaseDeduction']}
          label={t('scoringConfig.fields.overdueCaseDeduction.label')}
          help={t('scoringConfig.fields.overdueCaseDeduction.help')}
          editable={editable}
        />
        <NumberField name={['composite', 'maxDeduction']} label={t('scoringConfig.fields.maxDeduction.label')} help={t('scoringConfig.fields.maxDeduction.help')} editable={editable} />
      </div>
    </ScoringSection>
  );
}

function AwardsSection({ editable }: { editable: boolean }) {
  const { t } = useConsoleTranslation();
  return (
    <ScoringSection name="awards">
      <div className="console-scoring-config__grid">
        <NumberField name={['awards', 'quotaShare']} label={t('scoringConfig.fields.quotaShare.label')} help={t('scoringConfig.fields.quotaShare.help')} percent editable={editable} />
        <NumberField name={['awards', 'quotaMinimum']} label={t('scoringConfig.fields.quotaMinimum.label')} help={t('scoringConfig.fields.quotaMinimum.help')} editable={editable} />
        <NumberField name={['awards', 'threshold']} label={t('scoringConfig.fields.threshold.label')} help={t('scoringConfig.fields.threshold.help')} editable={editable} />
      </div>
    </ScoringSection>
  );
}

function UncertaintySection({ editable, problems }: SectionProps) {
  const { t } = useConsoleTranslation();
  return (
    <ScoringSection name="uncertainty">
      <div className="console-scoring-config__grid">
        <NumberField name={['uncertainty', 'resamples']} label={t('scoringConfig.fields.resamples.label')} help={t('scoringConfig.fields.resamples.help')} editable={editable} />
        <NumberField name={['uncertainty', 'rankInterval']} label={t('scoringConfig.fields.rankInterval.label')} help={t('scoringConfig.fields.rankInterval.help')} percent editable={editable} />
        <NumberField name={['uncertainty', 'reviewBand', 0]} label={t('scoringConfig.fields.reviewLow.label')} help={t('scoringConfig.fields.reviewLow.help')} percent editable={editable} />
        <NumberField name={['uncertainty', 'reviewBand', 1]} label={t('scoringConfig.fields.reviewHigh.label')} help={t('scoringConfig.fields.reviewHigh.help')} percent editable={editable} />
      </div>
      <FieldProblems messages={problems['uncertainty.reviewBand']} />
    </ScoringSection>
  );
}

const AWARD_BASES: readonly AwardBasis[] = ['count', 'share'];

function CsrSection({ editable, problems }: SectionProps) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const form = Form.useFormInstance<ScoringFormValues>();
  const weights = Form.useWatch(['csr', 'weights'], form);
  const basis = Form.useWatch(['csr', 'award', 'basis'], form);
  // Preserved: the certifications shown are the keys of the values.
  const environment = Form.useWatch(['csr', 'points', 'environment'], { form, preserve: true }) as Record<string, Amount> | undefined;
  const labour = Form.useWatch(['csr', 'points', 'labour'], form);
  const shares = weightShares(weights);
  const certificationLabel = (code: string) => ((CERTIFICATIONS as readonly string[]).includes(code) ? t(`scoringConfig.certifications.${code as (typeof CERTIFICATIONS)[number]}`) : code);
  const pointsWarning = (points: Partial<Record<string, Amount>> | undefined) => (pointsOverHundred(points) ? t('scoringConfig.csr.pointsOver') : undefined);

  return (
    <ScoringSection name="csr">
      <FieldGroup title={t('scoringConfig.csr.weights')} warning={weightsEmpty(weights) ? t('scoringConfig.emptyWeights') : undefined} problems={problems['csr.weights']}>
        {CSR_INDICATORS.map((indicator) => {
          const share = shares?.[indicator];
          return (
            <NumberField
              key={indicator}
              name={['csr', 'weights', indicator]}
              label={t(`scoringConfig.fields.csrWeights.${indicator}.label`)}
              help={t(`scoringConfig.fields.csrWeights.${indicator}.help`)}
              share={share === undefined ? t('scoringConfig.noShare') : t('scoringConfig.share', { share: formatPercent(share, language) })}
              editable={editable}
            />
          );
        })}
      </FieldGroup>
      <div className="console-scoring-config__grid">
        <Form.Item name={['csr', 'award', 'basis']} label={t('scoringConfig.fields.awardBasis.label')} extra={t('scoringConfig.fields.awardBasis.help')} className="console-scoring-config__field">
          <ChoiceValue editable={editable} options={AWARD_BASES.map((name) => ({ value: name, label: t(`scoringConfig.csr.bases.${name}`) }))} />
        </Form.Item>
        {basis === 'count' ? (
          <NumberField name={['csr', 'award', 'count']} label={t('scoringConfig.fields.awardCount.label')} help={t('scoringConfig.fields.awardCount.help')} editable={editable} />
        ) : (
          <NumberField name={['csr', 'award', 'share']} label={t('scoringConfig.fields.awardShare.label')} help={t('scoringConfig.fields.awardShare.help')} percent editable={editable} />
        )}
      </div>
      <FieldProblems messages={problems['csr.award']} />
      <FieldGroup title={t('scoringConfig.csr.environment')} warning={pointsWarning(environment)} problems={problems['csr.points.environment']}>
        {codesInOrder(environment, CERTIFICATIONS).map((code) => (
          <NumberField
            key={code}
            name={['csr', 'points', 'environment', code]}
            label={certificationLabel(code)}
            help={t('scoringConfig.fields.certification.help')}
            editable={editable}
          />
        ))}
      </FieldGroup>
      <FieldGroup title={t('scoringConfig.csr.labour')} warning={pointsWarning(labour)} problems={problems['csr.points.labour']}>
        {LABOUR_POINTS.map((name) => (
          <NumberField
            key={name}
            name={['csr', 'points', 'labour', name]}
            label={t(`scoringConfig.fields.${name}.label`)}
            help={t(`scoringConfig.fields.${name}.help`)}
            editable={editable}
          />
        ))}
      </FieldGroup>
    </ScoringSection>
  );
}
