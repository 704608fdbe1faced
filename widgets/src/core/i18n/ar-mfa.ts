/**
 * Arabic, the second factor's section of the Arabic string set (ar.ts puts it together), and the
 * messages of the MFA error codes, which ar.ts spreads into `errors`.
 */
import type { MfaSections, mfaErrorsEn } from './en-mfa.js';
import { plural } from './plural.js';

export const mfaAr: MfaSections = {
  mfa: {
    title: 'التحقق بخطوتين',
    intro: 'إلى جانب كلمة المرور أو رابط تسجيل الدخول، اطلب رمزًا من تطبيق مصادقة على هاتفك.',
    signedOut: 'سجّل الدخول لإدارة التحقق بخطوتين.',
    loadFailed: 'تعذّر تحميل التحقق بخطوتين.',
    off: 'التحقق بخطوتين غير مفعّل.',
    on: 'التحقق بخطوتين مفعّل.',
    enabledSince: (when) => `مفعّل منذ ${when}.`,
    turnOn: 'إعداد تطبيق مصادقة',
    scan: 'امسح رمز QR هذا بتطبيق المصادقة لديك (مثل Google Authenticator أو 1Password أو Authy).',
    qrLabel: 'رمز QR لمفتاح المصادقة الخاص بك',
    manualKey: 'أو اكتب هذا المفتاح في التطبيق:',
    codeLabel: 'الرمز من التطبيق',
    codeHint: 'ستة أرقام.',
    confirm: 'تفعيل',
    cancel: 'إلغاء',
    recoveryTitle: 'احفظ رموز الاسترداد',
    recoveryText:
      'يسجّل كل رمز دخولك مرة واحدة إذا فقدت هاتفك. لن تظهر إلا الآن: احفظها في مكان آمن، مثل مدير كلمات المرور.',
    copy: 'نسخ',
    copied: 'نُسخت.',
    download: 'تنزيل (.txt)',
    print: 'طباعة',
    done: 'لقد حفظتها',
    remaining: (count) =>
      plural('ar', count, {
        zero: 'لم يتبقَّ أي رمز استرداد.',
        one: 'تبقّى رمز استرداد واحد.',
        two: 'تبقّى رمزا استرداد.',
        few: 'تبقّت # رموز استرداد.',
        many: 'تبقّى # رمزًا للاسترداد.',
        other: 'تبقّى # رمز استرداد.',
      }),
    fewLeft: 'تبقّت رموز استرداد قليلة: أنشئ رموزًا جديدة.',
    regenerate: 'إنشاء رموز استرداد جديدة',
    confirmRegenerate: 'إنشاء رموز استرداد جديدة؟ ستتوقف الرموز الحالية عن العمل.',
    disable: 'إيقاف',
    confirmDisable: 'إيقاف التحقق بخطوتين؟ لن يطلب تسجيل الدخول بعد ذلك إلا كلمة المرور أو رابطًا.',
    disabled: 'أُوقف التحقق بخطوتين.',
    fileHeading: (product) => `رموز الاسترداد لـ ${product}`,
    fileNote: 'يعمل كل رمز مرة واحدة.',
  },
};

export const mfaErrorsAr: typeof mfaErrorsEn = {
  mfa_already_enabled: 'التحقق بخطوتين مفعّل بالفعل.',
  mfa_not_enabled: 'التحقق بخطوتين غير مفعّل.',
  mfa_enrolment_missing: 'ابدأ إعداد تطبيق المصادقة من جديد.',
  mfa_required: 'تشترط هذه المؤسسة التحقق بخطوتين. فعّله في إعدادات الأمان لحسابك، ثم عُد إلى هنا.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...mfaAr, errors: mfaErrorsAr };
