/**
 * Arabic, the re-authentication dialog's section of the Arabic string set (ar.ts puts it together),
 * and the messages of the re-authentication error codes, which ar.ts spreads into `errors`.
 */
import type { ReauthSections, reauthErrorsEn } from './en-reauth.js';

export const reauthAr: ReauthSections = {
  reauth: {
    title: 'أكّد أنك أنت',
    explain: 'حفاظًا على أمانك، أثبت هويتك مرة أخرى قبل هذا التغيير. ستبقى مسجّل الدخول.',
    password: 'كلمة المرور',
    code: 'الرمز من تطبيق المصادقة',
    confirm: 'تأكيد',
    usePasskey: 'استخدام مفتاح مرور',
    or: 'أو',
    cancel: 'إلغاء',
    checking: 'جارٍ التحقق…',
    noMethod: 'لا توجد في حسابك طريقة للتأكيد هنا. سجّل الخروج ثم سجّل الدخول مرة أخرى، وحاول من جديد.',
    loadFailed: 'تعذّر تحميل طرق التأكيد.',
  },
};

export const reauthErrorsAr: typeof reauthErrorsEn = {
  reauthentication_required: 'حفاظًا على أمانك، أكّد أنك أنت للمتابعة.',
  reauthentication_failed: 'لم يُثبت ذلك أنك أنت. حاول مرة أخرى.',
  reauthentication_method_unavailable: 'طريقة التأكيد هذه غير متاحة لحسابك.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...reauthAr, errors: reauthErrorsAr };
