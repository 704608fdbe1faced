/**
 * Arabic: the second step of signing in (en-second-factor.ts).
 */
import type { SecondFactorSections, secondFactorErrorsEn } from './en-second-factor.js';

export const secondFactorAr: SecondFactorSections = {
  secondFactor: {
    title: 'أدخل رمزك',
    intro: 'افتح تطبيق المصادقة وأدخل الرمز المكوّن من ستة أرقام الذي يعرضه لهذا الحساب.',
    recoveryIntro: 'أدخل أحد رموز الاسترداد التي حفظتها عند إعداد التحقق بخطوتين.',
    codeLabel: 'الرمز',
    recoveryLabel: 'رمز الاسترداد',
    verify: 'تحقّق',
    useRecovery: 'استخدام رمز استرداد',
    useApp: 'استخدام تطبيق المصادقة',
    startOver: 'البدء من جديد',
  },
};

export const secondFactorErrorsAr: typeof secondFactorErrorsEn = {
  invalid_mfa_code: 'هذا الرمز غير صحيح، أو سبق استخدامه. جرّب الرمز التالي.',
  mfa_challenge_expired: 'انتهت صلاحية تسجيل الدخول هذا. سجّل الدخول مرة أخرى.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...secondFactorAr, errors: secondFactorErrorsAr };
