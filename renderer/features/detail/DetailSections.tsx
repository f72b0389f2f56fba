import { useTranslation } from 'react-i18next';
import type { PersonalDetail } from '../../../shared/domain';
import { formatIst } from '../../ui/format/ist';
import type { Language } from '../../window-state/session/initial-state';
import { Field, FieldGroup, text } from '../../ui/Fields';

// A BCP 47 tag, or nothing: the feed's value lands in an attribute.
const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function istOf(value: unknown, language: Language): string | null {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? formatIst(ms, language) : text(value);
}

/** The revealed personal fields of one flag (after a reveal with a reason: RevealPanel). */
export function DetailSections({ personal, language }: { personal: PersonalDetail; language: Language }) {
  const { t } = useTranslation();
  const s = personal.subject;
  const c = personal.content ?? {};
  const l = personal.location ?? {};
  const contentLang = text(c.language);
  const lat = text(l.lat);
  const lon = text(l.lon);
  const accuracy = text(l.accuracy_m);
  return (
    <>
      <FieldGroup title={t('detail.subject')}>
        <Field
          label={t('detail.displayName')}
          value={text(s.display_name)}
          className="field--wide field--strong"
          testId="subject-name"
        />
        <Field label={t('detail.handle')} value={text(s.handle)} />
        <Field label={t('detail.age')} value={text(s.age)} />
        <Field label={t('detail.phone')} value={text(s.phone)} className="field--strong" />
        <Field label={t('detail.email')} value={text(s.email)} />
        <Field label={t('detail.accountId')} value={text(s.account_id)} />
        {/* Plain text on purpose: one click must never open a child's profile from a police desk. */}
        <Field label={t('detail.profileUrl')} value={text(s.profile_url)} className="field--wide url" />
      </FieldGroup>
      <FieldGroup title={t('detail.content')}>
        <div className="field field--wide">
          <dt>{t('detail.excerpt')}</dt>
          <dd>
            {text(c.excerpt) ? (
              <blockquote
                className="excerpt"
                lang={contentLang && LANG_TAG.test(contentLang) ? contentLang : undefined}
                dir="auto"
                data-testid="excerpt"
              >
                {text(c.excerpt)}
              </blockquote>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <Field label={t('detail.postedAt')} value={istOf(c.posted_at, language)} />
        <Field label={t('detail.postUrl')} value={text(c.post_url)} className="field--wide url" />
      </FieldGroup>
      <FieldGroup title={t('detail.location')}>
        <Field label={t('detail.locDistrict')} value={text(l.district)} />
        <Field label={t('detail.city')} value={text(l.city)} />
        <Field label={t('detail.pincode')} value={text(l.pincode)} />
        <Field label={t('detail.coordinates')} value={lat && lon ? `${lat}, ${lon}` : null} />
        <Field label={t('detail.locSource')} value={text(l.source)} />
        <Field label={t('detail.accuracy')} value={accuracy ? `± ${accuracy} m` : null} />
      </FieldGroup>
      <FieldGroup title={t('detail.institution')}>
        <Field label={t('detail.institution')} value={personal.institution} className="field--wide" />
      </FieldGroup>
    </>
  );
}
