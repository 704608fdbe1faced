/**
 * Arabic, `<acct-api-tokens>`'s section of the Arabic string set (ar.ts puts it together), and the
 * messages of the API-token error codes, which ar.ts spreads into `errors`.
 */
import type { ApiTokenSections, apiTokenErrorsEn } from './en-api-tokens.js';
import { plural } from './plural.js';

export const apiTokensAr: ApiTokenSections = {
  apiTokens: {
    title: 'رموز API',
    intro: 'تتيح الرموز لخوادمك استدعاء acct باسم هذه المؤسسة. امنح كل رمز الصلاحيات التي يحتاجها فقط.',
    noOrganization: 'اختر مؤسسة لإدارة رموز API الخاصة بها.',
    signedOut: 'سجّل الدخول لإدارة رموز API.',
    loadFailed: 'تعذّر تحميل رموز API.',
    createTitle: 'رمز جديد',
    name: 'الاسم',
    nameHint: 'ما الذي يستخدمه، مثل «خادم الفوترة».',
    scopes: 'الصلاحيات',
    scopesRequired: 'اختر صلاحية واحدة على الأقل.',
    scope: {
      'checklist:write': 'إنجاز عناصر قائمة الإعداد للأعضاء',
      'members:read': 'قراءة الأعضاء',
      'webhooks:manage': 'إدارة خطافات الويب',
      'events:read': 'قراءة الأحداث',
    },
    expiry: 'تنتهي الصلاحية',
    expiryNever: 'أبدًا',
    expiryDays: (days) =>
      `خلال ${plural('ar', days, { one: 'يوم واحد', two: 'يومين', few: '# أيام', many: '# يومًا', other: '# يوم' })}`,
    create: 'إنشاء رمز',
    createdTitle: 'انسخ رمزك الجديد',
    createdText: 'هذه هي المرة الوحيدة التي يظهر فيها الرمز. احفظه في مكان آمن، مثل الإعدادات السرية لخادمك.',
    secretLabel: 'الرمز',
    copy: 'نسخ',
    copied: 'نُسخ.',
    copyFailed: 'تعذّر النسخ: حدّد الرمز وانسخه بنفسك.',
    done: 'لقد حفظته',
    empty: 'لا توجد رموز API بعد.',
    listTitle: 'الرموز',
    createdBy: (who, when) => `أنشأه ${who} في ${when}`,
    createdOn: (when) => `أُنشئ في ${when}`,
    lastUsed: (when) => `آخر استخدام ${when}`,
    neverUsed: 'لم يُستخدم قط',
    expires: (when) => `تنتهي صلاحيته في ${when}`,
    noExpiry: 'لا تنتهي صلاحيته',
    expired: 'منتهي الصلاحية',
    revoke: 'إبطال',
    revokeLabel: (name) => `إبطال ${name}`,
    confirmRevoke: (name) => `إبطال «${name}»؟ ستفشل الاستدعاءات التي تستخدمه بدءًا من الطلب التالي.`,
    confirm: 'إبطال',
    cancel: 'إلغاء',
    revoked: (name) => `أُبطل «${name}».`,
  },
};

export const apiTokenErrorsAr: typeof apiTokenErrorsEn = {
  api_token_invalid: 'رمز API مشوّه أو غير معروف أو مُبطل أو منتهي الصلاحية.',
  api_token_scope: 'لا يملك رمز API الصلاحية التي يحتاجها هذا الاستدعاء.',
  api_token_expiry_past: 'يجب أن يكون تاريخ انتهاء الصلاحية في المستقبل.',
  too_many_api_tokens: 'لدى هذه المؤسسة رموز API كثيرة جدًا. أبطل أحدها أولًا.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...apiTokensAr, errors: apiTokenErrorsAr };
