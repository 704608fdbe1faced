/**
 * Arabic, `<acct-webhooks>`'s section of the Arabic string set (ar.ts puts it together), and the
 * messages of the webhook error codes, which ar.ts spreads into `errors`.
 */
import type { WebhookSections, webhookErrorsEn } from './en-webhooks.js';
import { plural } from './plural.js';

export const webhooksAr: WebhookSections = {
  webhooks: {
    title: 'خطافات الويب',
    intro: 'ترسل خطافات الويب أحداث هذه المؤسسة إلى خوادمك فور وقوعها، موقّعةً لتتمكن من التحقق منها.',
    noOrganization: 'اختر مؤسسة لإدارة خطافات الويب الخاصة بها.',
    signedOut: 'سجّل الدخول لإدارة خطافات الويب.',
    loadFailed: 'تعذّر تحميل خطافات الويب.',
    createTitle: 'نقطة نهاية جديدة',
    url: 'عنوان URL لنقطة النهاية',
    urlHint: 'عنوان https على خادمك، مثل https://example.com/acct-events.',
    description: 'الوصف',
    events: 'الأحداث',
    eventsRequired: 'اختر حدثًا واحدًا على الأقل.',
    category: { user: 'المستخدمون', session: 'الجلسات', organization: 'المؤسسة', onboarding: 'الإعداد' },
    create: 'إضافة نقطة نهاية',
    createdTitle: 'انسخ سرّ التوقيع',
    createdText: 'هذه هي المرة الوحيدة التي يظهر فيها السرّ. يحتاجه خادمك للتحقق من توقيع كل تسليم.',
    secretLabel: 'سرّ التوقيع',
    copy: 'نسخ',
    copied: 'نُسخ.',
    copyFailed: 'تعذّر النسخ: حدّد السرّ وانسخه بنفسك.',
    done: 'لقد حفظته',
    listTitle: 'نقاط النهاية',
    empty: 'لا توجد نقاط نهاية بعد.',
    active: 'نشِطة',
    disabled: {
      manual: 'معطّلة',
      gone: 'معطّلة: أجابت نقطة النهاية بـ 410 Gone',
      failing: 'معطّلة بعد إخفاقات متكررة',
    },
    failures: (count) =>
      plural('ar', count, {
        one: 'إخفاق واحد متتالٍ',
        two: 'إخفاقان متتاليان',
        few: '# إخفاقات متتالية',
        many: '# إخفاقًا متتاليًا',
        other: '# إخفاق متتالٍ',
      }),
    lastTriggered: (when) => `آخر تسليم ${when}`,
    neverTriggered: 'لا يوجد تسليم بعد',
    overlap: (when) => `يبقى السرّ السابق يوقّع أيضًا حتى ${when}`,
    enable: 'تفعيل',
    disable: 'تعطيل',
    rotate: 'تغيير السرّ',
    sendTest: 'إرسال حدث تجريبي',
    testQueued: 'أُضيف حدث تجريبي إلى قائمة الانتظار.',
    showLog: 'سجلّ التسليمات',
    hideLog: 'إخفاء السجلّ',
    remove: 'حذف',
    removeLabel: (url) => `حذف ${url}`,
    confirmRemove: (url) => `حذف نقطة النهاية ${url} وسجلّ تسليماتها؟`,
    confirm: 'حذف',
    cancel: 'إلغاء',
    removed: (url) => `حُذف ${url}.`,
    logEmpty: 'لا توجد تسليمات بعد.',
    status: { pending: 'في الانتظار', succeeded: 'سُلّم', failed: 'أخفق' },
    attempt: (n) => `المحاولة ${n}`,
    duration: (ms) => `${ms} مللي ثانية`,
    request: 'محتوى الطلب',
    response: 'محتوى الرد',
    noResponse: (error) => `لا يوجد رد (${error})`,
    replay: 'إعادة الإرسال',
    replayed: 'أُعيد التسليم إلى قائمة الانتظار.',
    more: 'التسليمات الأقدم',
  },
};

export const webhookErrorsAr: typeof webhookErrorsEn = {
  too_many_webhooks: 'لدى هذه المؤسسة نقاط نهاية كثيرة جدًا لخطافات الويب. احذف إحداها أولًا.',
  webhook_url_blocked: 'يشير عنوان URL هذا إلى عنوان خاص أو محلي أو محجوز، ولا يمكن لخطافات الويب الوصول إليه.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...webhooksAr, errors: webhookErrorsAr };
